import Storage
import Survey
import SurveyData

/// `GET /v1/export.csv` and `betakomm export`: the current answers (each respondent's latest
/// version) or one wave's (`2011`: each respondent's latest version whose wave is 2011) in the
/// wide CSV form that ``AnswerImport`` reads back.
public enum AnswerExport {
    /// The CSV bytes; `wave` nil means the current answers.
    public static func csv(_ pool: DatabasePool, wave: Int?, excel: Bool = false) throws -> [UInt8] {
        try pool.read { db in
            let questionnaire = try QuestionnaireRepository.load(db)
            let sets = try AnswerSetRepository.load(db, selection: wave.map(AnswerSelection.wave) ?? .current)
            return AnswerCSV.document(sets, questionnaire: questionnaire, variant: excel ? .excel : .rfc4180)
        }
    }
}
