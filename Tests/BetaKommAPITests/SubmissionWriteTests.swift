import Foundation
import SurveyData
import Testing
@testable import BetaKommAPI

@Suite struct SubmissionWriteTests {
    static let path = "/v1/respondents/1601/answers"

    /// A unit's set starts empty in each wave: the first write is a PUT with If-None-Match: *
    /// (201; 1601's v1 is its 2011 baseline, so this is v2), then PATCH with If-Match makes the
    /// next version and PUT replaces the whole set. The 2011 answers are untouched.
    @Test func aFirstPutStartsTheWaveThenPatchWithIfMatchAndPutMakeNewVersions() throws {
        let fixture = try SubmissionFixture()
        // Nothing is carried forward from 2011: the token's wave has no answers yet.
        let empty = try fixture.send("GET", Self.path, token: fixture.trondheim)
        #expect(empty.status == 404)
        #expect(try empty.json()["detail"] as? String ?? "" == "Respondent 1601 has no answers in this wave yet; create the first version with PUT and If-None-Match: *.")
        // Without a wave or a token's wave, the newest wave the unit answered: its 2011 baseline.
        let read = try fixture.send("GET", Self.path, token: fixture.staff)
        #expect(read.header("ETag") == "\"r1601-v1\"")
        #expect(try read.json()["wave"] as? Int == 2011)
        let answers = try #require(try read.json()["answers"] as? [String: Any])
        #expect(answers["facebook_fans"] as? Int != nil)

        let created = try fixture.send("PUT", Self.path, token: fixture.trondheim, headers: [("If-None-Match", "*")],
                                       json: try fixture.answers2011("1601"))
        #expect(created.status == 201)
        #expect(created.header("ETag") == "\"r1601-v2\"")
        #expect(created.header("Content-Location") == "/v1/respondents/1601/answers/versions/2")
        #expect(try created.json()["wave"] as? Int == SubmissionFixture.wave)
        #expect(NSDictionary(dictionary: try created.json()["answers"] as? [String: Any] ?? [:]).isEqual(to: answers))

        let patched = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: [("If-Match", "\"r1601-v2\"")],
                                       json: #"{"answers":{"facebook_fans":12345}}"#)
        #expect(patched.status == 200)
        #expect(patched.header("ETag") == "\"r1601-v3\"")
        let document = try patched.json()
        #expect(document["version"] as? Int == 3)
        #expect(document["source"] as? String == "submission")
        #expect(document["wave"] as? Int == SubmissionFixture.wave)
        let newAnswers = try #require(document["answers"] as? [String: Any])
        #expect(newAnswers["facebook_fans"] as? Int == 12345)
        #expect(newAnswers.count == answers.count)

        // PUT the whole set of a non-user: every user-only answer is gone in version 4.
        let put = try fixture.send("PUT", Self.path, token: fixture.staff, headers: [("If-Match", "\"r1601-v3\"")],
                                   json: SubmissionFixture.nonUserAnswers)
        #expect(put.status == 200)
        #expect(put.header("ETag") == "\"r1601-v4\"")
        #expect(try put.json()["wave"] as? Int == SubmissionFixture.wave)
        #expect((try put.json()["answers"] as? [String: Any])?.count == 10)
        // The token reads its wave's latest version; the 2011 answers are untouched.
        #expect(try fixture.send("GET", Self.path, token: fixture.trondheim).header("ETag") == "\"r1601-v4\"")
        let baseline = try fixture.send("GET", Self.path + "?wave=2011", token: fixture.staff)
        #expect(baseline.header("ETag") == "\"r1601-v1\"")
        let first = try fixture.send("GET", Self.path + "/versions/1", token: fixture.trondheim)
        #expect(first.header("ETag") == "\"r1601-v1\"")
        #expect(NSDictionary(dictionary: try first.json()["answers"] as? [String: Any] ?? [:]).isEqual(to: answers))
    }

    /// A PATCH on a wave's empty set merges into `{}`: a partial first write is incomplete.
    @Test func aFirstPatchMergesIntoAnEmptySet() throws {
        let fixture = try SubmissionFixture()
        let partial = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: [("If-None-Match", "*")],
                                       json: #"{"answers":{"facebook_fans":10}}"#)
        #expect(partial.status == 422)
        let pointers = Set(try partial.json().objects("errors").compactMap { $0.string("pointer") })
        #expect(pointers.contains("/answers/uses_social_media"))
        #expect(try fixture.versionCount("1601") == 1)
        let whole = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: [("If-None-Match", "*")],
                                     json: SubmissionFixture.nonUserAnswers)
        #expect(whole.status == 201)
        #expect(whole.header("ETag") == "\"r1601-v2\"")
        #expect((try whole.json()["answers"] as? [String: Any])?.count == 10)
    }

    @Test func writesWithoutPreconditionAre428AndStaleOnesAre412() throws {
        let fixture = try SubmissionFixture()
        // Before the unit's first write in the wave, the 428 says how to make it.
        let first = try fixture.send("PATCH", Self.path, token: fixture.trondheim, json: #"{"answers":{"facebook_fans":1}}"#)
        #expect(first.status == 428)
        #expect(try first.json()["detail"] as? String ?? "" == "A write needs a precondition so that two editors never overwrite each other: send If-None-Match: * to create the first version.")
        // The 2011 baseline's tag is not this wave's current version.
        let baselineTag = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: [("If-Match", "\"r1601-v1\"")],
                                           json: #"{"answers":{"facebook_fans":1}}"#)
        #expect(baselineTag.status == 412)
        #expect(try fixture.startWave() == "\"r1601-v2\"")
        let missing = try fixture.send("PATCH", Self.path, token: fixture.trondheim, json: #"{"answers":{"facebook_fans":1}}"#)
        #expect(missing.status == 428)
        #expect(try missing.json()["detail"] as? String ?? "" == "A write needs a precondition so that two editors never overwrite each other: send If-Match: \"r1601-v2\" (the current version's ETag).")
        let ok = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: [("If-Match", "\"r1601-v2\"")],
                                  json: #"{"answers":{"facebook_fans":1}}"#)
        #expect(ok.status == 200)
        let stale = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: [("If-Match", "\"r1601-v2\"")],
                                     json: #"{"answers":{"facebook_fans":2}}"#)
        #expect(stale.status == 412)
        #expect(try stale.json()["detail"] as? String ?? "" == "The answers changed since you read them: the current version is \"r1601-v3\". Read them again, re-apply your change and send it with the new ETag.")
        #expect(try fixture.versionCount("1601") == 3)
        // A first version needs If-None-Match: *, and only works once per wave.
        let again = try fixture.send("PUT", Self.path, token: fixture.trondheim, headers: [("If-None-Match", "*")],
                                     json: SubmissionFixture.nonUserAnswers)
        #expect(again.status == 412)
        let code = fixture.unanswered
        let created = try fixture.send("PUT", "/v1/respondents/\(code)/answers", token: fixture.staff, headers: [("If-None-Match", "*")],
                                       json: SubmissionFixture.nonUserAnswers)
        #expect(created.status == 201)
        #expect(created.header("ETag") == "\"r\(code)-v1\"")
        let twice = try fixture.send("PUT", "/v1/respondents/\(code)/answers", token: fixture.staff, headers: [("If-None-Match", "*")],
                                     json: SubmissionFixture.nonUserAnswers)
        #expect(twice.status == 412)
        // betakomm_submissions_total: the three stored versions (1601's v2 and v3, the new unit's
        // v1), and the two 428s and four 412s.
        let metrics = try PrometheusText(parsing: try fixture.app.get("/metrics").text)
        #expect(metrics.value("betakomm_submissions_total", ["outcome": "accepted"]) == 3)
        #expect(metrics.value("betakomm_submissions_total", ["outcome": "rejected"]) == 6)
    }

    @Test func everyKindOfValidationErrorIsReportedWithItsPointerAndNothingIsStored() throws {
        let fixture = try SubmissionFixture()
        let body = """
            {"answers":{"has_guidelines":"maybe","has_official_facebook_page":"no","has_strategy":["no"],"plans_official_page":"no",
            "plans_social_media_2011":"yes","politicians_trained":"no","reasons_not_using":["privacy","privacy","boredom"],
            "uses_social_media":"no","strategy_plans":"dont_know","colour":"red","channels":["facebook"],
            "importance_strategy":150}}
            """
        // The first version of the wave is validated against the wave's questionnaire (2011's).
        let response = try fixture.send("PUT", Self.path, token: fixture.trondheim, headers: [("If-None-Match", "*")], json: body)
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
        // A later version too.
        let tag = try fixture.startWave()
        let fraction = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: [("If-Match", tag)],
                                        json: #"{"answers":{"facebook_fans":12.5}}"#)
        #expect(fraction.status == 422)
        #expect((try fraction.json()["errors"] as? [[String: Any]])?.first?["pointer"] as? String == "/answers/facebook_fans")
        #expect(try fixture.versionCount("1601") == 2)
    }

    @Test func malformedJSONIs400WithThePositionAndWrongMediaTypeIs415() throws {
        let fixture = try SubmissionFixture()
        let response = try fixture.send("PUT", Self.path, token: fixture.trondheim, headers: [("If-None-Match", "*")],
                                        json: "{\"answers\":\n {\"has_strategy\": yes}}")
        #expect(response.status == 400)
        #expect(try response.json()["detail"] as? String == "The body is not valid JSON: unexpected character 'y' at line 2, column 19 (byte 30).")
        let wrongType = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: [("If-None-Match", "*")],
                                         json: "{}", contentType: "application/json")
        #expect(wrongType.status == 415)
    }

    @Test func anIdempotentRetryReturnsTheFirstResultAndADifferentBodyIs422() throws {
        let fixture = try SubmissionFixture()
        #expect(try fixture.startWave() == "\"r1601-v2\"")
        let headers = [("If-Match", "\"r1601-v2\""), ("Idempotency-Key", "form-2026-11-29-a")]
        let body = #"{"answers":{"facebook_fans":777}}"#
        let first = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: headers, json: body)
        let retry = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: headers, json: body)
        #expect(first.status == 200)
        #expect(retry.status == first.status)
        #expect(retry.body == first.body)
        #expect(retry.header("ETag") == first.header("ETag"))
        #expect(retry.header("Idempotent-Replayed") == "true")
        #expect(try fixture.versionCount("1601") == 3)
        let different = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: headers, json: #"{"answers":{"facebook_fans":778}}"#)
        #expect(different.status == 422)
        // The key is scoped to the token: staff may use the same key for its own request.
        let staff = try fixture.send("PATCH", Self.path, token: fixture.staff, headers: [("If-Match", "\"r1601-v3\""), headers[1]], json: body)
        #expect(staff.status == 200)
        #expect(try fixture.versionCount("1601") == 4)
        // A first write retried is replayed too (201), not refused by its own If-None-Match: *.
        let code = fixture.unanswered
        let createHeaders = [("If-None-Match", "*"), ("Idempotency-Key", "form-2026-11-29-b")]
        let created = try fixture.send("PUT", "/v1/respondents/\(code)/answers", token: fixture.staff, headers: createHeaders,
                                       json: SubmissionFixture.nonUserAnswers)
        let replayed = try fixture.send("PUT", "/v1/respondents/\(code)/answers", token: fixture.staff, headers: createHeaders,
                                        json: SubmissionFixture.nonUserAnswers)
        #expect(created.status == 201)
        #expect(replayed.status == 201)
        #expect(replayed.header("Idempotent-Replayed") == "true")
        #expect(replayed.body == created.body)
        #expect(try fixture.versionCount(code) == 1)
    }

    @Test func versionsDiffAndAuditRowsDescribeEachWrite() throws {
        let fixture = try SubmissionFixture()
        // Versions are numbered per unit across waves: v1 is 2011's baseline, v2 starts wave 2012.
        #expect(try fixture.startWave() == "\"r1601-v2\"")
        _ = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: [("If-Match", "\"r1601-v2\"")],
                             json: #"{"answers":{"facebook_fans":900,"best_channel":"youtube"}}"#)
        _ = try fixture.send("PATCH", Self.path, token: fixture.staff, headers: [("If-Match", "\"r1601-v3\"")],
                             json: #"{"answers":{"facebook_fans":901}}"#)
        let versions = try #require(try fixture.send("GET", Self.path + "/versions", token: fixture.trondheim).json()["versions"] as? [[String: Any]])
        try #require(versions.count == 4)
        #expect(versions.map { $0["version"] as? Int } == [1, 2, 3, 4])
        #expect(versions.map { $0["wave"] as? Int } == [2011, SubmissionFixture.wave, SubmissionFixture.wave, SubmissionFixture.wave])
        #expect(versions.map { $0["source"] as? String } == ["baseline-2011", "submission", "submission", "submission"])
        let tokenIDs = try TokenStore(pool: fixture.app.application.pool).list().map(\.id)
        #expect(versions[0]["token_id"] is NSNull)
        #expect(versions[1]["token_id"] as? Int == tokenIDs[1])
        #expect(versions[2]["token_id"] as? Int == tokenIDs[1])
        #expect(versions[3]["token_id"] as? Int == tokenIDs[0])

        let diff = try fixture.send("GET", Self.path + "/diff?from=2&to=4", token: fixture.trondheim).json()
        let changes = try #require(diff["changes"] as? [[String: Any]])
        #expect(changes.map { $0["pointer"] as? String } == ["/answers/best_channel", "/answers/facebook_fans"])
        #expect(changes.map { $0["op"] as? String } == ["changed", "changed"])
        #expect(changes[1]["new"] as? Int == 901)
        // Starting the wave with the 2011 answers changed nothing between v1 and v2.
        let unchanged = try fixture.send("GET", Self.path + "/diff?from=1&to=2", token: fixture.trondheim).json()
        #expect(unchanged.objects("changes").isEmpty)

        let rows = try fixture.app.application.pool.read { db in
            try db.query("SELECT token_id, action, version, wave, changes, remote_address FROM audit_log WHERE respondent_code = '1601' ORDER BY id")
        }
        try #require(rows.count == 3)
        #expect(try rows.map { try $0.get(Int.self, named: "version") } == [2, 3, 4])
        #expect(try rows.map { try $0.get(Int.self, named: "wave") } == [SubmissionFixture.wave, SubmissionFixture.wave, SubmissionFixture.wave])
        #expect(try rows.map { try $0.get(String.self, named: "action") } == ["put", "patch", "patch"])
        // The first version of a wave is diffed from the wave's empty set: every answer is added.
        let firstChanges = try rows[0].get(String.self, named: "changes")
        #expect(firstChanges.contains("/answers/facebook_fans") && firstChanges.contains("/answers/uses_social_media"))
        #expect(try rows.dropFirst().map { try $0.get(String.self, named: "changes") } == [#"["/answers/best_channel","/answers/facebook_fans"]"#, #"["/answers/facebook_fans"]"#])
        #expect(try rows.map { try $0.get(String.self, named: "remote_address") } == ["127.0.0.1", "127.0.0.1", "127.0.0.1"])
        #expect(try rows.map { try $0.get(Int.self, named: "token_id") } == [tokenIDs[1], tokenIDs[1], tokenIDs[0]])
    }

    /// A wave's statistics count its own answers only, at once after a write; 2011's never move.
    @Test func anAggregateReflectsASubmissionAtOnce() throws {
        let fixture = try SubmissionFixture()
        let target = "/v1/statistics/uses_social_media?wave=\(SubmissionFixture.wave)"
        func noCount(_ response: TestResponse) throws -> Int? {
            let total = try response.json()["total"] as? [String: Any]
            return (total?["options"] as? [[String: Any]])?.first { $0["code"] as? String == "no" }?["count"] as? Int
        }
        func answered(_ response: TestResponse) throws -> Int? {
            (try response.json()["response"] as? [String: Any])?["answered"] as? Int
        }
        let before = try fixture.send("GET", target, token: fixture.staff)
        #expect(before.status == 200)
        #expect(try answered(before) == 0)
        let wave2011Before = try fixture.send("GET", "/v1/statistics/uses_social_media?wave=2011", token: fixture.staff)
        let baselineNo = try #require(try noCount(wave2011Before))
        let created = try fixture.send("PUT", "/v1/respondents/\(fixture.unanswered)/answers", token: fixture.staff,
                                       headers: [("If-None-Match", "*")], json: SubmissionFixture.nonUserAnswers)
        #expect(created.status == 201)
        #expect(try created.json()["wave"] as? Int == SubmissionFixture.wave)
        let after = try fixture.send("GET", target, token: fixture.staff)
        #expect(try noCount(after) == 1)
        #expect(try answered(after) == 1)
        #expect((try after.json()["total"] as? [String: Any])?["base_n"] as? Int == 1)
        #expect(after.header("ETag") != before.header("ETag"))
        // The 2011 wave does not move.
        let wave2011 = try fixture.send("GET", "/v1/statistics/uses_social_media?wave=2011", token: fixture.staff)
        #expect(try noCount(wave2011) == baselineNo)
        #expect(try answered(wave2011) == 274)
    }
}
