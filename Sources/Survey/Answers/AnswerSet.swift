/// One immutable version of a respondent's answers (a row of `answer_sets`).
public struct AnswerSet: Sendable, Hashable {
    /// Where a version came from; stored as text.
    public enum Source: String, Sendable, Codable {
        case baseline2011 = "baseline-2011"
        case submission
        case `import`
    }

    public let respondentCode: String
    /// 1 for the first version of a respondent, then 2, 3, …
    public let version: Int
    /// The year the answers were given (2011 for the baseline).
    public let wave: Int
    /// Question id -> answer.
    public let answers: [String: AnswerValue]
    public let source: Source
    /// ISO 8601 UTC timestamp, e.g. `2011-03-01T00:00:00Z`.
    public let createdAt: String

    public init(respondentCode: String, version: Int, wave: Int, answers: [String: AnswerValue], source: Source, createdAt: String) {
        self.respondentCode = respondentCode
        self.version = version
        self.wave = wave
        self.answers = answers
        self.source = source
        self.createdAt = createdAt
    }
}
