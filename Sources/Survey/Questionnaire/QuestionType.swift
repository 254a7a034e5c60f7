/// How a question is answered.
public enum QuestionType: String, Sendable, Codable, CaseIterable {
    /// Exactly one option code.
    case single
    /// One or more option codes.
    case multiple
    /// A whole number (e.g. the number of Facebook fans).
    case number
    /// A whole number on the report's 0–100 importance scale (Fig. 26).
    case scale
    /// Free text of at most `maximum` characters (e.g. «Annet – hva?»); never counted in statistics.
    case text

    /// Whether answers are option codes (and so can be counted per option or grouped by).
    public var isCategorical: Bool { self == .single || self == .multiple }
}
