import Foundation
import Testing
@testable import BetaKommAPI

@Suite struct SubmissionWriteTests {
    static let path = "/v1/respondents/1601/answers"

    @Test func patchWithIfMatchCreatesVersionTwoAndPutReplacesTheWhole() throws {
        let fixture = try SubmissionFixture()
        let read = try fixture.send("GET", Self.path, token: fixture.trondheim)
        #expect(read.header("ETag") == "\"r1601-v1\"")
        let answers = try #require(try read.json()["answers"] as? [String: Any])
        #expect(answers["facebook_fans"] as? Int != nil)

        let patched = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: [("If-Match", "\"r1601-v1\"")],
                                       json: #"{"answers":{"facebook_fans":12345}}"#)
        #expect(patched.status == 200)
        #expect(patched.header("ETag") == "\"r1601-v2\"")
        let document = try patched.json()
        #expect(document["version"] as? Int == 2)
        #expect(document["source"] as? String == "submission")
        #expect(document["wave"] as? Int == Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date()).year)
        let newAnswers = try #require(document["answers"] as? [String: Any])
        #expect(newAnswers["facebook_fans"] as? Int == 12345)
        #expect(newAnswers.count == answers.count)

        // PUT the whole set of a non-user: every user-only answer is gone in version 3.
        let put = try fixture.send("PUT", Self.path, token: fixture.staff, headers: [("If-Match", "\"r1601-v2\"")],
                                   json: SubmissionFixture.nonUserAnswers)
        #expect(put.status == 200)
        #expect(put.header("ETag") == "\"r1601-v3\"")
        #expect((try put.json()["answers"] as? [String: Any])?.count == 10)
        // The 2011 answers are untouched.
        let first = try fixture.send("GET", Self.path + "/versions/1", token: fixture.trondheim)
        #expect(first.header("ETag") == "\"r1601-v1\"")
        #expect(NSDictionary(dictionary: try first.json()["answers"] as? [String: Any] ?? [:]).isEqual(to: answers))
    }

    @Test func writesWithoutPreconditionAre428AndStaleOnesAre412() throws {
        let fixture = try SubmissionFixture()
        let missing = try fixture.send("PATCH", Self.path, token: fixture.trondheim, json: #"{"answers":{"facebook_fans":1}}"#)
        #expect(missing.status == 428)
        #expect(try missing.json()["detail"] as? String ?? "" == "A write needs a precondition so that two editors never overwrite each other: send If-Match: \"r1601-v1\" (the current version's ETag).")
        let ok = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: [("If-Match", "\"r1601-v1\"")],
                                  json: #"{"answers":{"facebook_fans":1}}"#)
        #expect(ok.status == 200)
        let stale = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: [("If-Match", "\"r1601-v1\"")],
                                     json: #"{"answers":{"facebook_fans":2}}"#)
        #expect(stale.status == 412)
        #expect(try fixture.versionCount("1601") == 2)
        // A first version needs If-None-Match: *, and only works once.
        let code = fixture.unanswered
        let created = try fixture.send("PUT", "/v1/respondents/\(code)/answers", token: fixture.staff, headers: [("If-None-Match", "*")],
                                       json: SubmissionFixture.nonUserAnswers)
        #expect(created.status == 201)
        #expect(created.header("ETag") == "\"r\(code)-v1\"")
        let again = try fixture.send("PUT", "/v1/respondents/\(code)/answers", token: fixture.staff, headers: [("If-None-Match", "*")],
                                     json: SubmissionFixture.nonUserAnswers)
        #expect(again.status == 412)
        // betakomm_submissions_total: the two stored versions, and the 428 and two 412s.
        let metrics = try PrometheusText(parsing: try fixture.app.get("/metrics").text)
        #expect(metrics.value("betakomm_submissions_total", ["outcome": "accepted"]) == 2)
        #expect(metrics.value("betakomm_submissions_total", ["outcome": "rejected"]) == 3)
    }

    @Test func everyKindOfValidationErrorIsReportedWithItsPointerAndNothingIsStored() throws {
        let fixture = try SubmissionFixture()
        let body = """
            {"answers":{"has_guidelines":"maybe","has_official_facebook_page":"no","has_strategy":["no"],"plans_official_page":"no",
            "plans_social_media_2011":"yes","politicians_trained":"no","reasons_not_using":["privacy","privacy","boredom"],
            "uses_social_media":"no","strategy_plans":"dont_know","colour":"red","channels":["facebook"],
            "importance_strategy":150}}
            """
        let response = try fixture.send("PUT", Self.path, token: fixture.trondheim, headers: [("If-Match", "\"r1601-v1\"")], json: body)
        #expect(response.status == 422)
        #expect(response.header("Content-Type") == "application/problem+json")
        let errors = try #require(try response.json()["errors"] as? [[String: Any]])
        let pointers = errors.compactMap { $0["pointer"] as? String }
        #expect(Set(pointers) == [
            "/answers/colour",                 // unknown question
            "/answers/has_guidelines",         // unknown option
            "/answers/has_strategy",           // wrong type: array for a single choice
            "/answers/reasons_not_using/1",    // duplicate option
            "/answers/reasons_not_using/2",    // unknown option in a multiple choice
            "/answers/channels",               // outside its base (only users are asked)
            "/answers/importance_strategy",    // out of the 0–100 scale (and outside its base is not said twice)
            "/answers/staff_trained",          // missing within its base
        ])
        #expect(errors.allSatisfy { ($0["detail"] as? String)?.hasSuffix(".") == true })
        #expect(try fixture.versionCount("1601") == 1)
        let fraction = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: [("If-Match", "\"r1601-v1\"")],
                                        json: #"{"answers":{"facebook_fans":12.5}}"#)
        #expect(fraction.status == 422)
        #expect((try fraction.json()["errors"] as? [[String: Any]])?.first?["pointer"] as? String == "/answers/facebook_fans")
    }

    @Test func malformedJSONIs400WithThePositionAndWrongMediaTypeIs415() throws {
        let fixture = try SubmissionFixture()
        let response = try fixture.send("PUT", Self.path, token: fixture.trondheim, headers: [("If-Match", "\"r1601-v1\"")],
                                        json: "{\"answers\":\n {\"has_strategy\": yes}}")
        #expect(response.status == 400)
        #expect(try response.json()["detail"] as? String == "The body is not valid JSON: unexpected character 'y' at line 2, column 19 (byte 30).")
        let wrongType = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: [("If-Match", "\"r1601-v1\"")],
                                         json: "{}", contentType: "application/json")
        #expect(wrongType.status == 415)
    }

    @Test func anIdempotentRetryReturnsTheFirstResultAndADifferentBodyIs422() throws {
        let fixture = try SubmissionFixture()
        let headers = [("If-Match", "\"r1601-v1\""), ("Idempotency-Key", "form-2026-11-29-a")]
        let body = #"{"answers":{"facebook_fans":777}}"#
        let first = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: headers, json: body)
        let retry = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: headers, json: body)
        #expect(first.status == 200)
        #expect(retry.status == first.status)
        #expect(retry.body == first.body)
        #expect(retry.header("ETag") == first.header("ETag"))
        #expect(retry.header("Idempotent-Replayed") == "true")
        #expect(try fixture.versionCount("1601") == 2)
        let different = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: headers, json: #"{"answers":{"facebook_fans":778}}"#)
        #expect(different.status == 422)
        // The key is scoped to the token: staff may use the same key for its own request.
        let staff = try fixture.send("PATCH", Self.path, token: fixture.staff, headers: [("If-Match", "\"r1601-v2\""), headers[1]], json: body)
        #expect(staff.status == 200)
        #expect(try fixture.versionCount("1601") == 3)
    }

    @Test func versionsDiffAndAuditRowsDescribeEachWrite() throws {
        let fixture = try SubmissionFixture()
        _ = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: [("If-Match", "\"r1601-v1\"")],
                             json: #"{"answers":{"facebook_fans":900,"best_channel":"youtube"}}"#)
        _ = try fixture.send("PATCH", Self.path, token: fixture.staff, headers: [("If-Match", "\"r1601-v2\"")],
                             json: #"{"answers":{"facebook_fans":901}}"#)
        let versions = try #require(try fixture.send("GET", Self.path + "/versions", token: fixture.trondheim).json()["versions"] as? [[String: Any]])
        #expect(versions.map { $0["version"] as? Int } == [1, 2, 3])
        #expect(versions.map { $0["source"] as? String } == ["baseline-2011", "submission", "submission"])
        let tokenIDs = try TokenStore(pool: fixture.app.application.pool).list().map(\.id)
        #expect(versions[0]["token_id"] is NSNull)
        #expect(versions[1]["token_id"] as? Int == tokenIDs[1])
        #expect(versions[2]["token_id"] as? Int == tokenIDs[0])

        let diff = try fixture.send("GET", Self.path + "/diff?from=1&to=3", token: fixture.trondheim).json()
        let changes = try #require(diff["changes"] as? [[String: Any]])
        #expect(changes.map { $0["pointer"] as? String } == ["/answers/best_channel", "/answers/facebook_fans"])
        #expect(changes.map { $0["op"] as? String } == ["changed", "changed"])
        #expect(changes[1]["new"] as? Int == 901)

        let rows = try fixture.app.application.pool.read { db in
            try db.query("SELECT token_id, action, version, changes, remote_address FROM audit_log WHERE respondent_code = '1601' ORDER BY id")
        }
        #expect(rows.count == 2)
        #expect(try rows.map { try $0.get(String.self, named: "changes") } == [#"["/answers/best_channel","/answers/facebook_fans"]"#, #"["/answers/facebook_fans"]"#])
        #expect(try rows.map { try $0.get(String.self, named: "remote_address") } == ["127.0.0.1", "127.0.0.1"])
        #expect(try rows.map { try $0.get(Int.self, named: "token_id") } == [tokenIDs[1], tokenIDs[0]])
    }

    @Test func anAggregateReflectsASubmissionAtOnce() throws {
        let fixture = try SubmissionFixture()
        let target = "/v1/statistics/uses_social_media?wave=current"
        func noCount(_ response: TestResponse) throws -> Int? {
            let total = try response.json()["total"] as? [String: Any]
            return (total?["options"] as? [[String: Any]])?.first { $0["code"] as? String == "no" }?["count"] as? Int
        }
        let before = try fixture.send("GET", target, token: fixture.staff)
        let beforeNo = try #require(try noCount(before))
        let created = try fixture.send("PUT", "/v1/respondents/\(fixture.unanswered)/answers", token: fixture.staff,
                                       headers: [("If-None-Match", "*")], json: SubmissionFixture.nonUserAnswers)
        #expect(created.status == 201)
        let after = try fixture.send("GET", target, token: fixture.staff)
        #expect(try noCount(after) == beforeNo + 1)
        #expect(after.header("ETag") != before.header("ETag"))
        // The 2011 wave does not move.
        let wave2011 = try fixture.send("GET", "/v1/statistics/uses_social_media?wave=2011", token: fixture.staff)
        #expect(try noCount(wave2011) == beforeNo)
    }
}
