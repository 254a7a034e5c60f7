import Foundation
import Testing
import Storage
import Survey
import SurveyData

/// Migration 0013 on a database made by the release before waves (migrations 0001–0012), with
/// submissions stored the old way: under the calendar year, on the 2011 map, and a merge patch
/// that filled every answer it did not touch from the unit's 2011 set.
@Suite struct WaveMigrationTests {
    @Test func submissionsMadeBeforeWavesAreKeptMovedAndMarked() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("betakomm-wave-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pool = try DatabasePool(path: directory.appendingPathComponent("old.sqlite").path)
        defer { pool.close() }
        let all = try Migration.load(directory: RepositoryFiles.migrations)
        let previousRelease = all.filter { $0.version <= 12 }
        #expect(previousRelease.map(\.version) == [1, 2, 3, 4, 10, 11, 12])
        try DatabaseMigrator(migrations: previousRelease).migrate(pool)

        // What the previous release stored for a PATCH of facebook_fans by Trondheim in 2026.
        let baseline = try #require(BaselineFixture.answerSets.first { $0.respondentCode == "1601" })
        var patched = baseline.answers
        patched["facebook_fans"] = .number(1450)
        try pool.write { db in
            try db.execute("INSERT INTO tokens (role, respondent_code, name, token_sha256, created_at) VALUES ('respondent', '1601', 'old', zeroblob(32), '2026-11-01T00:00:00Z')")
            try db.execute("""
                INSERT INTO answer_sets (respondent_code, version, wave, answers, source, created_at)
                VALUES ('1601', 2, 2026, ?, 'submission', '2026-11-29T12:00:00Z')
                """, [try CanonicalJSON.string(patched)])
            try db.execute("""
                INSERT INTO audit_log (at, token_id, action, respondent_code, version, wave, changes, remote_address)
                VALUES ('2026-11-29T12:00:00Z', 1, 'patch', '1601', 2, 2026, '["/answers/facebook_fans"]', '127.0.0.1')
                """)
        }
        let before = try pool.read { db in
            (try db.query(Self.rowsSQL).map(Self.text),
             try db.scalar(Int.self, "SELECT max(id) FROM answer_sets") ?? 0)
        }

        let applied = try DatabaseMigrator(migrations: all).migrate(pool)
        #expect(applied.map(\.version).contains(13))

        try pool.read { db in
            // Nothing lost or changed but the wave the old submission is filed under.
            let after = try db.query(Self.rowsSQL).map(Self.text)
            #expect(after == before.0)
            #expect(try db.scalar(Int.self, "SELECT wave FROM answer_sets WHERE respondent_code = '1601' AND version = 2") == 1)
            #expect(try db.scalar(Int.self, "SELECT wave FROM audit_log WHERE respondent_code = '1601' AND version = 2") == 1)
            #expect(try db.scalar(Int.self, "SELECT original_wave FROM legacy_submissions") == 2026)
            let legacy = try #require(try WaveRepository.find(db, id: 1))
            #expect(legacy.status == .closed)
            #expect(legacy.map == 2011)
            // The 2011 wave and the 2026 wave's statistics do not count it.
            #expect(try AnswerSetRepository.load(db, wave: 2011).first { $0.respondentCode == "1601" }?.answers == baseline.answers)
            #expect(try AnswerSetRepository.load(db, wave: 2026).isEmpty)
            // The data version does not go backwards (ETags stay monotonic).
            #expect(try db.scalar(Int.self, "SELECT value FROM data_version") ?? 0 >= before.1)
            #expect(try db.query("PRAGMA foreign_key_check").isEmpty)
        }
    }

    @Test func aFreshDatabaseHasNoLegacyWave() throws {
        let database = try MigratedDatabase()
        let waves = try database.pool.read { try WaveRepository.all($0) }
        #expect(waves.map(\.id) == [2011])
        #expect(waves.first?.status == .closed)
        #expect(waves.first?.opensOn == "2011-01-28")
    }

    @Test func theDataVersionMovesWithAnswersWavesAndUnits() throws {
        let database = try MigratedDatabase()
        func version() throws -> Int { try database.pool.read { try $0.scalar(Int.self, "SELECT value FROM data_version") ?? 0 } }
        let start = try version()
        _ = try WaveAdministration.create(database.pool, .init(id: 2026, titleNb: "2026", titleEn: "2026", map: 2024, questionnaire: .stored("2011"),
                                                                opensOn: nil, closesOn: nil), at: "2026-01-01T00:00:00Z")
        let afterCreate = try version()
        #expect(afterCreate > start)
        _ = try WaveAdministration.setStatus(database.pool, wave: 2026, to: .open)
        let afterOpen = try version()
        #expect(afterOpen > afterCreate)
        try database.pool.write { try UnitRepository.setPopulations($0, map: 2024, populations: ["5001": 214_565], source: "test") }
        #expect(try version() > afterOpen)
    }

    /// Every answer-set row but its wave, as one text each; the synthetic baseline's answers are
    /// left out, because a later migration (0020) regenerates them in place.
    private static let rowsSQL = """
        SELECT id || '|' || respondent_code || '|' || version || '|' || (CASE source WHEN 'baseline-2011' THEN '' ELSE answers END)
               || '|' || source || '|' || created_at FROM answer_sets ORDER BY id
        """

    private static func text(_ row: Row) throws -> String {
        try row.get(String.self, at: 0)
    }
}
