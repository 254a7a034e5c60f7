import Storage

/// All SQL on `tokens` (0010): bearer tokens kept as SHA-256 digests, never as text.
public enum TokenRepository {
    /// The columns a lookup needs.
    public struct Credentials: Sendable {
        public let digest: [UInt8]
        public let respondentCode: String?
        /// The wave a respondent's token answers, if it names one.
        public let wave: Int?
        public let lastUsedAt: String?
        public let revokedAt: String?
    }

    /// Reserves a row (with a placeholder digest, filled in by ``setDigest(_:id:digest:)`` once
    /// the id, which is part of the token, is known); returns the id.
    public static func reserve(_ db: Connection, respondentCode: String?, wave: Int?, name: String, createdAt: String) throws -> Int {
        try db.execute(reserveSQL, [respondentCode == nil ? "staff" : "respondent", respondentCode, wave, name, createdAt])
        return Int(db.lastInsertRowID)
    }

    public static func setDigest(_ db: Connection, id: Int, digest: [UInt8]) throws {
        try db.execute(setDigestSQL, [digest, id])
    }

    /// Every token, oldest first.
    public static func all(_ db: Connection) throws -> [TokenRecord] {
        try db.query(listSQL).map { row in
            TokenRecord(id: try row.get(named: "id"), role: try row.get(named: "role"),
                        respondentCode: try row.get(named: "respondent_code"), wave: try row.get(named: "wave"), name: try row.get(named: "name"),
                        createdAt: try row.get(named: "created_at"), lastUsedAt: try row.get(named: "last_used_at"),
                        revokedAt: try row.get(named: "revoked_at"))
        }
    }

    /// The token's stored digest and state, or `nil` if there is no row `id`.
    public static func credentials(_ db: Connection, id: Int) throws -> Credentials? {
        try db.queryOne(lookupSQL, [id]).map { row in
            Credentials(digest: try row.get(named: "token_sha256"), respondentCode: try row.get(named: "respondent_code"),
                        wave: try row.get(named: "wave"),
                        lastUsedAt: try row.get(named: "last_used_at"), revokedAt: try row.get(named: "revoked_at"))
        }
    }

    public static func markUsed(_ db: Connection, id: Int, at: String) throws {
        try db.execute(markUsedSQL, [at, id])
    }

    public static func revoke(_ db: Connection, id: Int, at: String) throws {
        try db.execute(revokeSQL, [at, id])
    }

    static let reserveSQL: CachedSQL = """
        INSERT INTO tokens (role, respondent_code, wave, name, token_sha256, created_at) VALUES (?, ?, ?, ?, zeroblob(32), ?)
        """
    static let setDigestSQL: CachedSQL = "UPDATE tokens SET token_sha256 = ? WHERE id = ?"
    static let listSQL: CachedSQL = "SELECT id, role, respondent_code, wave, name, created_at, last_used_at, revoked_at FROM tokens ORDER BY id"
    static let lookupSQL: CachedSQL = "SELECT token_sha256, respondent_code, wave, last_used_at, revoked_at FROM tokens WHERE id = ?"
    static let markUsedSQL: CachedSQL = "UPDATE tokens SET last_used_at = ? WHERE id = ?"
    static let revokeSQL: CachedSQL = "UPDATE tokens SET revoked_at = ? WHERE id = ?"
}
