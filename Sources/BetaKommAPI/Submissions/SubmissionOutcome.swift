/// The result of a stored (or replayed) submission: what the client is sent.
public struct SubmissionOutcome: Sendable {
    /// 201 for a respondent's first version, 200 after.
    public let status: Int
    public let etag: String
    public let body: [UInt8]
    public let version: Int
    /// True when an `Idempotency-Key` retry returned the stored first result.
    public let replayed: Bool
}
