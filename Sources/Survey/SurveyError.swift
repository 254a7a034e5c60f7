/// Errors of the survey domain; each names what was not found or not allowed.
public enum SurveyError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownQuestion(String)
    case unknownOption(question: String, option: String)
    /// A grouping that does not exist (e.g. `by=colour`) or groups by a non-choice question.
    case unknownGroup(String)
    /// A mean or standard deviation asked of a question that is not number or scale.
    case notNumeric(question: String)
    case unknownFigure(Int)
    case unknownRespondent(String)
    /// The respondent exists but has no answers in the dataset.
    case noAnswers(String)

    public var description: String {
        switch self {
        case let .unknownQuestion(id): return "unknown question '\(id)'"
        case let .unknownOption(question, option): return "question '\(question)' has no option '\(option)'"
        case let .unknownGroup(group): return "cannot group by '\(group)'"
        case let .notNumeric(question): return "question '\(question)' is not a number or scale question"
        case let .unknownFigure(number): return "the report has no figure \(number)"
        case let .unknownRespondent(code): return "unknown respondent '\(code)'"
        case let .noAnswers(code): return "respondent '\(code)' has no answers"
        }
    }
}
