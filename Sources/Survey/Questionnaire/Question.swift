/// One question of the questionnaire, with its skip logic (`base`).
public struct Question: Sendable, Hashable {
    /// Stable snake_case id, e.g. `has_strategy`.
    public let id: String
    public let type: QuestionType
    /// The report section the question belongs to (`strategy`, `use`, `organisation`, `facebook`, `success`).
    public let section: String
    /// Norwegian question text as in the report.
    public let textNb: String
    /// English label.
    public let labelEn: String
    /// Options of a single/multiple choice question; empty for number and scale.
    public let options: [QuestionOption]
    /// Who is asked: a condition on other answers, or `nil` for every respondent.
    /// Validation requires an answer exactly when the base holds; statistics count only the base.
    public let base: Condition?
    /// Inclusive bounds of a number or scale answer.
    public let minimum: Int?
    public let maximum: Int?
    /// The 2011 question this one is compared with (`compare=2011`), or `nil` when none is comparable.
    /// A 2011 question is its own counterpart.
    public let counterpart: String?

    public init(
        id: String, type: QuestionType, section: String, textNb: String, labelEn: String,
        options: [QuestionOption] = [], base: Condition? = nil, minimum: Int? = nil, maximum: Int? = nil, counterpart: String? = nil
    ) {
        self.counterpart = counterpart
        self.id = id
        self.type = type
        self.section = section
        self.textNb = textNb
        self.labelEn = labelEn
        self.options = options
        self.base = base
        self.minimum = minimum ?? (type == .scale ? 0 : nil)
        self.maximum = maximum ?? (type == .scale ? 100 : nil)
    }

    /// The option with this code, if any.
    public func option(_ code: String) -> QuestionOption? {
        options.first { $0.code == code }
    }

    /// Whether this respondent's answers put it in the question's base.
    public func isAsked(given answers: [String: AnswerValue]) -> Bool {
        base?.isSatisfied(by: answers) ?? true
    }
}
