import Storage
import Survey
import SurveyData

/// Everything the read API serves, loaded once per data version: every wave with its
/// questionnaire, units and answers; the units of every map and how they succeed each other.
public final class DataSnapshot: Sendable {
    /// Moves whenever anything served changes: answers, waves, units' facts (`data_version`, 0013).
    public let version: Int
    /// The newest answer set's `created_at` (ISO 8601), for JSON-stat's `updated`.
    public let updated: String
    /// Every wave by id.
    public let waves: [Int: WaveData]
    /// Every map's units, by map id.
    public let units: [Int: [Respondent]]
    public let correspondence: Correspondence
    /// Respondent code -> (latest version number, its wave), for those that ever answered.
    public let latestVersions: [String: (version: Int, wave: Int)]
    let unitIndex: [UnitReference: Respondent]
    /// Unit -> ``NameSearch/fold(_:)`` of its name and parallel names (so `Kárášjohka` finds
    /// Karasjok), folded once here rather than per search.
    let foldedNames: [UnitReference: String]

    /// The report's wave.
    public var wave2011: SurveyDataset { waves[2011]!.dataset }
    /// The 2011 questionnaire (the report's, served by `/v1/questions` unless a wave is named).
    public var questionnaire: Questionnaire { wave2011.questionnaire }
    /// The units of 2011, the report's respondents.
    public var respondents: [Respondent] { wave2011.respondents }

    init(version: Int, updated: String, waves: [Int: WaveData], units: [Int: [Respondent]], correspondence: Correspondence,
         latestVersions: [String: (version: Int, wave: Int)]) {
        self.version = version
        self.updated = updated
        self.waves = waves
        self.units = units
        self.correspondence = correspondence
        self.latestVersions = latestVersions
        let all = units.values.joined()
        self.unitIndex = Dictionary(uniqueKeysWithValues: all.map { ($0.reference, $0) })
        self.foldedNames = Dictionary(uniqueKeysWithValues: all.map { ($0.reference, NameSearch.fold(([$0.name] + $0.parallelNames).joined(separator: " "))) })
    }

    /// The wave a request names; 400 naming `parameter` when there is no such wave.
    func waveData(_ selection: WaveSelection, parameter: String = "wave") throws(APIError) -> WaveData {
        guard let data = waves[selection.id] else {
            let known = waves.keys.sorted().filter { $0 != 1 }.map(String.init).joined(separator: ", ")
            throw .invalidParameter(parameter, detail: "there is no wave \(selection.id); waves: \(known) (see /v1/waves).")
        }
        return data
    }

    /// The dataset of a wave.
    func dataset(_ selection: WaveSelection) throws(APIError) -> SurveyDataset {
        try waveData(selection).dataset
    }

    /// The unit with this code on `map`, or, without a map, on the newest map that has the code.
    func unit(code: String, map: Int? = nil) -> Respondent? {
        if let map { return unitIndex[UnitReference(map: map, code: code)] }
        return units.keys.sorted(by: >).lazy.compactMap { self.unitIndex[UnitReference(map: $0, code: code)] }.first
    }

    /// Loads a snapshot in one read transaction, so all parts belong to the same version.
    static func load(_ db: Connection) throws -> DataSnapshot {
        let version = try DataVersionRepository.current(db)
        let updated = try AnswerSetRepository.lastCreatedAt(db) ?? "2011-01-01T00:00:00Z"
        var units: [Int: [Respondent]] = [:]
        for map in try UnitRepository.maps(db) { units[map] = try UnitRepository.units(db, map: map) }
        var questionnaires: [String: Questionnaire] = [:]
        var waves: [Int: WaveData] = [:]
        for wave in try WaveRepository.all(db) {
            let questionnaire = try questionnaires[wave.questionnaireID] ?? QuestionnaireRepository.load(db, id: wave.questionnaireID)
            questionnaires[wave.questionnaireID] = questionnaire
            let dataset = SurveyDataset(questionnaire: questionnaire, respondents: units[wave.map] ?? [],
                                        answerSets: try AnswerSetRepository.load(db, wave: wave.id))
            waves[wave.id] = WaveData(wave: wave, dataset: dataset)
        }
        return DataSnapshot(version: version, updated: updated, waves: waves, units: units,
                            correspondence: try UnitRepository.correspondence(db), latestVersions: try AnswerSetRepository.latestVersions(db))
    }
}
