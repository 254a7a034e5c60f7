import Storage
import Survey
import SurveyData
import Testing

@Suite struct AnswerVersionsTests {
    @Test func aStoredVersionHasItsAuditRowWithTheChangedPointers() throws {
        let database = try TemporaryDatabase()
        let questionnaire = Questionnaire.report2011
        let previous = try database.pool.read { try AnswerSetRepository.latest($0, respondentCode: "1601", wave: 2011) }
        let before = try #require(previous)
        var answers = before.answers
        answers["facebook_fans"] = AnswerValue.number(1450)
        let stored = try database.pool.write { db in
            try AnswerVersions.store(db, respondentCode: "1601", answers: answers, wave: 2026, source: .submission, previous: before,
                                     questionnaire: questionnaire, action: "patch", tokenID: nil, remoteAddress: "127.0.0.1")
        }
        #expect(stored.version == before.version + 1)
        let audit = try database.pool.read { try AuditRepository.all($0, respondentCode: "1601") }
        #expect(audit.map(\.version) == [stored.version])
        #expect(audit.first?.action == "patch")
        #expect(audit.first?.changes == ["/answers/facebook_fans"])
    }
}
