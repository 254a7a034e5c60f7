import Storage
import Survey

/// All SQL on `answer_sets` (0001, 0013): versioned answer sets, only ever inserted, each in a
/// wave. There is no "current" across waves: each wave counts its own answers.
public enum AnswerSetRepository {
    /// One answer set per respondent that answered `wave`: its latest version within the wave
    /// (wave 2011 is the baseline, or KS's imported microdata once they replace it).
    public static func load(_ db: Connection, wave: Int) throws -> [AnswerSet] {
        try db.query(latestPerRespondentInWaveSQL, [wave]).map(answerSet)
    }

    /// Every version of one respondent's answers, oldest first (empty if it never answered).
    public static func history(_ db: Connection, respondentCode: String) throws -> [AnswerSet] {
        try db.query(historySQL, [respondentCode]).map(answerSet)
    }

    /// The newest wave in which the respondent has answers, if any.
    public static func newestWave(_ db: Connection, respondentCode: String) throws -> Int? {
        try db.scalar(Int.self, newestWaveSQL, [respondentCode])
    }

    /// The latest version within one wave.
    public static func latest(_ db: Connection, respondentCode: String, wave: Int) throws -> AnswerSet? {
        try db.queryOne(latestInWaveSQL, [respondentCode, wave]).map(answerSet)
    }

    /// Inserts the respondent's next version (one above its highest) and returns it. Call inside
    /// a write transaction, so that the version number and the insert are one step.
    public static func insertNextVersion(
        _ db: Connection, respondentCode: String, answers: [String: AnswerValue], wave: Int, source: AnswerSet.Source
    ) throws -> AnswerSet {
        let version = (try db.scalar(Int.self, maxVersionSQL, [respondentCode]) ?? 0) + 1
        let set = AnswerSet(respondentCode: respondentCode, version: version, wave: wave, answers: answers,
                            source: source, createdAt: Timestamp.now())
        try db.execute(insertSQL, [set.respondentCode, set.version, set.wave, try CanonicalJSON.string(set.answers),
                                   set.source.rawValue, set.createdAt])
        return set
    }

    /// The newest answer set's `created_at` (ISO 8601), or `nil` when there are none.
    public static func lastCreatedAt(_ db: Connection) throws -> String? {
        try db.scalar(String.self, lastCreatedAtSQL)
    }

    /// Respondent code -> (latest version number, its wave), for those that ever answered.
    public static func latestVersions(_ db: Connection) throws -> [String: (version: Int, wave: Int)] {
        var latest: [String: (version: Int, wave: Int)] = [:]
        for row in try db.query(latestVersionsSQL) {
            latest[try row.get(String.self, at: 0)] = (try row.get(Int.self, at: 1), try row.get(Int.self, at: 2))
        }
        return latest
    }

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

    static let latestPerRespondentInWaveSQL: CachedSQL = """
        SELECT respondent_code, version, wave, answers, source, created_at FROM answer_sets AS a
        WHERE a.wave = ? AND a.version = (SELECT max(b.version) FROM answer_sets AS b
                                          WHERE b.respondent_code = a.respondent_code AND b.wave = a.wave)
        ORDER BY a.respondent_code
        """
    static let historySQL: CachedSQL = """
        SELECT respondent_code, version, wave, answers, source, created_at FROM answer_sets WHERE respondent_code = ? ORDER BY version
        """
    static let newestWaveSQL: CachedSQL = "SELECT max(wave) FROM answer_sets WHERE respondent_code = ?"
    static let latestInWaveSQL: CachedSQL = """
        SELECT respondent_code, version, wave, answers, source, created_at FROM answer_sets
        WHERE respondent_code = ? AND wave = ? ORDER BY version DESC LIMIT 1
        """
    static let maxVersionSQL: CachedSQL = "SELECT max(version) FROM answer_sets WHERE respondent_code = ?"
    static let insertSQL: CachedSQL = """
        INSERT INTO answer_sets (respondent_code, version, wave, answers, source, created_at) VALUES (?, ?, ?, ?, ?, ?)
        """
    static let lastCreatedAtSQL: CachedSQL = "SELECT max(created_at) FROM answer_sets"
    static let latestVersionsSQL: CachedSQL = """
        SELECT respondent_code, version, wave FROM answer_sets AS a
        WHERE version = (SELECT max(version) FROM answer_sets AS b WHERE b.respondent_code = a.respondent_code)
        """
}
