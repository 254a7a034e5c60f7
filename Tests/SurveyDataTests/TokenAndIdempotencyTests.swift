import Foundation
import Storage
import SurveyData
import Testing

@Suite struct TokenAndIdempotencyTests {
    @Test func anIssuedTokenResolvesUntilRevoked() throws {
        let database = try TemporaryDatabase()
        let tokens = TokenStore(pool: database.pool)
        let trondheim = try tokens.issue(respondentCode: "1601", name: "Trondheim")
        let staff = try tokens.issue(respondentCode: nil, name: "Kari KS")
        #expect(try tokens.resolve(trondheim.text) == .respondent(code: "1601", wave: nil))
        #expect(try tokens.resolve(staff.text) == .staff)
        #expect(try tokens.resolve("bk_1_" + String(repeating: "A", count: 43)) == nil)
        #expect(throws: TokenError.unknownRespondent("9999")) { try tokens.issue(respondentCode: "9999", name: "nobody") }
        try tokens.revoke(id: trondheim.id)
        #expect(try tokens.resolve(trondheim.text) == nil)
        #expect(throws: TokenError.alreadyRevoked(trondheim.id)) { try tokens.revoke(id: trondheim.id) }
        #expect(throws: TokenError.unknownToken(99)) { try tokens.revoke(id: 99) }
        var listed = try tokens.list()
        // last_used_at is written off the request path: it lands within moments.
        for _ in 0..<500 where listed[0].lastUsedAt == nil {
            Thread.sleep(forTimeInterval: 0.02)
            listed = try tokens.list()
        }
        #expect(listed.map(\.role) == ["respondent", "staff"])
        #expect(listed[0].revokedAt != nil && listed[0].lastUsedAt != nil)
        // Only the digest is stored.
        let stored = try database.pool.read { try TokenRepository.credentials($0, id: staff.id) }
        #expect(stored?.digest == staff.sha256)
    }

    @Test func aStoredResultIsFoundByTokenRespondentAndKey() throws {
        let database = try TemporaryDatabase()
        let token = try TokenStore(pool: database.pool).issue(respondentCode: "1601", name: "Trondheim")
        let record = IdempotencyRepository.Record(requestDigest: Digest.sha256(Array("PUT".utf8)), status: 201, etag: "\"r1601-v2\"",
                                                  body: Array("{}".utf8), version: 2)
        try database.pool.write { db in
            try IdempotencyRepository.insert(db, tokenID: token.id, respondentCode: "1601", key: "k1", record: record,
                                             createdAt: Timestamp.now())
        }
        let longAgo = "2000-01-01T00:00:00Z", future = "2999-01-01T00:00:00Z"
        #expect(try database.pool.read { try IdempotencyRepository.find($0, tokenID: token.id, respondentCode: "1601", key: "k1", notBefore: longAgo) } == record)
        #expect(try database.pool.read { try IdempotencyRepository.find($0, tokenID: token.id, respondentCode: "1601", key: "k2", notBefore: longAgo) } == nil)
        // Expired: created before the cutoff, so not replayed, and pruned.
        #expect(try database.pool.read { try IdempotencyRepository.find($0, tokenID: token.id, respondentCode: "1601", key: "k1", notBefore: future) } == nil)
        try database.pool.write { try IdempotencyRepository.prune($0, before: future) }
        #expect(try database.pool.read { try $0.scalar(Int.self, "SELECT count(*) FROM idempotency_keys") } == 0)
        #expect(Digest.constantTimeEqual(record.requestDigest, Digest.sha256(Array("PUT".utf8))))
        #expect(!Digest.constantTimeEqual(record.requestDigest, Digest.sha256(Array("PATCH".utf8))))
    }
}
