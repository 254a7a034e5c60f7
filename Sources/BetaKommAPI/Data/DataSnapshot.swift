import Storage
import Survey
import SurveyData

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
        let version = try AnswerSetRepository.dataVersion(db)
        let updated = try AnswerSetRepository.lastCreatedAt(db) ?? "2011-01-01T00:00:00Z"
        let questionnaire = try QuestionnaireRepository.load(db)
        let respondents = try RespondentRepository.load(db)
        func dataset(_ selection: AnswerSelection) throws -> SurveyDataset {
            SurveyDataset(questionnaire: questionnaire, respondents: respondents,
                          answerSets: try AnswerSetRepository.load(db, selection: selection))
        }
        return DataSnapshot(version: version, updated: updated, wave2011: try dataset(.wave(2011)), current: try dataset(.current),
                            latestVersions: try AnswerSetRepository.latestVersions(db))
    }
}
