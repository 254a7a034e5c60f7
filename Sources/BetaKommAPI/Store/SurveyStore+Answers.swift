import Storage
import Survey
import SurveyData

extension SurveyStore {
    static let answerColumns = "respondent_code, version, wave, answers, source, created_at"

    /// One answer set per respondent that answered `wave`: its latest version within the wave.
    /// (`wave` 2011 is the baseline, or KS's imported microdata once they replace it.)
    public static func loadAnswerSets(_ db: Connection, wave: Int) throws -> [AnswerSet] {
        try db.query(latestInWaveSQL, [wave]).map(answerSet)
    }

    /// Every version of one respondent's answers, oldest first (empty if it never answered).
    public static func loadHistory(_ db: Connection, respondentCode: String) throws -> [AnswerSet] {
        try db.query("SELECT \(answerColumns) FROM answer_sets WHERE respondent_code = ? ORDER BY version",
                     [respondentCode]).map(answerSet)
    }

    private static let latestInWaveSQL = CachedSQL("""
        SELECT \(answerColumns) FROM answer_sets AS a
        WHERE a.wave = ? AND a.version = (SELECT max(b.version) FROM answer_sets AS b
                                          WHERE b.respondent_code = a.respondent_code AND b.wave = a.wave)
        ORDER BY a.respondent_code
        """)

    static func answerSet(_ row: Row) throws -> AnswerSet {
        let code: String = try row.get(named: "respondent_code")
        let version: Int = try row.get(named: "version")
        let key = "\(code) v\(version)"
        guard let source = AnswerSet.Source(rawValue: try row.get(named: "source")) else {
            throw StoreError.invalidRow(table: "answer_sets", key: key, reason: "unknown source")
        }
        let answers: [String: AnswerValue]
        do {
            answers = try CanonicalJSON.answers(from: try row.get(named: "answers"))
        } catch is DecodingError {
            throw StoreError.invalidRow(table: "answer_sets", key: key, reason: "answers are not a JSON object of answers")
        }
        return AnswerSet(respondentCode: code, version: version, wave: try row.get(named: "wave"), answers: answers,
                         source: source, createdAt: try row.get(named: "created_at"))
    }
}
