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
        for version in 1...3 {
            let response = try fixture.send("PATCH", "/v1/respondents/1601/answers", token: fixture.trondheim,
                                            headers: [("If-Match", "\"r1601-v\(version)\"")], json: "{\"answers\":{\"facebook_fans\":\(version)}}")
            #expect(response.status == 200)
        }
        let first = try fixture.send("GET", "/v1/audit?limit=2", token: fixture.staff)
        let page = try first.json()
        #expect((page["entries"] as? [[String: Any]])?.map { $0["version"] as? Int } == [4, 3])
        let link = try #require(first.header("Link"))
        let next = String(link.dropFirst().prefix { $0 != ">" })
        let second = try fixture.send("GET", next, token: fixture.staff).json()
        #expect((second["entries"] as? [[String: Any]])?.map { $0["version"] as? Int } == [2])
        #expect(second["next_before"] is NSNull)
        let csv = try fixture.send("GET", "/v1/audit.csv?respondent=1601", token: fixture.staff)
        #expect(csv.status == 200)
        let lines = csv.text.split(separator: "\r\n")
        #expect(lines.first == "id,at,token_id,action,respondent_code,version,wave,changes,remote_address")
        #expect(lines.count == 4)
        #expect(lines.dropFirst().allSatisfy { $0.contains(",patch,1601,") && $0.hasSuffix(",/answers/facebook_fans,127.0.0.1") })
    }

    /// KS imports the real 2011 microdata after a municipality has submitted: the import is the
    /// new wave-2011 answer, the submission stays the current one, and writes go on from it.
    @Test func aWave2011ImportDoesNotReplaceANewerSubmissionAsCurrent() throws {
        let fixture = try SubmissionFixture()
        let patched = try fixture.send("PATCH", "/v1/respondents/1601/answers", token: fixture.trondheim,
                                       headers: [("If-Match", "\"r1601-v1\"")], json: #"{"answers":{"facebook_fans":5000}}"#)
        #expect(patched.status == 200)
        let export = try fixture.send("GET", "/v1/export.csv?wave=2011", token: fixture.staff).text
        // The "microdata" here are the 2011 rows exported unchanged; what matters is their wave.
        #expect(try fixture.send("POST", "/v1/import", token: fixture.staff, json: export, contentType: "text/csv").status == 200)
        #expect(try fixture.versionCount("1601") == 3)
        let current = try fixture.send("GET", "/v1/respondents/1601/answers", token: fixture.trondheim)
        #expect(current.header("ETag") == "\"r1601-v2\"")
        #expect((try current.json()["answers"] as? [String: Any])?["facebook_fans"] as? Int == 5000)
        let snapshot = try fixture.app.application.store.snapshot()
        #expect(snapshot.current.answersByRespondent["1601"]?["facebook_fans"] == .number(5000))
        #expect(snapshot.wave2011.answersByRespondent["1601"] == BaselineAnswers.trondheim(fixture))
        let next = try fixture.send("PATCH", "/v1/respondents/1601/answers", token: fixture.trondheim,
                                    headers: [("If-Match", "\"r1601-v2\"")], json: #"{"answers":{"facebook_fans":5001}}"#)
        #expect(next.status == 200)
        #expect(next.header("ETag") == "\"r1601-v4\"")
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
