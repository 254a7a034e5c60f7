import Storage
import Survey

/// Maps Storage rows to the survey domain: the questionnaire, the respondent units and the
/// versioned answer sets, each loaded from a `Connection` (use it inside `DatabasePool.read`).
public enum SurveyStore {
    /// Everything statistics need, in one read: questionnaire, all units and the selected answers.
    public static func loadDataset(_ db: Connection, selection: AnswerSelection) throws -> SurveyDataset {
        let answerSets = try loadAnswerSets(db, selection: selection)
        return SurveyDataset(questionnaire: try loadQuestionnaire(db), respondents: try loadRespondents(db), answerSets: answerSets)
    }
}
