import Storage
import Survey
import SurveyData
import Testing

@Suite struct AnswerSetRepositoryTests {
    @Test func aNewVersionMovesTheDataVersionAndBecomesCurrent() throws {
        let database = try TemporaryDatabase()
        let before = try database.pool.read { try AnswerSetRepository.dataVersion($0) }
        let stored = try database.pool.write { db in
            try AnswerSetRepository.insertNextVersion(db, respondentCode: "1601", answers: ["has_strategy": .choice("no")],
                                                      wave: 2026, source: .submission)
        }
        let (after, current, baseline, history, latest) = try database.pool.read { db in
            (try AnswerSetRepository.dataVersion(db), try AnswerSetRepository.current(db, respondentCode: "1601"),
             try AnswerSetRepository.latest(db, respondentCode: "1601", wave: 2011),
             try AnswerSetRepository.history(db, respondentCode: "1601"), try AnswerSetRepository.latestVersions(db))
        }
        #expect(stored.version == 2)
        #expect(after > before)
        #expect(current == stored)
        #expect(baseline?.version == 1)
        #expect(history.map(\.version) == [1, 2])
        #expect(latest["1601"]?.version == 2 && latest["1601"]?.wave == 2026)
        #expect(try database.pool.read { try AnswerSetRepository.lastCreatedAt($0) } == stored.createdAt)
    }

    @Test func aRespondentWithoutAnswersHasNoCurrentSet() throws {
        let database = try TemporaryDatabase()
        let codes = try database.pool.read { try RespondentRepository.codes($0) }
        #expect(codes.count == 449)
        #expect(try database.pool.read { try RespondentRepository.exists($0, code: "1601") })
        #expect(try !database.pool.read { try RespondentRepository.exists($0, code: "9999") })
        let answered = Set(try database.pool.read { try AnswerSetRepository.load($0, selection: .current) }.map(\.respondentCode))
        let silent = try #require(codes.subtracting(answered).sorted().first)
        #expect(try database.pool.read { try AnswerSetRepository.current($0, respondentCode: silent) } == nil)
    }
}
