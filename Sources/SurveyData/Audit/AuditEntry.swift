/// One row of `audit_log`: who changed which answers, when, from where.
public struct AuditEntry: Sendable, Equatable {
    public let id: Int
    /// ISO 8601 UTC.
    public let at: String
    /// The token that wrote; `nil` for the command line.
    public let tokenID: Int?
    /// `put`, `patch` or `import`.
    public let action: String
    public let respondentCode: String
    public let version: Int
    public let wave: Int
    /// The JSON pointers of the answers that changed.
    public let changes: [String]
    public let remoteAddress: String
}
