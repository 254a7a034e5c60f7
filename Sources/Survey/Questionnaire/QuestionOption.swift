/// One answer option of a single or multiple choice question.
public struct QuestionOption: Sendable, Hashable, Codable {
    /// Stable snake_case code stored in answers, e.g. `yes`, `dont_know`, `facebook`.
    public let code: String
    /// Norwegian label as the report words it.
    public let labelNb: String
    /// English label.
    public let labelEn: String
    /// The option of the 2011 question this one is compared with, or `nil` when none is comparable.
    public let counterpart: String?

    public init(_ code: String, nb labelNb: String, en labelEn: String, counterpart: String? = nil) {
        self.code = code
        self.labelNb = labelNb
        self.labelEn = labelEn
        self.counterpart = counterpart
    }
}
