import Storage

/// All SQL on `idempotency_keys` (0010): the first result of a write sent with an
/// `Idempotency-Key`, kept per token, respondent and key so a retry gets the same answer.
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

    public static func find(_ db: Connection, tokenID: Int, respondentCode: String, key: String) throws -> Record? {
        try db.queryOne(lookupSQL, [tokenID, respondentCode, key]).map { row in
            Record(requestDigest: try row.get(named: "request_sha256"), status: try row.get(named: "status"),
                   etag: try row.get(named: "etag"), body: try row.get(named: "body"), version: try row.get(named: "version"))
        }
    }

    public static func insert(_ db: Connection, tokenID: Int, respondentCode: String, key: String, record: Record, createdAt: String) throws {
        try db.execute(insertSQL, [tokenID, respondentCode, key, record.requestDigest, record.status, record.etag, record.body,
                                   record.version, createdAt])
    }

    static let lookupSQL: CachedSQL = """
        SELECT request_sha256, status, etag, body, version FROM idempotency_keys WHERE token_id = ? AND respondent_code = ? AND key = ?
        """
    static let insertSQL: CachedSQL = """
        INSERT INTO idempotency_keys (token_id, respondent_code, key, request_sha256, status, etag, body, version, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
}
