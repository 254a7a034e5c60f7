import Storage
import Survey

/// Everything the read API serves, loaded once per data version: the questionnaire, the units,
/// the 2011 wave and the current answers, and per respondent its latest version.
public final class DataSnapshot: Sendable {
    /// Changes whenever answers change: the largest `answer_sets.id` (rows are only ever added).
    public let version: Int
    /// The newest answer set's `created_at` (ISO 8601), for JSON-stat's `updated`.
    public let updated: String
    public let wave2011: SurveyDataset
    public let current: SurveyDataset
    /// Respondent code -> (latest version number, its wave), for those that ever answered.
    public let latestVersions: [String: (version: Int, wave: Int)]
    /// Ranked success scores per wave selection, computed once.
    public let scores2011: [String: RankedSuccessScore]
    public let scoresCurrent: [String: RankedSuccessScore]
    let respondentIndex: [String: Respondent]
    /// Respondent code -> ``NameSearch/fold(_:)`` of its name and parallel names (so `Kárášjohka`
    /// finds Karasjok), folded once here rather than per search.
    let foldedNames: [String: String]

    public var questionnaire: Questionnaire { current.questionnaire }
    public var respondents: [Respondent] { current.respondents }

    init(version: Int, updated: String, wave2011: SurveyDataset, current: SurveyDataset, latestVersions: [String: (version: Int, wave: Int)]) {
        self.version = version
        self.updated = updated
        self.wave2011 = wave2011
        self.current = current
        self.latestVersions = latestVersions
        self.scores2011 = wave2011.successScores()
        self.scoresCurrent = current.successScores()
        self.respondentIndex = Dictionary(uniqueKeysWithValues: current.respondents.map { ($0.code, $0) })
        self.foldedNames = Dictionary(uniqueKeysWithValues: current.respondents.map { ($0.code, NameSearch.fold(([$0.name] + $0.parallelNames).joined(separator: " "))) })
    }

    /// The dataset of a wave selection.
    public func dataset(_ wave: WaveSelection) -> SurveyDataset {
        switch wave {
        case .wave2011: wave2011
        case .current: current
        }
    }

    /// Loads a snapshot in one read transaction, so all parts belong to the same version.
    static func load(_ db: Connection) throws -> DataSnapshot {
        let version = try DataSnapshot.version(db)
        let updated = try db.scalar(String.self, "SELECT max(created_at) FROM answer_sets") ?? "2011-01-01T00:00:00Z"
        let questionnaire = try SurveyStore.loadQuestionnaire(db)
        let respondents = try SurveyStore.loadRespondents(db)
        func dataset(_ selection: AnswerSelection) throws -> SurveyDataset {
            SurveyDataset(questionnaire: questionnaire, respondents: respondents,
                          answerSets: try SurveyStore.loadAnswerSets(db, selection: selection))
        }
        var latest: [String: (version: Int, wave: Int)] = [:]
        for row in try db.query(Self.latestVersionsSQL) {
            latest[try row.get(String.self, at: 0)] = (try row.get(Int.self, at: 1), try row.get(Int.self, at: 2))
        }
        return DataSnapshot(version: version, updated: updated, wave2011: try dataset(.wave(2011)), current: try dataset(.current),
                            latestVersions: latest)
    }

    /// The data version as stored now; cheap (the rowid's b-tree maximum, sqlite.org/lang_corefunc.html#max_scalar).
    static func version(_ db: Connection) throws -> Int {
        try db.scalar(Int.self, Self.versionSQL) ?? 0
    }

    private static let versionSQL: CachedSQL = "SELECT coalesce(max(id), 0) FROM answer_sets"
    private static let latestVersionsSQL: CachedSQL = """
        SELECT respondent_code, version, wave FROM answer_sets AS a
        WHERE version = (SELECT max(version) FROM answer_sets AS b WHERE b.respondent_code = a.respondent_code)
        """
}
