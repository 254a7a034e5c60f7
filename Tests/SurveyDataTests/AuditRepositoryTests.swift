import Storage
import Survey
import SurveyData
import Testing

@Suite struct AuditRepositoryTests {
    @Test func entriesReadBackNewestFirstByPageAndOldestFirstInFull() throws {
        let database = try TemporaryDatabase()
        let tokenID = try TokenStore(pool: database.pool).issue(respondentCode: nil, name: "Kari KS").id
        try database.pool.write { db in
            for (code, action) in [("1601", "put"), ("0301", "patch"), ("1601", "import")] {
                let set = try AnswerSetRepository.insertNextVersion(db, respondentCode: code, answers: [:], wave: 2026, source: .submission)
                try AuditRepository.insert(db, set: set, action: action, changes: ["/answers/has_strategy"],
                                           tokenID: action == "import" ? nil : tokenID, remoteAddress: "127.0.0.1")
            }
        }
        let (all, trondheim, page, tokens) = try database.pool.read { db in
            (try AuditRepository.all(db, respondentCode: nil), try AuditRepository.all(db, respondentCode: "1601"),
             try AuditRepository.page(db, before: Int.max, respondentCode: nil, limit: 2),
             try AuditRepository.writerTokens(db, respondentCode: "1601"))
        }
        #expect(all.map(\.action) == ["put", "patch", "import"])
        #expect(trondheim.map(\.version) == [2, 3])
        #expect(page.map(\.action) == ["import", "patch"])
        #expect(all.first?.changes == ["/answers/has_strategy"])
        #expect(all.first?.tokenID == tokenID && all.last?.tokenID == nil)
        #expect(tokens == [2: tokenID])
        let older = try database.pool.read { try AuditRepository.page($0, before: page[1].id, respondentCode: nil, limit: 10) }
        #expect(older.map(\.action) == ["put"])
    }
}
