/// The result of a stored (or replayed) submission: what the client is sent.
struct SubmissionOutcome: Sendable {
    /// 201 for a respondent's first version, 200 after.
    let status: Int
    let etag: String
    let body: [UInt8]
    let version: Int
    /// True when an `Idempotency-Key` retry returned the stored first result.
    let replayed: Bool
}
