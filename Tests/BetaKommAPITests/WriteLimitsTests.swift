import Foundation
import SurveyData
import HTTPServer
import Storage
import Synchronization
import Testing
@testable import BetaKommAPI

/// Idempotency keys expire after 24 h and are bounded in size; a token may submit only so often.
@Suite struct WriteLimitsTests {
    static let path = "/v1/respondents/1601/answers"

    @Test func anIdempotencyKeyLongerThan255BytesIsRefusedNamingTheHeader() throws {
        let fixture = try SubmissionFixture()
        #expect(try fixture.startWave() == "\"r1601-v2\"")
        let response = try fixture.send("PATCH", Self.path, token: fixture.trondheim,
                                        headers: [("If-Match", "\"r1601-v2\""), ("Idempotency-Key", String(repeating: "k", count: 256))],
                                        json: #"{"answers":{"facebook_fans":777}}"#)
        #expect(response.status == 400)
        #expect(response.text.contains(#""parameter":"Idempotency-Key""#))
        #expect(try fixture.versionCount("1601") == 2)
        let fits = try fixture.send("PATCH", Self.path, token: fixture.trondheim,
                                    headers: [("If-Match", "\"r1601-v2\""), ("Idempotency-Key", String(repeating: "k", count: 255))],
                                    json: #"{"answers":{"facebook_fans":777}}"#)
        #expect(fits.status == 200)
    }

    @Test func aKeyOlderThan24HoursIsNotReplayedAndExpiredKeysArePruned() throws {
        let fixture = try SubmissionFixture()
        #expect(try fixture.startWave() == "\"r1601-v2\"")
        let headers = [("If-Match", "\"r1601-v2\""), ("Idempotency-Key", "form-a")]
        let body = #"{"answers":{"facebook_fans":777}}"#
        #expect(try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: headers, json: body).status == 200)
        let pool = fixture.app.application.pool
        let dayAndAnHourAgo = Timestamp.string(from: Date(timeIntervalSinceNow: -25 * 3600))
        try pool.write { try $0.execute("UPDATE idempotency_keys SET created_at = ?", [dayAndAnHourAgo]) }
        // Expired: the retry is a new request, and its If-Match is stale by now.
        let retry = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: headers, json: body)
        #expect(retry.status == 412)
        #expect(retry.header("Idempotent-Replayed") == nil)
        // The next keyed write removes the expired record and may even reuse its key.
        let again = try fixture.send("PATCH", Self.path, token: fixture.trondheim,
                                     headers: [("If-Match", "\"r1601-v3\""), ("Idempotency-Key", "form-a")], json: body)
        #expect(again.status == 200)
        let rows = try pool.read { try $0.scalar(Int.self, "SELECT count(*) FROM idempotency_keys WHERE created_at <= ?", [dayAndAnHourAgo]) }
        #expect(rows == 0)
        let replay = try fixture.send("PATCH", Self.path, token: fixture.trondheim,
                                      headers: [("If-Match", "\"r1601-v3\""), ("Idempotency-Key", "form-a")], json: body)
        #expect(replay.header("Idempotent-Replayed") == "true")
    }

    @Test func aTokenBucketAdmitsABurstThenAsksToRetryAfterTheRefill() throws {
        let now = Mutex<Double>(1000)
        let limiter = WriteRateLimiter(perMinute: 2, clock: { now.withLock { $0 } })
        try limiter.admit(tokenID: 7)
        try limiter.admit(tokenID: 7)
        try limiter.admit(tokenID: 8)  // another token has its own bucket
        do {
            try limiter.admit(tokenID: 7)
            Issue.record("a third write within the minute was admitted")
        } catch {
            #expect(error.status == .tooManyRequests)
            #expect(error.responseHeaders["Retry-After"] == "30")
        }
        now.withLock { $0 += 30 }
        try limiter.admit(tokenID: 7)
    }

    @Test func writesBeyondTheLimitGet429WithRetryAfterAsAProblem() throws {
        let fixture = try SubmissionFixture(settings: [.writeRateLimit: "2"])
        // Staff start the wave's sets (staff are not this unit's token, so its bucket stays full).
        #expect(try fixture.startWave("1601", token: fixture.staff) == "\"r1601-v2\"")
        #expect(try fixture.startWave("0301", token: fixture.staff) == "\"r0301-v2\"")
        var statuses: [Int] = []
        var last: TestResponse?
        for version in 2...4 {
            let response = try fixture.send("PATCH", Self.path, token: fixture.trondheim, headers: [("If-Match", "\"r1601-v\(version)\"")],
                                            json: #"{"answers":{"facebook_fans":\#(700 + version)}}"#)
            statuses.append(response.status)
            last = response
        }
        #expect(statuses == [200, 200, 429])
        #expect(last?.header("Retry-After") == "30")
        #expect(last?.header("Content-Type") == "application/problem+json")
        #expect(last?.text.contains("urn:betakomm:problem:rate-limited") == true)
        #expect(try fixture.versionCount("1601") == 4)
        // Another token is not held back by Trondheim's.
        let oslo = try fixture.send("PATCH", "/v1/respondents/0301/answers", token: fixture.oslo, headers: [("If-Match", "\"r0301-v2\"")],
                                    json: #"{"answers":{"facebook_fans":5}}"#)
        #expect(oslo.status != 429)
    }
}
