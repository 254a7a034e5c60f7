/// Skip logic and filters: a condition on a respondent's answers.
///
/// JSON form (also stored in the database): `{"question":"uses_social_media","in":["yes"]}`,
/// `{"all":[…]}`, `{"any":[…]}`, `{"not":{…}}`.
public indirect enum Condition: Sendable, Hashable {
    /// The answer to `question` is one of `options` (for a multiple choice question: any selected option is).
    case answer(question: String, in: [String])
    /// Every condition holds (an empty list holds).
    case all([Condition])
    /// At least one condition holds.
    case any([Condition])
    /// The condition does not hold.
    case not(Condition)

    /// Shorthand for `.answer(question:in:)`.
    public static func answer(_ question: String, _ options: String...) -> Condition {
        .answer(question: question, in: options)
    }

    /// Evaluates the condition; a missing answer satisfies no `.answer` condition.
    public func isSatisfied(by answers: [String: AnswerValue]) -> Bool {
        switch self {
        case let .answer(question, options):
            guard let value = answers[question] else { return false }
            return value.selectedCodes.contains { options.contains($0) }
        case let .all(conditions):
            return conditions.allSatisfy { $0.isSatisfied(by: answers) }
        case let .any(conditions):
            return conditions.contains { $0.isSatisfied(by: answers) }
        case let .not(condition):
            return !condition.isSatisfied(by: answers)
        }
    }

    /// Question ids the condition refers to, in order of appearance.
    public var referencedQuestions: [String] {
        switch self {
        case let .answer(question, _): return [question]
        case let .all(conditions), let .any(conditions): return conditions.flatMap(\.referencedQuestions)
        case let .not(condition): return condition.referencedQuestions
        }
    }
}
