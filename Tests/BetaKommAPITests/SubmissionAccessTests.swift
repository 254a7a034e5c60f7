import Foundation
import SurveyData
import Testing
@testable import BetaKommAPI

@Suite struct SubmissionAccessTests {
    @Test func eachRoleIsAllowedOrRefused() throws {
        let fixture = try SubmissionFixture()
        let path = "/v1/respondents/1601/answers"
        let anonymous = try fixture.send("GET", path)
        #expect(anonymous.status == 401)
        // RFC 6750 §3.1: no credentials, no error code; a bad token gets invalid_token.
        #expect(anonymous.header("WWW-Authenticate") == "Bearer realm=\"betakomm\"")
        // The unit's own token: its wave has no answers yet (404), then its first version.
        #expect(try fixture.send("GET", path, token: fixture.trondheim).status == 404)
        try fixture.startWave()
        #expect(try fixture.send("GET", path, token: fixture.trondheim).status == 200)
        #expect(try fixture.send("GET", path, token: fixture.oslo).status == 403)
        #expect(try fixture.send("GET", path, token: fixture.staff).status == 200)
        let revoked = try fixture.send("GET", path, token: fixture.revoked)
        #expect(revoked.status == 401)
        #expect(revoked.header("WWW-Authenticate") == "Bearer realm=\"betakomm\", error=\"invalid_token\"")
        #expect(!revoked.text.contains(fixture.revoked))
        // Right shape, right id, wrong secret: unknown.
        let forged = String(fixture.trondheim.dropLast(4)) + "AAAA"
        #expect(try fixture.send("GET", path, token: forged).status == 401)
        #expect(try fixture.send("GET", path, token: "not-a-token").status == 401)
        // Public reads need no token; writes by another unit are refused before anything is read.
        #expect(try fixture.send("GET", "/v1/statistics/uses_social_media").status == 200)
        let write = try fixture.send("PATCH", path, token: fixture.oslo, headers: [("If-Match", "\"r1601-v2\"")], json: "{}")
        #expect(write.status == 403)
        // A unit's token writes only to its own wave.
        let otherWave = try fixture.send("PATCH", path + "?wave=2011", token: fixture.trondheim, headers: [("If-Match", "\"r1601-v1\"")],
                                         json: #"{"answers":{"facebook_fans":1}}"#)
        #expect(otherWave.status == 403)
        #expect(try otherWave.json()["detail"] as? String == "This token answers wave \(SubmissionFixture.wave), not wave 2011.")
        #expect(try fixture.versionCount("1601") == 2)
    }

    @Test func historyIsPrivateToo() throws {
        let fixture = try SubmissionFixture()
        for suffix in ["/versions", "/versions/1", "/diff?from=1&to=1"] {
            let path = "/v1/respondents/1601/answers" + suffix
            #expect(try fixture.send("GET", path).status == 401, "\(suffix)")
            #expect(try fixture.send("GET", path, token: fixture.oslo).status == 403, "\(suffix)")
            #expect(try fixture.send("GET", path, token: fixture.trondheim).status == 200, "\(suffix)")
        }
    }

    @Test func tokensAreStoredOnlyAsHashesAndListedWithoutSecrets() throws {
        let fixture = try SubmissionFixture()
        let stored = try fixture.app.application.pool.read { db in
            try db.query("SELECT * FROM tokens").flatMap { row in row.values.map { "\($0)" } }
        }
        #expect(!stored.contains { $0.contains(fixture.staff) || $0.contains(String(fixture.staff.suffix(43))) })
        let list = try TokenStore(pool: fixture.app.application.pool).list()
        #expect(list.map(\.role) == ["staff", "respondent", "respondent", "respondent"])
        #expect(list.filter { $0.revokedAt != nil }.map(\.name) == ["old laptop"])
        // A token that has not been used has no last_used_at; one request sets it.
        #expect(list[0].lastUsedAt == nil)
        _ = try fixture.send("GET", "/v1/respondents/1601/answers", token: fixture.staff)
        // Written off the request path: it lands within moments.
        var used: String?
        for _ in 0..<500 where used == nil {
            used = try TokenStore(pool: fixture.app.application.pool).list()[0].lastUsedAt
            if used == nil { Thread.sleep(forTimeInterval: 0.02) }
        }
        #expect(used != nil)
    }

    @Test func tokenTextHasItsIdAnd256RandomBits() throws {
        let a = AccessToken.generate(id: 7)
        let b = AccessToken.generate(id: 7)
        #expect(a.text.hasPrefix("bk_7_"))
        #expect(a.text.count == "bk_7_".count + 43)
        #expect(a != b)
        #expect(AccessToken(a.text)?.id == 7)
        #expect(AccessToken("bk_7_short") == nil)
        #expect(AccessToken("bk_x_" + String(a.text.suffix(43))) == nil)
        #expect(Digest.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!Digest.constantTimeEqual([1, 2, 3], [1, 2, 4]))
    }
}
