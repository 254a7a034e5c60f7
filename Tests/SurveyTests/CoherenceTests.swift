import Foundation
import Testing
import Storage
import SurveyData
import Survey
import SurveyCalibration

/// Each respondent's 2011 answers are coherent: every implication of Data/coherence-rules.json
/// holds in all 274 answer sets, as generated and as migrated (0004 then 0020).
@Suite struct CoherenceTests {
    static let table: CoherenceRuleTable = {
        do { return try CoherenceRuleTable.load(dataDirectory: RepositoryFiles.data) } catch { fatalError("\(error)") }
    }()

    @Test func rulesReferToQuestionsAndOptionsOfTheQuestionnaire() throws {
        let questionnaire = Questionnaire.report2011
        #expect(Self.table.rules.count >= 15)
        #expect(Set(Self.table.rules.map(\.id)).count == Self.table.rules.count, "rule ids are unique")
        for rule in Self.table.rules {
            for condition in [rule.if, rule.then] {
                for (question, options) in Self.answerConditions(condition) {
                    let known = try questionnaire.question(question).options.map(\.code)
                    #expect(options.allSatisfy(known.contains), "\(rule.id): \(question) has no option among \(options)")
                }
            }
        }
    }

    @Test func everyRuleHoldsInEveryAnswerSet() {
        let sets = BaselineFixture.answerSets
        #expect(sets.count == 274)
        for rule in Self.table.rules {
            let applying = sets.filter { rule.applies(to: $0.answers) }
            let broken = applying.filter { rule.isViolated(by: $0.answers) }.map(\.respondentCode)
            #expect(broken.isEmpty, "\(rule.id): broken by \(broken.count) of \(applying.count) (\(broken.prefix(5).joined(separator: ", ")))")
            // A rule that never applies would test nothing.
            #expect(!applying.isEmpty, "\(rule.id) applies to no answer set")
        }
    }

    /// The rules can fail: the first calibration (frozen 0004) breaks most of them.
    @Test func theFrozenFirstCalibrationBreaksRules() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("betakomm-0004-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let migrations = directory.appendingPathComponent("Migrations")
        try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
        for name in ["0001_schema.sql", "0002_questionnaire.sql", "0003_respondents.sql", BaselineMigrations.frozenAnswersFile] {
            try FileManager.default.copyItem(at: RepositoryFiles.migrations.appendingPathComponent(name), to: migrations.appendingPathComponent(name))
        }
        let pool = try DatabasePool(path: directory.appendingPathComponent("first.sqlite").path)
        defer { pool.close() }
        try DatabaseMigrator(directory: migrations).migrate(pool)
        let first = try pool.read { try AnswerSetRepository.load($0, wave: 2011) }
        #expect(first.count == 274)
        let brokenRules = Set(Self.table.violations(in: first).map(\.rule))
        #expect(brokenRules.count >= 10, "the first calibration breaks \(brokenRules.count) rules")
        #expect(brokenRules.contains("awaiting_strategy_plans_one"))
        #expect(brokenRules.contains("dedicated_staff_in_job_description"))
    }

    /// The migrated database (0004, then 0020 replacing its rows) holds the coherent answers.
    @Test func theMigratedDatabaseBreaksNoRule() throws {
        let database = try MigratedDatabase()
        let sets = try database.pool.read { try AnswerSetRepository.load($0, wave: 2011) }
        #expect(sets.count == 274)
        #expect(Self.table.violations(in: sets).isEmpty)
        #expect(sets.allSatisfy { $0.source == .baseline2011 && $0.version == 1 })
    }

    /// On a deployed database that already holds KS's imported 2011 microdata and submissions,
    /// 0020 replaces only the synthetic baseline rows: imports and submissions stay as they were,
    /// and an imported 2011 row is still the unit's 2011 answer.
    @Test func migration0020LeavesImportsAndSubmissionsAlone() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("betakomm-deployed-\(UUID().uuidString)")
        let migrations = directory.appendingPathComponent("Migrations")
        try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let shipped = try FileManager.default.contentsOfDirectory(atPath: RepositoryFiles.migrations.path).filter { $0.hasSuffix(".sql") }.sorted()
        // The database as deployed before 0020: every migration numbered below it.
        for name in shipped where name < BaselineMigrations.answersFile {
            try FileManager.default.copyItem(at: RepositoryFiles.migrations.appendingPathComponent(name), to: migrations.appendingPathComponent(name))
        }
        let pool = try DatabasePool(path: directory.appendingPathComponent("deployed.sqlite").path)
        defer { pool.close() }
        try DatabaseMigrator(directory: migrations).migrate(pool)
        let imported = #"{"has_strategy":"no","uses_social_media":"no"}"#
        let submitted = #"{"has_strategy":"yes"}"#
        try pool.write { db in
            try db.execute("""
                INSERT INTO answer_sets (respondent_code, version, wave, answers, source, created_at)
                VALUES ('1151', 2, 2011, ?, 'import', '2026-11-29T12:00:00Z'), ('1151', 3, 2026, ?, 'submission', '2026-11-30T12:00:00Z')
                """, [imported, submitted])
        }
        try FileManager.default.copyItem(at: RepositoryFiles.migrations.appendingPathComponent(BaselineMigrations.answersFile),
                                         to: migrations.appendingPathComponent(BaselineMigrations.answersFile))
        let applied = try DatabaseMigrator(directory: migrations).migrate(pool)
        #expect(applied.first?.name == BaselineMigrations.answersFile)
        let (history, wave2011) = try pool.read { db in
            (try AnswerSetRepository.history(db, respondentCode: "1151"), try AnswerSetRepository.load(db, wave: 2011))
        }
        let regenerated = try #require(BaselineFixture.answerSets.first { $0.respondentCode == "1151" })
        #expect(history.map(\.source) == [.baseline2011, .import, .submission])
        #expect(history.first?.answers == regenerated.answers)
        #expect(history[1].answers == ["has_strategy": .choice("no"), "uses_social_media": .choice("no")])
        #expect(history[2].answers == ["has_strategy": .choice("yes")])
        #expect(wave2011.first { $0.respondentCode == "1151" }?.source == .import)
        #expect(wave2011.count == 274)
    }

    static func answerConditions(_ condition: Condition) -> [(String, [String])] {
        switch condition {
        case let .answer(question, options): return [(question, options)]
        case let .all(conditions), let .any(conditions): return conditions.flatMap(answerConditions)
        case let .not(inner): return answerConditions(inner)
        }
    }
}
