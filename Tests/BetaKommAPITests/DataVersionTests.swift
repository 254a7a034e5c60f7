import Foundation
import Storage
import Testing
@testable import BetaKommAPI

@Suite struct DataVersionTests {
    /// Adds a version of `code`'s answers copied from `source`'s 2011 answers, as a submission would.
    private func submit(_ app: TestApplication, code: String, copying source: String, version: Int) throws {
        try app.application.pool.write { db in
            let answers = try db.scalar(String.self, "SELECT answers FROM answer_sets WHERE respondent_code = ? AND wave = 2011", [source]) ?? "{}"
            try db.execute("""
                INSERT INTO answer_sets (respondent_code, version, wave, answers, source, created_at)
                VALUES (?, ?, 2026, ?, 'submission', '2026-11-29T12:00:00Z')
                """, [code, version, answers])
        }
    }

    @Test func aNewAnswerSetChangesTheVersionTheETagAndTheCurrentFigures() throws {
        let app = try TestApplication()
        let before = try app.get("/v1/figures/7")
        let silent = try #require(try app.get("/v1/respondents?answered_2011=false&limit=1").json().objects("respondents").first?.string("code"))
        try submit(app, code: silent, copying: "1601", version: 1)
        app.application.store.markStale()

        let after = try app.get("/v1/figures/7")
        #expect(after.header("Data-Version") == "275")
        #expect(after.header("ETag") != before.header("ETag"))
        #expect(try app.get("/v1/figures/7", headers: [("If-None-Match", before.header("ETag") ?? "")]).status == 200)
        #expect(try after.json().object("figure")?.int("n") == 275)
        #expect(try app.get("/v1/figures/7?wave=2011").json().object("figure")?.int("n") == 274)
        let respondent = try app.get("/v1/respondents/\(silent)").json().object("respondent")
        #expect(respondent?.int("latest_version") == 1)
        #expect(respondent?.int("latest_wave") == 2026)
        #expect(respondent?["answered_2011"] as? Bool == false)
        #expect(try app.get("/health").json().int("data_version") == 275)
    }

    @Test func aWriteByAnotherProcessIsSeenAfterTheRecheckInterval() throws {
        let app = try TestApplication()
        let store = try SurveyDataStore(pool: app.application.pool, recheckInterval: 0)
        #expect(try store.snapshot().version == 274)
        try submit(app, code: "1601", copying: "1601", version: 2)
        let snapshot = try store.snapshot()
        #expect(snapshot.version == 275)
        #expect(snapshot.latestVersions["1601"]?.version == 2)
    }

    @Test func invalidationDropsResponsesOfOlderVersions() throws {
        let app = try TestApplication()
        _ = try app.get("/v1/figures/7")
        _ = try app.get("/v1/figures/8.svg")
        #expect(app.application.store.responses.count == 2)
        try submit(app, code: "1601", copying: "1601", version: 2)
        app.application.store.markStale()
        // The next read of the snapshot notices the new version and drops what was rendered for the old.
        #expect(try app.application.store.snapshot().version > 274)
        #expect(app.application.store.responses.count == 0)
    }
}
