import Foundation
import Storage
@testable import BetaKommAPI

/// A fresh application with tokens issued through ``TokenStore``: staff, Trondheim (1601),
/// Oslo (0301), a revoked one, and a unit that did not answer in 2011.
final class SubmissionFixture: Sendable {
    let app: TestApplication
    let staff: String
    let trondheim: String
    let oslo: String
    let revoked: String
    /// A unit with no answers at all (never answered in 2011).
    let unanswered: String

    init(settings: [Setting: String] = [:]) throws {
        app = try TestApplication(settings: settings)
        let tokens = TokenStore(pool: app.application.pool)
        staff = try tokens.issue(respondentCode: nil, name: "KS analyst").text
        trondheim = try tokens.issue(respondentCode: "1601", name: "Trondheim").text
        oslo = try tokens.issue(respondentCode: "0301", name: "Oslo").text
        let old = try tokens.issue(respondentCode: "1601", name: "old laptop")
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

    /// A complete valid answer set for a unit that does not use social media.
    static let nonUserAnswers = """
        {"answers":{"has_guidelines":"no","has_official_facebook_page":"no","has_strategy":"no","plans_official_page":"no",\
        "plans_social_media_2011":"yes","politicians_trained":"no","reasons_not_using":["lack_resources"],"staff_trained":"no",\
        "strategy_plans":"dont_know","uses_social_media":"no"}}
        """
}
