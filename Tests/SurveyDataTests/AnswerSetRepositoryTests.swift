import Storage
import Survey
import SurveyData
import Testing

@Suite struct AnswerSetRepositoryTests {
    @Test func aNewVersionMovesTheDataVersionAndIsTheLatestOfItsWaveOnly() throws {
        let database = try TemporaryDatabase()
        let before = try database.pool.read { try DataVersionRepository.current($0) }
        let stored = try database.pool.write { db in
            try AnswerSetRepository.insertNextVersion(db, respondentCode: "1601", answers: ["has_strategy": .choice("no")],
                                                      wave: 2026, source: .submission)
        }
        let (after, current, baseline, history, latest) = try database.pool.read { db in
            (try DataVersionRepository.current(db), try AnswerSetRepository.latest(db, respondentCode: "1601", wave: 2026),
             try AnswerSetRepository.latest(db, respondentCode: "1601", wave: 2011),
             try AnswerSetRepository.history(db, respondentCode: "1601"), try AnswerSetRepository.latestVersions(db))
        }
        #expect(stored.version == 2)
        #expect(after > before)
        #expect(current == stored)
        #expect(baseline?.version == 1)
        #expect(try database.pool.read { try AnswerSetRepository.newestWave($0, respondentCode: "1601") } == 2026)
        #expect(history.map(\.version) == [1, 2])
        #expect(latest["1601"]?.version == 2 && latest["1601"]?.wave == 2026)
        #expect(try database.pool.read { try AnswerSetRepository.lastCreatedAt($0) } == stored.createdAt)
    }

    @Test func aRespondentWithoutAnswersHasNoSetInTheWave() throws {
        let database = try TemporaryDatabase()
        let codes = try database.pool.read { try RespondentRepository.codes($0) }
        // The register holds every code of either map: 449 of 2011 and the 285 new in 2024.
        #expect(codes.count == 449 + 285)
        #expect(try database.pool.read { try RespondentRepository.exists($0, code: "1601") })
        #expect(try !database.pool.read { try RespondentRepository.exists($0, code: "9999") })
        let answered = Set(try database.pool.read { try AnswerSetRepository.load($0, wave: 2011) }.map(\.respondentCode))
        #expect(answered.count == 274)
        let silent = try #require(codes.subtracting(answered).sorted().first)
        #expect(try database.pool.read { try AnswerSetRepository.latest($0, respondentCode: silent, wave: 2011) } == nil)
        #expect(try database.pool.read { try AnswerSetRepository.newestWave($0, respondentCode: silent) } == nil)
    }
}
