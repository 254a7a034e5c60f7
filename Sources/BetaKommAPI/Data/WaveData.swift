import Survey

/// One wave as the read API serves it: the wave, its questionnaire, the units of its map with
/// each unit's latest answers within the wave, and the units' success scores.
public struct WaveData: Sendable {
    public let wave: Wave
    public let dataset: SurveyDataset
    /// Ranked success scores, computed once per snapshot.
    public let scores: [String: RankedSuccessScore]

    init(wave: Wave, dataset: SurveyDataset) {
        self.wave = wave
        self.dataset = dataset
        self.scores = dataset.successScores()
    }

    /// Units that answered, and units on the wave's map.
    public var responseRate: Proportion {
        Proportion(count: dataset.answersByRespondent.count, n: dataset.respondents.count)
    }
}
