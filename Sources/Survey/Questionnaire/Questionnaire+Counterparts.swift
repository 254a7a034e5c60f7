extension Questionnaire {
    /// The id of the 2011 questionnaire, whose questions are their own counterparts.
    public static let baselineID = "2011"

    /// The 2011 question `question` is compared with: itself in the 2011 questionnaire, else its
    /// declared counterpart (`nil`: not comparable).
    public func counterpart(of question: Question) -> String? {
        id == Self.baselineID ? question.id : question.counterpart
    }

    /// The 2011 option `option` of `question` is compared with (`nil`: not comparable).
    public func counterpart(of option: QuestionOption, in question: Question) -> String? {
        id == Self.baselineID ? option.code : option.counterpart
    }
}

extension Questionnaire {
    /// This questionnaire's question compared with the 2011 question `id` (itself in 2011's).
    public func question(counterpartOf id: String) -> Question? {
        questions.first { counterpart(of: $0) == id }
    }
}
