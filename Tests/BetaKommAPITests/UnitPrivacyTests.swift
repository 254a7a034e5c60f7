import Foundation
import Storage
import Survey
import SurveyData
import Testing
@testable import BetaKommAPI

/// The unit privacy policy (``UnitPrivacy``, README "Privacy"): each way the public could read a
/// unit's answers, tried as the public, fails; the unit's own token and staff still read them.
@Suite struct UnitPrivacyTests {
    /// Issue 16: `?size_class=large&uses_social_media=no` listed named non-users. The public gets
    /// 400 naming the parameter and why; staff keep the filter.
    @Test func thePublicCannotFilterUnitsByTheirAnswers() throws {
        let app = try TestApplication.shared.get()
        for (target, parameter) in [("/v1/respondents?size_class=large&uses_social_media=no", "uses_social_media"),
                                    ("/v1/respondents?best_channel=dont_know", "best_channel"),
                                    ("/v1/respondents?q=sor&channels=twitter", "channels")] {
            let response = try app.get(target)
            #expect(response.status == 400, "\(target)")
            let error = try #require(try response.json().objects("errors").first)
            #expect(error.string("parameter") == parameter)
            #expect(error.string("detail")?.contains("private") == true)
            #expect(error.string("detail")?.contains("synthetic") == true, "\(response.text)")
            #expect(!response.text.contains("\"respondents\""))
        }
        let staff = try app.get("/v1/respondents?size_class=large&uses_social_media=no&limit=500", headers: try app.staffHeaders())
        #expect(staff.status == 200)
        #expect(try !staff.json().objects("respondents").isEmpty)
        // A unit's own token is not staff: it cannot read the others' answers either.
        let fixture = try SubmissionFixture()
        #expect(try fixture.send("GET", "/v1/respondents?uses_social_media=no", token: fixture.trondheim).status == 400)
        // Register filters and whether a unit answered a closed wave stay public.
        #expect(try app.get("/v1/respondents?size_class=large&answered_2011=true").status == 200)
    }

    /// Met and missed criteria map to answers (training ⇒ staff_trained=yes): the score is the
    /// unit's own token's, staff's, or a published wave's; 401 for the public with the reason,
    /// 403 for another unit's token.
    @Test func aUnitsScoreIsPrivateUnlessTheWaveIsPublished() throws {
        let fixture = try SubmissionFixture()
        let publicScore = try fixture.send("GET", "/v1/respondents/1601/score")
        #expect(publicScore.status == 401)
        #expect(publicScore.text.contains("private"))
        #expect(publicScore.text.contains("synthetic"))
        #expect(!publicScore.text.contains("met_count"))
        let other = try fixture.send("GET", "/v1/respondents/1601/score", token: fixture.oslo)
        #expect(other.status == 403)
        #expect(!other.text.contains("met_count"))
        #expect(try fixture.send("GET", "/v1/respondents/1601/score", token: fixture.trondheim).status == 200)
        #expect(try fixture.send("GET", "/v1/respondents/1601/score", token: fixture.staff).status == 200)

        // A wave KS publishes at unit level: its scores become public.
        try fixture.startWave("1601")
        let wave = SubmissionFixture.wave
        #expect(try fixture.send("GET", "/v1/respondents/1601/score?wave=\(wave)").status == 401)
        #expect(try fixture.send("POST", "/v1/waves/\(wave)/publish").status == 401)
        #expect(try fixture.send("POST", "/v1/waves/\(wave)/publish", token: fixture.oslo).status == 403)
        let published = try fixture.send("POST", "/v1/waves/\(wave)/publish", token: fixture.staff)
        #expect(published.status == 200, "\(published.text)")
        #expect(try published.json().object("wave")?["published_units"] as? Bool == true)
        #expect(try fixture.send("GET", "/v1/respondents/1601/score?wave=\(wave)").status == 200)
        // 2011 stays private.
        #expect(try fixture.send("GET", "/v1/respondents/1601/score?wave=2011").status == 401)
    }

    /// The synthetic 2011 baseline is never published at unit level: 409 with the reason, and
    /// the table's CHECK refuses it even to SQL.
    @Test func wave2011CanNeverBePublished() throws {
        let fixture = try SubmissionFixture()
        let response = try fixture.send("POST", "/v1/waves/2011/publish", token: fixture.staff)
        #expect(response.status == 409)
        #expect(try response.json().string("detail")?.contains("synthetic") == true)
        #expect(try fixture.send("GET", "/v1/waves/2011").json().object("wave")?["published_units"] as? Bool == false)
        #expect(throws: (any Error).self) {
            try fixture.app.application.pool.write { try $0.execute("UPDATE waves SET published_units = 1 WHERE id = 2011") }
        }
        #expect(throws: WaveError.self) {
            try WaveAdministration.publishUnits(fixture.app.application.pool, wave: 2011)
        }
    }

    /// How often a unit resubmits is its own: `latest_version` and `latest_wave` only for its
    /// own token and staff.
    @Test func versionsAreShownOnlyToTheUnitAndStaff() throws {
        let fixture = try SubmissionFixture()
        try fixture.startWave("1601")
        let anonymous = try fixture.send("GET", "/v1/respondents/1601").json().object("respondent")
        #expect(anonymous?["latest_version"] == nil && anonymous?["latest_wave"] == nil)
        let list = try fixture.send("GET", "/v1/respondents?limit=500").json().objects("respondents")
        #expect(list.allSatisfy { $0["latest_version"] == nil && $0["latest_wave"] == nil })
        #expect(try fixture.send("GET", "/v1/respondents/1601", token: fixture.trondheim).json().object("respondent")?.int("latest_version") == 2)
        #expect(try fixture.send("GET", "/v1/respondents/1601", token: fixture.staff).json().object("respondent")?.int("latest_wave") == SubmissionFixture.wave)
        #expect(try fixture.send("GET", "/v1/respondents/1601", token: fixture.oslo).json().object("respondent")?["latest_version"] == nil)
    }
}
