import Foundation
import Survey
import SurveyData
import Testing
@testable import BetaKommAPI

/// Survey waves over the real server: staff create and open wave 2026 on the 2024 map, a unit of
/// today's map answers it, its statistics are suppressed in public and compared with 2011, and
/// closed or draft waves, other maps' codes and unknown waves are refused naming what is wrong.
@Suite struct WaveRouteTests {
    static let newWave = """
        {"id":2026,"title_nb":"Sosiale medier 2026","title_en":"Social media 2026","map":2024,"questionnaire":"2011",\
        "opens_on":"2026-01-15","closes_on":"2026-03-31"}
        """

    /// The fixture (wave 2012 open on the 2011 map) with wave 2026 created by staff on the 2024
    /// map (and opened unless `open` is false), and a token of Trondheim - Tråante (5001) for it.
    private struct Wave2026 {
        let fixture: SubmissionFixture
        let trondheim: String
        let spec: SchemaValidator

        init(open: Bool = true) throws {
            fixture = try SubmissionFixture()
            let created = try fixture.send("POST", "/v1/waves", token: fixture.staff, json: WaveRouteTests.newWave)
            guard created.status == 201 else { throw HTTPTestClient.Failure(description: "POST /v1/waves: \(created.status) \(created.text)") }
            if open {
                let opened = try fixture.send("POST", "/v1/waves/2026/open", token: fixture.staff)
                guard opened.status == 200 else { throw HTTPTestClient.Failure(description: "open: \(opened.status) \(opened.text)") }
            }
            trondheim = try TokenStore(pool: fixture.app.application.pool).issue(respondentCode: "5001", wave: 2026, name: "Trondheim - Tråante").text
            spec = SchemaValidator(document: try fixture.app.get("/openapi.json").json())
        }

        /// Trondheim - Tråante answers wave 2026 as Trondheim answered 2011 (a user of social media).
        func answer() throws -> TestResponse {
            try fixture.send("PUT", "/v1/respondents/5001/answers", token: trondheim, headers: [("If-None-Match", "*")],
                             json: try fixture.answers2011("1601"))
        }

        /// The problems of a JSON body against a component schema (empty: it conforms).
        func problems(_ response: TestResponse, _ schema: String) throws -> [String] {
            spec.validate(try JSONSerialization.jsonObject(with: Data(response.body)), against: ["$ref": "#/components/schemas/\(schema)"])
        }
    }

    @Test func staffCreateAndOpenAWaveAndAUnitOfTheNewMapAnswersIt() throws {
        let fixture = try SubmissionFixture()
        let created = try fixture.send("POST", "/v1/waves", token: fixture.staff, json: Self.newWave)
        #expect(created.status == 201)
        #expect(created.header("Location") == "/v1/waves/2026")
        #expect(created.header("Cache-Control") == "no-store")
        let wave = try #require(try created.json().object("wave"))
        #expect(wave.int("id") == 2026)
        #expect(wave.int("map") == 2024)
        #expect(wave.string("questionnaire") == "2011")
        #expect(wave.string("status") == "draft")
        #expect(wave.string("opens_on") == "2026-01-15")
        #expect(wave.string("closes_on") == "2026-03-31")
        #expect(wave.int("units") == 372)
        #expect(wave.int("answered") == 0)
        // The same id again is a conflict.
        #expect(try fixture.send("POST", "/v1/waves", token: fixture.staff, json: Self.newWave).status == 409)

        // A draft takes no answers from a unit's token.
        let trondheim = try TokenStore(pool: fixture.app.application.pool).issue(respondentCode: "5001", wave: 2026, name: "Trondheim - Tråante").text
        let body = try fixture.answers2011("1601")
        let draft = try fixture.send("PUT", "/v1/respondents/5001/answers", token: trondheim, headers: [("If-None-Match", "*")], json: body)
        #expect(draft.status == 409)
        #expect(try draft.json().string("detail") == "Wave 2026 is draft (2026-01-15 to 2026-03-31): it takes no answers now.")

        let opened = try fixture.send("POST", "/v1/waves/2026/open", token: fixture.staff)
        #expect(opened.status == 200)
        #expect(try opened.json().object("wave")?.string("status") == "open")
        let answered = try fixture.send("PUT", "/v1/respondents/5001/answers", token: trondheim, headers: [("If-None-Match", "*")], json: body)
        #expect(answered.status == 201, "\(answered.text)")
        #expect(answered.header("ETag") == "\"r5001-v1\"")
        #expect(try answered.json().int("wave") == 2026)
        #expect(try fixture.send("GET", "/v1/respondents/5001/answers", token: trondheim).header("ETag") == "\"r5001-v1\"")

        // Public: every wave with its response rate.
        let list = try fixture.app.get("/v1/waves")
        #expect(list.status == 200)
        let waves = try list.json().objects("waves")
        #expect(waves.compactMap { $0.int("id") } == [2011, SubmissionFixture.wave, 2026])
        let baseline = try #require(waves.first)
        #expect(baseline.string("status") == "closed")
        #expect(baseline.int("units") == 449)
        #expect(baseline.int("answered") == 274)
        let one = try fixture.app.get("/v1/waves/2026")
        #expect(one.status == 200)
        #expect(try one.json().object("wave")?.int("answered") == 1)
        #expect(try one.json().object("wave")?.string("status") == "open")
        let unknown = try fixture.app.get("/v1/waves/1999")
        #expect(unknown.status == 404)

        let spec = SchemaValidator(document: try fixture.app.get("/openapi.json").json())
        for (response, schema) in [(created, "WaveResponse"), (opened, "WaveResponse"), (list, "WaveList"), (one, "WaveResponse"),
                                   (draft, "Problem"), (unknown, "Problem")] {
            let problems = spec.validate(try JSONSerialization.jsonObject(with: Data(response.body)), against: ["$ref": "#/components/schemas/\(schema)"])
            #expect(problems.isEmpty, "\(schema): \(problems)")
        }
    }

    @Test func aCodeOfAnEarlierMapIsNotFoundNamingItsSuccessor() throws {
        let wave = try Wave2026()
        let message = "1601 is Trondheim on an earlier map; on the 2024 map this wave asks it is 5001 (Trondheim - Tråante)."
        let tokens = TokenStore(pool: wave.fixture.app.application.pool)
        do {
            _ = try tokens.issue(respondentCode: "1601", wave: 2026, name: "Trondheim")
            Issue.record("a token for 1601 was issued for wave 2026, whose map has no 1601")
        } catch let error as WaveError {
            guard case .notOnMap = error else { Issue.record("expected notOnMap, got \(error)"); return }
            #expect(error.description == message)
            #expect(error.description.contains("5001"))
        }
        // Staff may write to any wave, but not a unit its map does not have.
        let put = try wave.fixture.send("PUT", "/v1/respondents/1601/answers?wave=2026", token: wave.fixture.staff,
                                        headers: [("If-None-Match", "*")], json: try wave.fixture.answers2011("1601"))
        #expect(put.status == 404)
        let problem = try put.json()
        #expect(problem.string("detail") == message)
        #expect(problem.objects("errors").first?.string("parameter") == "code")
        #expect(try wave.fixture.versionCount("1601") == 1)
        // A unit's token answers its own wave only.
        let other = try wave.fixture.send("PUT", "/v1/respondents/5001/answers?wave=2011", token: wave.trondheim,
                                          headers: [("If-None-Match", "*")], json: try wave.fixture.answers2011("1601"))
        #expect(other.status == 403)
        #expect(try other.json().string("detail") == "This token answers wave 2026, not wave 2011.")
    }

    /// One answer in wave 2026: below the minimum cell size (3) the public total is suppressed;
    /// staff see the exact count.
    @Test func aWaveWithOneAnswerIsSuppressedInPublicAndExactForStaff() throws {
        let wave = try Wave2026()
        #expect(try wave.answer().status == 201)
        let public12 = try wave.fixture.app.get("/v1/figures/12?wave=2026")
        #expect(public12.status == 200)
        #expect(try public12.json().string("wave") == "2026")
        let publicTotal = try #require(try public12.json().object("figure")?.objects("panels").first?.object("total"))
        #expect(publicTotal["suppressed"] as? Bool == true)
        #expect(publicTotal.isNull("base_n"))
        #expect(publicTotal.objects("options").allSatisfy { $0.isNull("count") && $0.isNull("percent") })
        let staff12 = try wave.fixture.send("GET", "/v1/figures/12?wave=2026", token: wave.fixture.staff)
        #expect(try staff12.json().object("figure")?.int("n") == 1)
        let staffTotal = try #require(try staff12.json().object("figure")?.objects("panels").first?.object("total"))
        #expect(staffTotal["suppressed"] as? Bool == false)
        #expect(staffTotal.int("base_n") == 1)
        #expect(staffTotal.objects("options").first { $0.string("code") == "facebook" }?.int("count") == 1)
        #expect(try wave.problems(public12, "FigureResponse").isEmpty)
        #expect(try wave.problems(staff12, "FigureResponse").isEmpty)
        // The statistics say how many of the wave's units answered.
        let statistic = try wave.fixture.send("GET", "/v1/statistics/channels?wave=2026", token: wave.fixture.staff).json()
        #expect(statistic.object("response")?.int("answered") == 1)
        #expect(statistic.object("response")?.int("units") == 372)
        #expect(statistic.object("response")?.int("rate_percent") == 0)
    }

    @Test func compareWith2011GivesBothSidesAndTheDifferenceInPoints() throws {
        let wave = try Wave2026()
        #expect(try wave.answer().status == 201)
        let staff = try wave.fixture.send("GET", "/v1/statistics/channels?wave=2026&compare=2011", token: wave.fixture.staff)
        #expect(staff.status == 200)
        let staffProblems = try wave.problems(staff, "Statistic")
        #expect(staffProblems.isEmpty, "\(staffProblems)")
        let compare = try #require(try staff.json().object("compare"))
        #expect(compare.string("wave") == "2026")
        #expect(compare.string("with") == "2011")
        #expect(compare.object("question_2011")?.string("id") == "channels")
        let total = try #require(compare.object("total"))
        #expect(total.object("now")?.int("base_n") == 1)
        // 2011: the 159 units that used social media (fig. 12's printed base).
        #expect(total.object("then")?.int("base_n") == 159)
        let facebook = try #require(total.objects("options").first { $0.string("code") == "facebook" })
        #expect(facebook.string("code_2011") == "facebook")
        #expect(facebook.int("count_now") == 1)
        #expect(facebook.int("percent_now") == 100)
        let countThen = try #require(facebook.int("count_then"))
        // The difference is of the unrounded shares, in points to one decimal.
        let expected = ((1.0 - Double(countThen) / 159) * 1000).rounded() / 10
        #expect(facebook.double("difference_points") == expected)
        // Each difference has Newcombe's interval in points, flagged when it excludes 0; one answer
        // against 159 is a base under 30, so the group warns, and the waves are independent samples.
        #expect(compare.string("samples") == "independent")
        #expect(compare.double("level") == 0.95)
        let low = try #require(facebook.double("difference_ci_low"))
        let high = try #require(facebook.double("difference_ci_high"))
        #expect(low < expected && expected < high)
        #expect(facebook["significant"] as? Bool == (low > 0 || high < 0))
        #expect((total["warnings"] as? [String])?.contains { $0.contains("wave 2026 (n = 1)") } == true)
        let linkedin = try #require(total.objects("options").first { $0.string("code") == "linkedin" })
        #expect(linkedin.int("count_now") == 0)
        #expect(linkedin.double("difference_points") == ((0 - Double(linkedin.int("count_then") ?? 0) / 159) * 1000).rounded() / 10)

        // In public each side keeps its own suppression: 2011 is shown, the single 2026 answer is not.
        let publicCompare = try #require(try wave.fixture.app.get("/v1/statistics/channels?wave=2026&compare=2011").json().object("compare"))
        let publicTotal = try #require(publicCompare.object("total"))
        #expect(publicTotal.object("now")?["suppressed"] as? Bool == true)
        #expect(publicTotal.object("now")?.isNull("base_n") == true)
        #expect(publicTotal.object("then")?.int("base_n") == 159)
        #expect(publicTotal.objects("options").allSatisfy { $0.isNull("difference_points") && $0.isNull("count_now") && $0.int("count_then") != nil })

        // A figure compares each panel.
        let figure = try wave.fixture.send("GET", "/v1/figures/12?wave=2026&compare=2011", token: wave.fixture.staff)
        #expect(figure.status == 200)
        let figureProblems = try wave.problems(figure, "FigureResponse")
        #expect(figureProblems.isEmpty, "\(figureProblems)")
        let panel = try #require(try figure.json().object("figure")?.objects("panels").first)
        #expect(panel.object("compare")?.object("total")?.object("then")?.int("base_n") == 159)
    }

    /// by=county with compare: both waves grouped by the 15 counties of the 2024 map, each 2011
    /// unit counted in its successor's county, so the 2011 side still adds up to the 2011 base.
    @Test func aComparisonByCountyUsesTodaysCountiesForBothWaves() throws {
        let wave = try Wave2026()
        #expect(try wave.answer().status == 201)
        let response = try wave.fixture.send("GET", "/v1/statistics/uses_social_media?wave=2026&compare=2011&by=county", token: wave.fixture.staff)
        #expect(response.status == 200)
        let responseProblems = try wave.problems(response, "Statistic")
        #expect(responseProblems.isEmpty, "\(responseProblems)")
        let json = try response.json()
        let counties2024 = ["03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56"]
        #expect(json.objects("groups").compactMap { $0.string("key") } == counties2024)
        let compare = try #require(json.object("compare"))
        let groups = compare.objects("groups")
        #expect(groups.compactMap { $0.string("key") } == counties2024)
        let base2011 = try #require(compare.object("total")?.object("then")?.int("base_n"))
        #expect(base2011 == 274)
        #expect(groups.compactMap { $0.object("then")?.int("base_n") }.reduce(0, +) == base2011)
        #expect(groups.compactMap { $0.object("now")?.int("base_n") }.reduce(0, +) == 1)
        // Trondheim - Tråante is in Trøndelag (50), as are Trondheim's and Klæbu's 2011 answers.
        #expect(groups.first { $0.string("key") == "50" }?.object("now")?.int("base_n") == 1)
        #expect((groups.first { $0.string("key") == "50" }?.object("then")?.int("base_n") ?? 0) >= 2)
        // Wave 2011 alone keeps its own 19 counties.
        let alone = try wave.fixture.app.get("/v1/statistics/uses_social_media?wave=2011&by=county").json()
        #expect(alone.objects("groups").count == 19)
    }

    @Test func aClosedWaveRefusesAUnitsWriteWithItsDatesAndStaffMayStillCorrect() throws {
        let wave = try Wave2026()
        let first = try wave.answer()
        #expect(first.status == 201)
        let closed = try wave.fixture.send("POST", "/v1/waves/2026/close", token: wave.fixture.staff)
        #expect(closed.status == 200)
        #expect(try closed.json().object("wave")?.string("status") == "closed")
        let late = try wave.fixture.send("PATCH", "/v1/respondents/5001/answers", token: wave.trondheim,
                                         headers: [("If-Match", "\"r5001-v1\"")], json: #"{"answers":{"facebook_fans":1}}"#)
        #expect(late.status == 409)
        let detail = try late.json().string("detail") ?? ""
        #expect(detail == "Wave 2026 is closed (2026-01-15 to 2026-03-31): it takes no answers now.")
        #expect(detail.contains("2026-01-15") && detail.contains("2026-03-31"))
        #expect(try wave.fixture.versionCount("5001") == 1)
        // Staff correct a closed wave; the audit log records it.
        let corrected = try wave.fixture.send("PATCH", "/v1/respondents/5001/answers?wave=2026", token: wave.fixture.staff,
                                              headers: [("If-Match", "\"r5001-v1\"")], json: #"{"answers":{"facebook_fans":1}}"#)
        #expect(corrected.status == 200)
        #expect(corrected.header("ETag") == "\"r5001-v2\"")
        let audit = try wave.fixture.send("GET", "/v1/audit?respondent=5001", token: wave.fixture.staff).json().objects("entries")
        #expect(audit.map { "\($0.int("version") ?? 0):\($0.int("wave") ?? 0):\($0.string("action") ?? "")" } == ["2:2026:patch", "1:2026:put"])
        let staffID = try TokenStore(pool: wave.fixture.app.application.pool).list().first { $0.role == "staff" }?.id
        #expect(audit.first?.int("token_id") == staffID)
        // Waves only move forward.
        let again = try wave.fixture.send("POST", "/v1/waves/2026/close", token: wave.fixture.staff)
        #expect(again.status == 409)
        #expect(try again.json().string("detail") == "Wave 2026 is closed and cannot become closed (draft → open → closed).")
        #expect(try wave.fixture.send("POST", "/v1/waves/2026/open", token: wave.fixture.staff).status == 409)
        #expect(try wave.fixture.send("POST", "/v1/waves/1999/open", token: wave.fixture.staff).status == 404)
    }

    @Test func onlyStaffCreateOpenAndCloseWaves() throws {
        let wave = try Wave2026(open: false)
        for (path, body) in [("/v1/waves", Self.newWave.replacingOccurrences(of: "2026", with: "2027")), ("/v1/waves/2026/open", nil),
                             ("/v1/waves/2026/close", nil)] {
            #expect(try wave.fixture.send("POST", path, json: body).status == 401, "\(path)")
            #expect(try wave.fixture.send("POST", path, token: wave.trondheim, json: body).status == 403, "\(path)")
            #expect(try wave.fixture.send("POST", path, token: wave.fixture.trondheim, json: body).status == 403, "\(path)")
        }
        #expect(try wave.fixture.app.get("/v1/waves/2026").json().object("wave")?.string("status") == "draft")
        #expect(try wave.fixture.app.get("/v1/waves/2027").status == 404)
        // An invalid wave is refused naming the field.
        let invalid = try wave.fixture.send("POST", "/v1/waves", token: wave.fixture.staff, json: #"{"id":2028,"title_nb":"x","title_en":"x","questionnaire":"2011"}"#)
        #expect(invalid.status == 422)
        #expect(try invalid.json().objects("errors").first?.string("pointer") == "/map")
    }

    @Test func unitsNameTheirPredecessorsAndSuccessorsOnTheOtherMap() throws {
        let app = try TestApplication.shared.get()
        let today = try app.get("/v1/respondents/5001").json()
        let unit = try #require(today.object("respondent"))
        #expect(unit.int("map") == 2024)
        #expect(unit.string("name") == "Trondheim - Tråante")
        #expect(unit.objects("predecessors").map { "\($0.string("code") ?? "")@\($0.int("map") ?? 0):\($0.string("change") ?? "")" }
                == ["1601@2011:merged", "1662@2011:merged"])
        #expect(unit.objects("predecessors").first?.string("href") == "/v1/respondents/1601?map=2011")
        #expect(unit.objects("successors").isEmpty)
        #expect(today["on_maps"] as? [Int] == [2024])

        let earlier = try #require(try app.get("/v1/respondents/1601").json().object("respondent"))
        #expect(earlier.int("map") == 2011)
        #expect(earlier.objects("successors").map { "\($0.string("code") ?? "")@\($0.int("map") ?? 0)" } == ["5001@2024"])
        #expect(earlier.objects("successors").first?.string("name") == "Trondheim - Tråante")
        #expect(earlier.objects("predecessors").isEmpty)

        // A code on both maps: the newest by default, map= picks one.
        let oslo = try app.get("/v1/respondents/0301").json()
        #expect(oslo["on_maps"] as? [Int] == [2011, 2024])
        #expect(oslo.object("respondent")?.int("map") == 2024)
        #expect(try app.get("/v1/respondents/0301?map=2011").json().object("respondent")?.int("map") == 2011)
        #expect(try app.get("/v1/respondents/5001?map=2011").status == 404)
        #expect(try app.get("/v1/respondents/0301?map=1999").status == 400)
    }

    @Test func aNameSearchWithoutAMapFindsTheUnitOnBothMaps() throws {
        let app = try TestApplication.shared.get()
        let rows = try app.get("/v1/respondents?q=trondheim").json().objects("respondents")
        #expect(rows.map { "\($0.string("code") ?? "")@\($0.int("map") ?? 0)" } == ["1601@2011", "5001@2024"])
        let today = try app.get("/v1/respondents?q=trondheim&map=2024").json().objects("respondents")
        #expect(today.map { $0.string("code") } == ["5001"])
        // Without q the list is the 2011 map.
        let list = try app.get("/v1/respondents?limit=500").json().objects("respondents")
        #expect(list.count == 449)
        #expect(list.allSatisfy { $0.int("map") == 2011 })
        #expect(try app.get("/v1/respondents?limit=500&map=2024").json().objects("respondents").count == 372)
    }

    @Test func currentAndUnknownWavesAreRefusedNamingWave() throws {
        let app = try TestApplication.shared.get()
        let targets = ["/v1/statistics/channels", "/v1/figures/12", "/v1/figures/12.svg", "/v1/questions", "/v1/questions/channels",
                       "/v1/respondents/1601/score", "/v1/channels"]
        for target in targets {
            let current = try app.get(target + "?wave=current")
            #expect(current.status == 400, "\(target)")
            let errors = try current.json().objects("errors")
            #expect(errors.first?.string("parameter") == "wave", "\(target)")
            #expect(errors.first?.string("detail")?.contains("no 'current'") == true, "\(target): \(current.text)")
            let unknown = try app.get(target + "?wave=1999")
            #expect([400, 404].contains(unknown.status), "\(target)")
            #expect(try unknown.json().objects("errors").first?.string("parameter") == "wave", "\(target)")
            #expect(try unknown.json().string("detail")?.contains("1999") == true, "\(target)")
        }
        let compare = try app.get("/v1/statistics/channels?compare=1999")
        #expect(compare.status == 400)
        #expect(try compare.json().objects("errors").first?.string("parameter") == "compare")
    }

    /// A wave's questionnaire with each question's 2011 counterpart: null in 2011's own.
    @Test func questionsNameTheirWaveAndQuestionnaire() throws {
        let app = try TestApplication.shared.get()
        let list = try app.get("/v1/questions").json()
        #expect(list.string("wave") == "2011")
        #expect(list.string("questionnaire") == "2011")
        let questions = list.objects("questions")
        #expect(questions.count == 47)
        #expect(questions.allSatisfy { $0.isNull("counterpart_2011") && $0.objects("options").allSatisfy { $0.isNull("counterpart_2011") } })
        let one = try app.get("/v1/questions/channels?wave=2011").json()
        #expect(one.string("wave") == "2011")
        #expect(one.object("question")?.isNull("counterpart_2011") == true)
    }
}
