/// A token as `betakomm token list` shows it: everything but the secret (which is not stored).
public struct TokenRecord: Sendable, Equatable {
    public let id: Int
    /// `respondent` or `staff`.
    public let role: String
    public let respondentCode: String?
    /// The wave a respondent's token answers, if it names one.
    public let wave: Int?
    public let name: String
    public let createdAt: String
    public let lastUsedAt: String?
    public let revokedAt: String?
}
