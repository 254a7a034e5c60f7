import Foundation
import Testing
import Storage
import Survey
import SurveyData

/// The repositories map the migrated database back to exactly the domain values the generator
/// made, and the report's numbers come out of the database path too.
@Suite struct SurveyStoreTests {
    /// The 2011 wave as the read API loads it: its questionnaire, its map's units, its answers.
    static func wave2011(_ db: Connection) throws -> SurveyDataset {
        SurveyDataset(questionnaire: try QuestionnaireRepository.load(db, id: "2011"), respondents: try UnitRepository.units(db, map: 2011),
                      answerSets: try AnswerSetRepository.load(db, wave: 2011))
    }

    @Test func reportNumbersReproducedFromTheMigratedDatabase() throws {
        let database = try MigratedDatabase()
        let dataset = try database.pool.read(Self.wave2011)
        let result = try ReportFidelity.check(dataset, label: "SQLite (Migrations/ + repositories)")
        #expect(result.reproduced == ReportFidelity.expected.reproduced && result.total == ReportFidelity.expected.total)
    }

    @Test func loadsWhatWasGenerated() throws {
        let database = try MigratedDatabase()
        let (questionnaire, respondents, wave2011, wave2026) = try database.pool.read { db in
            (try QuestionnaireRepository.load(db, id: "2011"), try UnitRepository.units(db, map: 2011),
             try AnswerSetRepository.load(db, wave: 2011), try AnswerSetRepository.load(db, wave: 2026))
        }
        #expect(questionnaire.questions == Questionnaire.report2011.questions)
        // The register (0003) is generated from Data/; the parallel names come with 0012.
        let register = respondents.map {
            Respondent(code: $0.code, name: $0.name, kind: $0.kind, countyCode: $0.countyCode, countyName: $0.countyName,
                       population: $0.population, populationIsEstimate: $0.populationIsEstimate)
        }
        #expect(register == BaselineFixture.respondents.sorted { $0.code < $1.code })
        #expect(respondents.allSatisfy { $0.map == 2011 })
        let parallel = respondents.filter { !$0.parallelNames.isEmpty }.map { "\($0.name): \($0.parallelNames.joined(separator: ", "))" }
        #expect(parallel == ["Snåsa: Snåase", "Kåfjord: Gáivuotna", "Kautokeino: Guovdageaidnu", "Porsanger: Porsángu, Porsanki",
                             "Karasjok: Kárášjohka", "Tana: Deatnu", "Nesseby: Unjárga"])
        #expect(wave2011 == BaselineFixture.answerSets)
        #expect(wave2026.isEmpty)
    }

    /// Each wave counts only its own answers: a 2026 answer neither changes 2011 nor carries
    /// 2011 forward.
    @Test func aWaveHoldsOnlyItsOwnAnswers() throws {
        let database = try MigratedDatabase()
        let baseline = try #require(BaselineFixture.answerSets.first { $0.respondentCode == "1151" })
        var updated = baseline.answers
        updated["facebook_fans"] = .number(180)
        let json = try CanonicalJSON.string(updated)
        try database.pool.write { db in
            try WaveRepository.insert(db, Wave(id: 2026, titleNb: "2026", titleEn: "2026", map: 2024, questionnaireID: "2011", status: .open),
                                      createdAt: "2026-01-01T00:00:00Z")
            try db.execute("""
                INSERT INTO answer_sets (respondent_code, version, wave, answers, source, created_at)
                VALUES ('1151', 2, 2026, ?, 'submission', '2026-11-29T12:00:00Z')
                """, [json])
        }
        let (wave2011, wave2026, history) = try database.pool.read { db in
            (try AnswerSetRepository.load(db, wave: 2011), try AnswerSetRepository.load(db, wave: 2026),
             try AnswerSetRepository.history(db, respondentCode: "1151"))
        }
        #expect(wave2011 == BaselineFixture.answerSets)
        #expect(wave2026.map(\.respondentCode) == ["1151"])
        #expect(wave2026.first?.answers["facebook_fans"] == .number(180))
        #expect(history.map(\.version) == [1, 2])
        #expect(history.map(\.source) == [.baseline2011, .submission])
    }

    @Test func answerSetsAreVersionedNotOverwritten() throws {
        let database = try MigratedDatabase()
        #expect(throws: DatabaseError.self) {
            try database.pool.write { db in
                try db.execute("""
                    INSERT INTO answer_sets (respondent_code, version, wave, answers, source, created_at)
                    VALUES ('1601', 1, 2011, '{}', 'submission', '2026-11-29T12:00:00Z')
                    """)
            }
        }
        #expect(throws: DatabaseError.self) {
            try database.pool.write { db in
                try db.execute("""
                    INSERT INTO answer_sets (respondent_code, version, wave, answers, source, created_at)
                    VALUES ('9999', 1, 2011, '{}', 'submission', '2026-11-29T12:00:00Z')
                    """)
            }
        }
    }

    @Test func corruptRowsAreNamed() throws {
        let database = try MigratedDatabase()
        try database.pool.write { db in
            try db.execute("UPDATE answer_sets SET answers = '[1,2]' WHERE respondent_code = '1601'")
        }
        #expect(throws: StoreError.invalidRow(table: "answer_sets", key: "1601 v1", reason: "answers are not a JSON object of answers")) {
            try database.pool.read { try AnswerSetRepository.load($0, wave: 2011) }
        }
    }
}
