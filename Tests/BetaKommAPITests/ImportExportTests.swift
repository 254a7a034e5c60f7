import Foundation
import Survey
import SurveyData
import Testing
@testable import BetaKommAPI

@Suite struct ImportExportTests {
    @Test func importAndExportAreStaffOnly() throws {
        let fixture = try SubmissionFixture()
        #expect(try fixture.send("GET", "/v1/export.csv").status == 401)
        #expect(try fixture.send("GET", "/v1/export.csv", token: fixture.trondheim).status == 403)
        #expect(try fixture.send("POST", "/v1/import?dry_run=true", token: fixture.trondheim, json: "respondent_code,wave\n").status == 403)
        #expect(try fixture.send("GET", "/v1/audit", token: fixture.oslo).status == 403)
        #expect(try fixture.send("GET", "/v1/audit.csv").status == 401)
    }

    @Test func exportReimportedGivesTheSameData() throws {
        let fixture = try SubmissionFixture()
        let export = try fixture.send("GET", "/v1/export.csv", token: fixture.staff)
        #expect(export.status == 200)
        let lines = export.text.split(separator: "\r\n")
        #expect(lines.count == 275)
        #expect(lines[0].hasPrefix("respondent_code,wave,has_strategy,"))
        let imported = try fixture.send("POST", "/v1/import", token: fixture.staff, json: export.text, contentType: "text/csv")
        #expect(imported.status == 200)
        #expect((try imported.json()["created"] as? [Any])?.count == 274)
        #expect(try fixture.versionCount("1601") == 2)
        let again = try fixture.send("GET", "/v1/export.csv", token: fixture.staff)
        #expect(again.body == export.body)
        // The Excel variant reads back too.
        let excel = try fixture.send("GET", "/v1/export.csv?variant=excel&wave=2011", token: fixture.staff)
        #expect(excel.body.starts(with: [0xEF, 0xBB, 0xBF]))
        let dry = try fixture.send("POST", "/v1/import?dry_run=true", token: fixture.staff, json: excel.text, contentType: "text/csv")
        #expect(dry.status == 200)
        #expect(try dry.json()["rows"] as? Int == 274)
    }

    @Test func aDryRunReportsEveryProblemByRowAndColumnThenARealImportStores() throws {
        let fixture = try SubmissionFixture()
        let export = try fixture.send("GET", "/v1/export.csv?wave=2011", token: fixture.staff).text
        var rows = export.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = rows[0].components(separatedBy: ",")
        func set(_ row: Int, _ column: String, _ value: String) {
            var fields = rows[row - 1].components(separatedBy: ",")
            fields[header.firstIndex(of: column)!] = value
            rows[row - 1] = fields.joined(separator: ",")
        }
        // Row 2 is the first respondent; break three things in row 3 and one in row 5.
        let file = { rows.joined(separator: "\r\n") + "\r\n" }
        let original = file()
        set(3, "has_strategy", "perhaps")
        set(3, "wave", "1999")
        set(5, "respondent_code", "9999")
        let broken = file()
        let dry = try fixture.send("POST", "/v1/import?dry_run=true", token: fixture.staff, json: broken, contentType: "text/csv")
        #expect(dry.status == 422)
        let errors = try #require(try dry.json()["errors"] as? [[String: Any]])
        let cells = errors.map { "\($0["row"] as? Int ?? 0):\($0["column"] as? String ?? "-")" }
        #expect(cells.contains("3:has_strategy"))
        #expect(cells.contains("3:wave"))
        #expect(cells.contains("5:respondent_code"))
        #expect(try dry.json()["rows"] as? Int == 274)
        let real = try fixture.send("POST", "/v1/import", token: fixture.staff, json: broken, contentType: "text/csv")
        #expect(real.status == 422)
        #expect(try fixture.versionCount("1601") == 1)

        // KS's microdata for 2011: the same rows as wave 2011, one answer changed.
        rows = original.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let trondheimRow = try #require(rows.firstIndex { $0.hasPrefix("1601,") }) + 1
        set(trondheimRow, "facebook_fans", "4242")
        let stored = try fixture.send("POST", "/v1/import", token: fixture.staff, json: file(), contentType: "text/csv")
        #expect(stored.status == 200)
        #expect(try fixture.versionCount("1601") == 2)
        let fans = try fixture.send("GET", "/v1/statistics/facebook_fans?wave=2011", token: fixture.staff).json()
        let stored2011 = try fixture.app.application.store.snapshot().wave2011.answersByRespondent["1601"]?["facebook_fans"]
        #expect(stored2011 == .number(4242))
        #expect(fans["wave"] as? String == "2011")
        let audit = try fixture.send("GET", "/v1/audit?respondent=1601", token: fixture.staff).json()
        let entries = try #require(audit["entries"] as? [[String: Any]])
        #expect(entries.first?["action"] as? String == "import")
        #expect(entries.first?["changes"] as? [String] == ["/answers/facebook_fans"])
    }

    @Test func auditIsPaginatedAndExportedAsCSV() throws {
        let fixture = try SubmissionFixture()
        // Trondheim starts wave 2012 (v2, a put), then patches it three times (v3–v5).
        #expect(try fixture.startWave() == "\"r1601-v2\"")
        for version in 2...4 {
            let response = try fixture.send("PATCH", "/v1/respondents/1601/answers", token: fixture.trondheim,
                                            headers: [("If-Match", "\"r1601-v\(version)\"")], json: "{\"answers\":{\"facebook_fans\":\(version)}}")
            #expect(response.status == 200)
        }
        let first = try fixture.send("GET", "/v1/audit?limit=3", token: fixture.staff)
        let page = try first.json()
        #expect((page["entries"] as? [[String: Any]])?.map { $0["version"] as? Int } == [5, 4, 3])
        #expect((page["entries"] as? [[String: Any]])?.allSatisfy { $0["wave"] as? Int == SubmissionFixture.wave } == true)
        let link = try #require(first.header("Link"))
        let next = String(link.dropFirst().prefix { $0 != ">" })
        let second = try fixture.send("GET", next, token: fixture.staff).json()
        #expect((second["entries"] as? [[String: Any]])?.map { $0["version"] as? Int } == [2])
        #expect((second["entries"] as? [[String: Any]])?.first?["action"] as? String == "put")
        #expect(second["next_before"] is NSNull)
        let csv = try fixture.send("GET", "/v1/audit.csv?respondent=1601", token: fixture.staff)
        #expect(csv.status == 200)
        let lines = csv.text.split(separator: "\r\n")
        #expect(lines.first == "id,at,token_id,action,respondent_code,version,wave,changes,remote_address")
        #expect(lines.count == 5)
        #expect(lines.dropFirst().first?.contains(",put,1601,2,\(SubmissionFixture.wave),") == true)
        #expect(lines.dropFirst(2).allSatisfy { $0.contains(",patch,1601,") && $0.hasSuffix(",/answers/facebook_fans,127.0.0.1") })
    }

    /// KS imports the real 2011 microdata after a municipality has answered wave 2012: the import
    /// is a new version in wave 2011 only; the 2012 answers are untouched, the unit's token still
    /// reads them, and writes go on from the 2012 ETag.
    @Test func aWave2011ImportChangesWave2011OnlyAndWritesGoOnFromTheNewerWave() throws {
        let fixture = try SubmissionFixture()
        #expect(try fixture.startWave() == "\"r1601-v2\"")
        let patched = try fixture.send("PATCH", "/v1/respondents/1601/answers", token: fixture.trondheim,
                                       headers: [("If-Match", "\"r1601-v2\"")], json: #"{"answers":{"facebook_fans":5000}}"#)
        #expect(patched.status == 200)
        #expect(patched.header("ETag") == "\"r1601-v3\"")
        var rows = try fixture.send("GET", "/v1/export.csv?wave=2011", token: fixture.staff).text
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = rows[0].components(separatedBy: ",")
        let trondheimRow = try #require(rows.firstIndex { $0.hasPrefix("1601,") })
        var fields = rows[trondheimRow].components(separatedBy: ",")
        fields[try #require(header.firstIndex(of: "facebook_fans"))] = "4242"
        rows[trondheimRow] = fields.joined(separator: ",")
        let imported = try fixture.send("POST", "/v1/import", token: fixture.staff, json: rows.joined(separator: "\r\n") + "\r\n",
                                        contentType: "text/csv")
        #expect(imported.status == 200)
        let created = try imported.json().objects("created")
        #expect(created.count == 274)
        #expect(created.allSatisfy { $0.int("wave") == 2011 })
        #expect(created.first { $0.string("respondent_code") == "1601" }?.int("version") == 4)
        #expect(try fixture.versionCount("1601") == 4)

        // Wave 2011 has the import; wave 2012 still the submission.
        let wave2011 = try fixture.send("GET", "/v1/respondents/1601/answers?wave=2011", token: fixture.staff)
        #expect(wave2011.header("ETag") == "\"r1601-v4\"")
        #expect((try wave2011.json()["answers"] as? [String: Any])?["facebook_fans"] as? Int == 4242)
        let current = try fixture.send("GET", "/v1/respondents/1601/answers", token: fixture.trondheim)
        #expect(current.header("ETag") == "\"r1601-v3\"")
        #expect((try current.json()["answers"] as? [String: Any])?["facebook_fans"] as? Int == 5000)
        let snapshot = try fixture.app.application.store.snapshot()
        #expect(snapshot.waves[SubmissionFixture.wave]?.dataset.answersByRespondent["1601"]?["facebook_fans"] == .number(5000))
        #expect(snapshot.wave2011.answersByRespondent["1601"]?["facebook_fans"] == .number(4242))
        let fans = try fixture.send("GET", "/v1/statistics/facebook_fans?wave=2011", token: fixture.staff).json()
        #expect(fans["wave"] as? String == "2011")

        // The import's tag is wave 2011's, not the current version of the token's wave.
        let wrongWave = try fixture.send("PATCH", "/v1/respondents/1601/answers", token: fixture.trondheim,
                                         headers: [("If-Match", "\"r1601-v4\"")], json: #"{"answers":{"facebook_fans":5001}}"#)
        #expect(wrongWave.status == 412)
        let next = try fixture.send("PATCH", "/v1/respondents/1601/answers", token: fixture.trondheim,
                                    headers: [("If-Match", "\"r1601-v3\"")], json: #"{"answers":{"facebook_fans":5001}}"#)
        #expect(next.status == 200)
        #expect(next.header("ETag") == "\"r1601-v5\"")
        #expect(try next.json()["wave"] as? Int == SubmissionFixture.wave)
        // Wave 2011 is not moved by the 2012 write.
        #expect(try fixture.send("GET", "/v1/respondents/1601/answers?wave=2011", token: fixture.staff).header("ETag") == "\"r1601-v4\"")
    }

    /// A file holds one wave: its answers are validated against that wave's questionnaire and its
    /// codes must be units of that wave's map; the export of a later wave holds only its own answers.
    @Test func anImportIsCheckedAgainstItsWavesMapAndAnUnknownWaveIsNamed() throws {
        let fixture = try SubmissionFixture()
        #expect(try fixture.startWave() == "\"r1601-v2\"")
        let export = try fixture.send("GET", "/v1/export.csv?wave=\(SubmissionFixture.wave)", token: fixture.staff)
        #expect(export.status == 200)
        #expect(export.header("Content-Disposition") == "attachment; filename=\"betakomm-answers-\(SubmissionFixture.wave).csv\"")
        let lines = export.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix("1601,\(SubmissionFixture.wave),") == true)
        // Reimported, it is a new version in that wave.
        let imported = try fixture.send("POST", "/v1/import", token: fixture.staff, json: export.text, contentType: "text/csv")
        #expect(imported.status == 200)
        #expect(try imported.json().objects("created").map { "\($0.string("respondent_code") ?? ""):\($0.int("version") ?? 0):\($0.int("wave") ?? 0)" }
                == ["1601:3:\(SubmissionFixture.wave)"])

        // Wave 2026 asks the units of the 2024 map: 1601 is not one of them (it is 5001 now).
        let created = try fixture.send("POST", "/v1/waves", token: fixture.staff, json: """
            {"id":2026,"title_nb":"Sosiale medier 2026","title_en":"Social media 2026","map":2024,"questionnaire":"2011",\
            "opens_on":"2026-01-15","closes_on":"2026-03-31"}
            """)
        #expect(created.status == 201)
        let onOldMap = lines.map { $0.replacingOccurrences(of: "1601,\(SubmissionFixture.wave),", with: "1601,2026,") }.joined(separator: "\r\n")
        let refused = try fixture.send("POST", "/v1/import?dry_run=true", token: fixture.staff, json: onOldMap, contentType: "text/csv")
        #expect(refused.status == 422)
        let errors = try refused.json().objects("errors")
        #expect(errors.map { "\($0.int("row") ?? 0):\($0.string("column") ?? "-")" } == ["2:respondent_code"])
        #expect(errors.first?.string("detail")?.contains("2024 map") == true)
        let onNewMap = lines.map { $0.replacingOccurrences(of: "1601,\(SubmissionFixture.wave),", with: "5001,2026,") }.joined(separator: "\r\n")
        let accepted = try fixture.send("POST", "/v1/import", token: fixture.staff, json: onNewMap, contentType: "text/csv")
        #expect(accepted.status == 200, "\(accepted.text)")
        #expect(try accepted.json().objects("created").map { "\($0.string("respondent_code") ?? ""):\($0.int("version") ?? 0):\($0.int("wave") ?? 0)" }
                == ["5001:1:2026"])
        #expect(try fixture.send("GET", "/v1/respondents/5001/answers?wave=2026", token: fixture.staff).header("ETag") == "\"r5001-v1\"")

        // A wave that does not exist: the problem names the row and the column wave.
        let unknown = lines.map { $0.replacingOccurrences(of: "1601,\(SubmissionFixture.wave),", with: "1601,1999,") }.joined(separator: "\r\n")
        let noWave = try fixture.send("POST", "/v1/import?dry_run=true", token: fixture.staff, json: unknown, contentType: "text/csv")
        #expect(noWave.status == 422)
        let waveErrors = try noWave.json().objects("errors")
        #expect(waveErrors.map { "\($0.int("row") ?? 0):\($0.string("column") ?? "-")" } == ["2:wave"])
        #expect(waveErrors.first?.string("detail")?.contains("1999") == true)
        #expect(try fixture.versionCount("1601") == 3)
    }
}

/// The generated 2011 answers as stored by migration 0004.
enum BaselineAnswers {
    static func trondheim(_ fixture: SubmissionFixture) -> [String: Survey.AnswerValue]? {
        try? fixture.app.application.pool.read { db in
            try AnswerSetRepository.history(db, respondentCode: "1601").first?.answers
        }
    }
}
