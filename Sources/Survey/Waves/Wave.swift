/// One round of the survey: who is asked (the units of a map), with which questionnaire, and when.
/// 2011 is the closed baseline on the 2011 map; 2026 asks today's units.
public struct Wave: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Created, not yet taking answers.
        case draft
        /// Taking answers.
        case open
        /// Answers are final; statistics of the wave no longer move.
        case closed
    }

    /// The wave's year-like id: 2011, 2026, …
    public let id: Int
    public let titleNb: String
    public let titleEn: String
    /// The map of units the wave asks (2011 or 2024).
    public let map: Int
    /// The id of the questionnaire its answers follow.
    public let questionnaireID: String
    public let status: Status
    /// ISO 8601 dates (`2026-01-15`), when planned.
    public let opensOn: String?
    public let closesOn: String?
    /// Whether staff published the wave's answers at unit level (KS has the units' consent):
    /// then anyone may read each unit's answers, score and answer filters of this wave.
    /// Never true for the synthetic waves (``unitPublicationRefusal``).
    public let publishedUnits: Bool

    public init(id: Int, titleNb: String, titleEn: String, map: Int, questionnaireID: String, status: Status,
                opensOn: String? = nil, closesOn: String? = nil, publishedUnits: Bool = false) {
        self.id = id
        self.titleNb = titleNb
        self.titleEn = titleEn
        self.map = map
        self.questionnaireID = questionnaireID
        self.status = status
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.publishedUnits = publishedUnits
    }

    /// Why this wave can never be published at unit level, or `nil` when staff may publish it.
    /// The 2011 answers are synthetic (reconstructed from the report's aggregates, not what any
    /// municipality answered), and wave 1 holds submissions whose unsent answers were copied from
    /// them: presenting either as facts about named municipalities would be false.
    public var unitPublicationRefusal: String? {
        switch id {
        case 2011:
            "Wave 2011 cannot be published at unit level: its answers are synthetic, reconstructed from the report's aggregates, not what any named municipality answered."
        case 1:
            "Wave 1 cannot be published at unit level: its answers not sent were copied from the synthetic 2011 answers."
        default: nil
        }
    }

    /// The dates in words, for messages: "open 2026-01-15 to 2026-03-31".
    public var period: String {
        switch (opensOn, closesOn) {
        case let (opens?, closes?): "\(opens) to \(closes)"
        case let (opens?, nil): "from \(opens)"
        case let (nil, closes?): "until \(closes)"
        case (nil, nil): "no dates set"
        }
    }
}

extension Wave.Status {
    /// A wave moves forward only: draft → open → closed (a draft may also be closed unopened).
    public func canBecome(_ next: Wave.Status) -> Bool {
        switch (self, next) {
        case (.draft, .open), (.open, .closed), (.draft, .closed): true
        default: false
        }
    }
}
