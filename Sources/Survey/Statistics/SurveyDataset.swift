/// The data statistics run over: the questionnaire, every respondent unit, and one answer set per
/// respondent that answered (the 2011 wave, or each respondent's latest version — the Store decides).
public struct SurveyDataset: Sendable {
    public let questionnaire: Questionnaire
    /// All units, answered or not, ordered by code.
    public let respondents: [Respondent]
    /// Respondent code -> answers, for those that answered.
    public let answersByRespondent: [String: [String: AnswerValue]]
    /// Answering respondents with their answers, in code order (precomputed so statistics only loop).
    let answered: [(respondent: Respondent, answers: [String: AnswerValue])]

    public init(questionnaire: Questionnaire, respondents: [Respondent], answersByRespondent: [String: [String: AnswerValue]]) {
        self.questionnaire = questionnaire
        self.respondents = respondents.sorted { $0.code < $1.code }
        self.answersByRespondent = answersByRespondent
        self.answered = self.respondents.compactMap { respondent in
            answersByRespondent[respondent.code].map { (respondent, $0) }
        }
    }

    /// Convenience for answer sets (the latest per respondent should be passed).
    public init(questionnaire: Questionnaire, respondents: [Respondent], answerSets: [AnswerSet]) {
        var byCode: [String: [String: AnswerValue]] = [:]
        for set in answerSets { byCode[set.respondentCode] = set.answers }
        self.init(questionnaire: questionnaire, respondents: respondents, answersByRespondent: byCode)
    }

    /// The respondent with this code.
    public func respondent(_ code: String) throws -> Respondent {
        guard let found = respondents.first(where: { $0.code == code }) else { throw SurveyError.unknownRespondent(code) }
        return found
    }
}
