import Foundation
import Storage
import Survey
import SurveyData

/// Issues, lists, revokes and resolves bearer tokens kept hashed in the `tokens` table (0010).
public struct TokenStore: Sendable {
    let pool: DatabasePool
    /// `last_used_at` is written at most this often per token, so authenticated reads do not
    /// each become a write (a write takes the one writer lock and an fsync).
    static let lastUsedResolutionSeconds: TimeInterval = 60

    public init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Creates a token for a respondent (`respondentCode`) or for staff (`nil`) and returns it;
    /// this is the only time its text exists outside the client. A respondent's token may name
    /// the wave it answers; the unit must then be on that wave's map (1601 is refused for the
    /// 2026 wave, with its successor 5001 named).
    public func issue(respondentCode: String?, wave: Int? = nil, name: String) throws -> AccessToken {
        try pool.write { db in
            if let respondentCode {
                guard try db.scalar(Int.self, "SELECT count(*) FROM respondents WHERE code = ?", [respondentCode]) == 1 else {
                    throw TokenError.unknownRespondent(respondentCode)
                }
                if let wave {
                    guard let found = try WaveRepository.find(db, id: wave) else { throw WaveError.unknownWave(wave) }
                    try WaveTarget.requireUnit(db, code: respondentCode, onMapOf: found)
                }
            }
            // The id is part of the token and the hash covers the whole token, so reserve the
            // row first (a placeholder digest) and fill in the digest once the id is known.
            try db.execute("""
                INSERT INTO tokens (role, respondent_code, wave, name, token_sha256, created_at) VALUES (?, ?, ?, ?, zeroblob(32), ?)
                """, [respondentCode == nil ? "staff" : "respondent", respondentCode, respondentCode == nil ? nil : wave, name, Timestamp.now()])
            let token = AccessToken.generate(id: Int(db.lastInsertRowID))
            try db.execute("UPDATE tokens SET token_sha256 = ? WHERE id = ?", [token.sha256, token.id])
            return token
        }
    }

    /// Every token, oldest first.
    public func list() throws -> [TokenRecord] {
        try pool.read { db in
            try db.query("SELECT id, role, respondent_code, wave, name, created_at, last_used_at, revoked_at FROM tokens ORDER BY id").map { row in
                TokenRecord(id: try row.get(named: "id"), role: try row.get(named: "role"),
                            respondentCode: try row.get(named: "respondent_code"), wave: try row.get(named: "wave"), name: try row.get(named: "name"),
                            createdAt: try row.get(named: "created_at"), lastUsedAt: try row.get(named: "last_used_at"),
                            revokedAt: try row.get(named: "revoked_at"))
            }
        }
    }

    /// Revokes a token: from now on it gets 401.
    public func revoke(id: Int) throws {
        try pool.write { db in
            guard let row = try db.queryOne("SELECT revoked_at FROM tokens WHERE id = ?", [id]) else { throw TokenError.unknownToken(id) }
            guard try row.get(String?.self, at: 0) == nil else { throw TokenError.alreadyRevoked(id) }
            try db.execute("UPDATE tokens SET revoked_at = ? WHERE id = ?", [Timestamp.now(), id])
        }
    }

    /// The role a token grants, or `nil` for a malformed, unknown or revoked token.
    /// The stored digest is compared in constant time.
    public func resolve(_ text: String) throws -> Role? {
        guard let token = AccessToken(text) else { return nil }
        guard let row = try pool.read({ try $0.queryOne(Self.lookupSQL, [token.id]) }) else { return nil }
        let stored: [UInt8] = try row.get(named: "token_sha256")
        guard AccessToken.constantTimeEqual(stored, token.sha256), try row.get(String?.self, named: "revoked_at") == nil else { return nil }
        let lastUsed = try row.get(String?.self, named: "last_used_at").flatMap(Timestamp.date(from:))
        if lastUsed.map({ Date().timeIntervalSince($0) >= Self.lastUsedResolutionSeconds }) ?? true {
            try pool.write { try $0.execute("UPDATE tokens SET last_used_at = ? WHERE id = ?", [Timestamp.now(), token.id]) }
        }
        if let code = try row.get(String?.self, named: "respondent_code") {
            return .respondent(code: code, wave: try row.get(Int?.self, named: "wave"))
        }
        return .staff
    }

    /// The resolver ``RoleMiddleware`` calls.
    public var resolver: TokenResolver {
        { text in try resolve(text) }
    }

    private static let lookupSQL: CachedSQL = "SELECT token_sha256, respondent_code, wave, last_used_at, revoked_at FROM tokens WHERE id = ?"
}
