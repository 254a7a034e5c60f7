import Foundation
import Storage
import SurveyData
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

    /// Each wave counts its own answers: a new answer set in wave 2026 moves the data version,
    /// every ETag and wave 2026's figures; wave 2011's figures keep their numbers.
    @Test func aNewAnswerSetChangesTheVersionTheETagAndItsWavesFigures() throws {
        let app = try TestApplication()
        _ = try WaveAdministration.create(app.application.pool, .init(id: 2026, titleNb: "2026", titleEn: "2026", map: 2011, questionnaire: .stored("2011"),
                                                                      opensOn: "2026-01-15", closesOn: "2026-03-31"), at: "2026-01-01T00:00:00Z")
        app.application.store.markStale()
        let before = try app.get("/v1/figures/7?wave=2026")
        #expect(before.status == 200)
        #expect(try before.json().object("figure")?.int("n") == 0)
        let version = try #require(before.header("Data-Version").flatMap { Int($0) })
        #expect(version == (try app.storedDataVersion), "the new wave moved the data version")
        let before2011 = try app.get("/v1/figures/7?wave=2011")
        let silent = try #require(try app.get("/v1/respondents?answered_2011=false&limit=1").json().objects("respondents").first?.string("code"))
        try submit(app, code: silent, copying: "1601", version: 1)
        app.application.store.markStale()

        let after = try app.get("/v1/figures/7?wave=2026")
        #expect(after.header("Data-Version") == String(version + 1))
        #expect(after.header("ETag") != before.header("ETag"))
        #expect(try app.get("/v1/figures/7?wave=2026", headers: [("If-None-Match", before.header("ETag") ?? "")]).status == 200)
        #expect(try after.json().object("figure")?.int("n") == 1)
        let after2011 = try app.get("/v1/figures/7?wave=2011")
        #expect(after2011.header("ETag") != before2011.header("ETag"))
        #expect(try after2011.json().object("figure")?.int("n") == 274)
        #expect(try after2011.json().object("figure")?.objects("panels").first?.object("total")?.int("base_n") == 274)
        let respondent = try app.get("/v1/respondents/\(silent)", headers: try app.staffHeaders()).json().object("respondent")
        #expect(respondent?.int("latest_version") == 1)
        #expect(respondent?.int("latest_wave") == 2026)
        #expect(respondent?["answered_2011"] as? Bool == false)
        #expect(try app.get("/health").json().int("data_version") == version + 1)
    }

    @Test func aWriteByAnotherProcessIsSeenAfterTheRecheckInterval() throws {
        let app = try TestApplication()
        let store = try SurveyDataStore(pool: app.application.pool, recheckInterval: 0)
        let before = try app.storedDataVersion
        #expect(try store.snapshot().version == before)
        try submit(app, code: "1601", copying: "1601", version: 2)
        let snapshot = try store.snapshot()
        #expect(snapshot.version == before + 1)
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
