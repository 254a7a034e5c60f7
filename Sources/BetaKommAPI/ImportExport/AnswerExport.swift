import Storage
import Survey
import SurveyData

/// `GET /v1/export.csv` and `betakomm export`: one wave's answers (each unit's latest version
/// within the wave), with the wave's questionnaire as columns, in the wide CSV form that
/// ``AnswerImport`` reads back.
public enum AnswerExport {
    /// The CSV bytes of `wave`.
    public static func csv(_ pool: DatabasePool, wave: Int, excel: Bool = false) throws -> [UInt8] {
        try pool.read { db in
            guard let found = try WaveRepository.find(db, id: wave) else { throw WaveError.unknownWave(wave) }
            let questionnaire = try QuestionnaireRepository.load(db, id: found.questionnaireID)
            let sets = try AnswerSetRepository.load(db, wave: wave)
            return AnswerCSV.document(sets, questionnaire: questionnaire, variant: excel ? .excel : .rfc4180)
        }
    }
}
