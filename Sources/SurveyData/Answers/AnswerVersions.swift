import Storage
import Survey

/// Stores a new version of a unit's answers together with its audit row: the one way a version
/// is written (a submission, an import), in the caller's write transaction. Combines
/// ``AnswerSetRepository`` and ``AuditRepository``; has no SQL of its own.
public enum AnswerVersions {
    /// Inserts the respondent's next version and its audit row, whose changes are the diff from
    /// `previous`; returns the stored set.
    public static func store(
        _ db: Connection, respondentCode: String, answers: [String: AnswerValue], wave: Int, source: AnswerSet.Source,
        previous: AnswerSet?, questionnaire: Questionnaire, action: String, tokenID: Int?, remoteAddress: String
    ) throws -> AnswerSet {
        let set = try AnswerSetRepository.insertNextVersion(db, respondentCode: respondentCode, answers: answers, wave: wave, source: source)
        let changes = AnswerDiff(from: previous?.answers ?? [:], to: answers, questionnaire: questionnaire).pointers
        try AuditRepository.insert(db, set: set, action: action, changes: changes, tokenID: tokenID, remoteAddress: remoteAddress)
        return set
    }
}
