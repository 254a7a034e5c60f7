import Storage

/// All SQL on `idempotency_keys` (0010, 0025): the first result of a write sent with an
/// `Idempotency-Key`, kept per token, respondent and key so a retry gets the same answer, until
/// it expires (the caller's cutoff: records created at or before it are not replayed).
public enum IdempotencyRepository {
    /// A stored first result.
    public struct Record: Sendable, Equatable {
        /// SHA-256 over the request's method and body (``Digest/sha256(_:)``).
        public var requestDigest: [UInt8]
        public var status: Int
        public var etag: String
        public var body: [UInt8]
        public var version: Int

        public init(requestDigest: [UInt8], status: Int, etag: String, body: [UInt8], version: Int) {
            self.requestDigest = requestDigest
            self.status = status
            self.etag = etag
            self.body = body
            self.version = version
        }
    }

    /// The record of a key created after `notBefore` (ISO 8601), if any.
    public static func find(_ db: Connection, tokenID: Int, respondentCode: String, key: String, notBefore: String) throws -> Record? {
        try db.queryOne(lookupSQL, [tokenID, respondentCode, key, notBefore]).map { row in
            Record(requestDigest: try row.get(named: "request_sha256"), status: try row.get(named: "status"),
                   etag: try row.get(named: "etag"), body: try row.get(named: "body"), version: try row.get(named: "version"))
        }
    }

    public static func insert(_ db: Connection, tokenID: Int, respondentCode: String, key: String, record: Record, createdAt: String) throws {
        try db.execute(insertSQL, [tokenID, respondentCode, key, record.requestDigest, record.status, record.etag, record.body,
                                   record.version, createdAt])
    }

    /// Deletes up to 16 records created at or before `before`: bounded work for each write.
    public static func prune(_ db: Connection, before: String) throws {
        try db.execute(pruneSQL, [before])
    }

    static let lookupSQL: CachedSQL = """
        SELECT request_sha256, status, etag, body, version FROM idempotency_keys
        WHERE token_id = ? AND respondent_code = ? AND key = ? AND created_at > ?
        """
    static let pruneSQL: CachedSQL = """
        DELETE FROM idempotency_keys WHERE rowid IN (SELECT rowid FROM idempotency_keys WHERE created_at <= ? LIMIT 16)
        """
    // OR REPLACE: an expired record of the same key may still be there, not yet pruned.
    static let insertSQL: CachedSQL = """
        INSERT OR REPLACE INTO idempotency_keys (token_id, respondent_code, key, request_sha256, status, etag, body, version, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
}
