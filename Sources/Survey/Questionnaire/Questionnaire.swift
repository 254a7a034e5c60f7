/// The ordered list of questions, with lookup by id.
public struct Questionnaire: Sendable {
    /// Which questionnaire this is: `2011`, `2026`, … (a wave names the one its answers follow).
    public let id: String
    public let questions: [Question]
    private let indexByID: [String: Int]

    /// Builds a questionnaire; a base may refer only to earlier questions and to their options.
    public init(id: String = "2011", questions: [Question]) throws {
        self.id = id
        var index: [String: Int] = [:]
        for (position, question) in questions.enumerated() {
            guard index[question.id] == nil else { throw SurveyError.unknownQuestion("duplicate id \(question.id)") }
            index[question.id] = position
        }
        self.questions = questions
        self.indexByID = index
        for (position, question) in questions.enumerated() {
            guard let base = question.base else { continue }
            try validate(base)
            for referenced in base.referencedQuestions where (index[referenced] ?? .max) >= position {
                throw SurveyError.unknownQuestion("\(referenced) (base of \(question.id) must refer to an earlier question)")
            }
        }
    }

    /// The question with this id.
    public func question(_ id: String) throws -> Question {
        guard let position = indexByID[id] else { throw SurveyError.unknownQuestion(id) }
        return questions[position]
    }

    /// Checks that every question and option a condition names exists.
    public func validate(_ condition: Condition) throws {
        switch condition {
        case let .answer(questionID, options):
            let question = try question(questionID)
            for option in options where question.option(option) == nil {
                throw SurveyError.unknownOption(question: questionID, option: option)
            }
        case let .all(conditions), let .any(conditions):
            try conditions.forEach(validate)
        case let .not(inner):
            try validate(inner)
        }
    }
}
