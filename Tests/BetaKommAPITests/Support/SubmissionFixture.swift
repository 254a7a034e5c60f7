import Foundation
import Storage
import Survey
import SurveyData
@testable import BetaKommAPI

/// A fresh application with an open wave (``wave``: the units of the 2011 map asked again with
/// the 2011 questionnaire, so tests can write answers a 2011 unit would give) and tokens issued
/// through ``TokenStore`` for it: staff, Trondheim (1601), Oslo (0301), a revoked one, and a unit
/// that did not answer in 2011.
final class SubmissionFixture: Sendable {
    let app: TestApplication
    let staff: String
    let trondheim: String
    let oslo: String
    let revoked: String
    /// A unit with no answers at all (never answered in 2011).
    let unanswered: String

    /// The open wave the fixture's unit tokens answer.
    static let wave = 2012

    init(settings: [Setting: String] = [:]) throws {
        app = try TestApplication(settings: settings)
        let pool = app.application.pool
        _ = try WaveAdministration.create(pool, .init(id: Self.wave, titleNb: "Testbølge", titleEn: "Test wave", map: 2011,
                                                       questionnaire: .stored("2011"), opensOn: "2012-01-01", closesOn: "2012-12-31"),
                                          at: "2012-01-01T00:00:00Z")
        _ = try WaveAdministration.setStatus(pool, wave: Self.wave, to: .open)
        // As the staff API does after a change of waves: the next read reloads at once.
        app.application.store.markStale()
        let tokens = TokenStore(pool: pool)
        staff = try tokens.issue(respondentCode: nil, name: "KS analyst").text
        trondheim = try tokens.issue(respondentCode: "1601", wave: Self.wave, name: "Trondheim").text
        oslo = try tokens.issue(respondentCode: "0301", wave: Self.wave, name: "Oslo").text
        let old = try tokens.issue(respondentCode: "1601", wave: Self.wave, name: "old laptop")
        try tokens.revoke(id: old.id)
        revoked = old.text
        unanswered = try app.application.pool.read { db in
            try db.scalar(String.self, "SELECT min(code) FROM respondents WHERE code NOT IN (SELECT respondent_code FROM answer_sets)")
        } ?? ""
    }

    /// One request; `token` becomes `Authorization: Bearer`.
    func send(_ method: String, _ target: String, token: String? = nil, headers: [(String, String)] = [], json: String? = nil,
              contentType: String? = nil) throws -> TestResponse {
        var all = headers
        if let token { all.append(("Authorization", "Bearer \(token)")) }
        if json != nil { all.append(("Content-Type", contentType ?? (method == "PATCH" ? "application/merge-patch+json" : "application/json"))) }
        return try HTTPTestClient(port: app.port).request(method, target, headers: all, body: Array((json ?? "").utf8))
    }

    /// The number of stored versions of a respondent.
    func versionCount(_ code: String) throws -> Int {
        try app.application.pool.read { try $0.scalar(Int.self, "SELECT count(*) FROM answer_sets WHERE respondent_code = ?", [code]) } ?? 0
    }

    /// The unit's 2011 answers (its baseline, version 1) as a write's body `{"answers": …}`.
    func answers2011(_ code: String) throws -> String {
        let answers = try app.application.pool.read { db in
            try AnswerSetRepository.load(db, wave: 2011).first { $0.respondentCode == code }?.answers
        }
        guard let answers else { throw HTTPTestClient.Failure(description: "\(code) has no 2011 answers") }
        return "{\"answers\":\(try CanonicalJSON.string(answers))}"
    }

    /// Starts a 2011 unit's answer set in ``wave`` as a unit does: a unit's set starts empty in
    /// each wave, so its first write is a PUT with `If-None-Match: *` of a complete set, here its
    /// 2011 answers. For 1601 that is version 2 (`"r1601-v2"`: v1 is its 2011 baseline).
    /// - Returns: the ETag of the new version.
    @discardableResult
    func startWave(_ code: String = "1601", token: String? = nil) throws -> String {
        let response = try send("PUT", "/v1/respondents/\(code)/answers", token: token ?? (code == "1601" ? trondheim : staff),
                                headers: [("If-None-Match", "*")], json: try answers2011(code))
        guard response.status == 201, let tag = response.header("ETag") else {
            throw HTTPTestClient.Failure(description: "starting \(code)'s wave \(Self.wave): \(response.status) \(response.text)")
        }
        return tag
    }

    /// A complete valid answer set for a unit that does not use social media.
    static let nonUserAnswers = """
        {"answers":{"has_guidelines":"no","has_official_facebook_page":"no","has_strategy":"no","plans_official_page":"no",\
        "plans_social_media_2011":"yes","politicians_trained":"no","reasons_not_using":["lack_resources"],"staff_trained":"no",\
        "strategy_plans":"dont_know","uses_social_media":"no"}}
        """
}
