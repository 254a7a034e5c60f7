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

    public init(id: Int, titleNb: String, titleEn: String, map: Int, questionnaireID: String, status: Status,
                opensOn: String? = nil, closesOn: String? = nil) {
        self.id = id
        self.titleNb = titleNb
        self.titleEn = titleEn
        self.map = map
        self.questionnaireID = questionnaireID
        self.status = status
        self.opensOn = opensOn
        self.closesOn = closesOn
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
