/// The report's "kommunestørrelse". The report does not print its thresholds; these are the usual
/// ones in KS's and SSB's municipal statistics: small < 5 000, medium 5 000–19 999, large ≥ 20 000
/// inhabitants on 1 January 2011. Counties form their own class.
public enum SizeClass: String, Sendable, Codable, CaseIterable, Comparable {
    case small
    case medium
    case large
    case county

    /// Smallest population of a medium kommune.
    public static let mediumFrom = 5_000
    /// Smallest population of a large kommune.
    public static let largeFrom = 20_000

    /// The size class of a unit of this kind and population.
    public init(kind: RespondentKind, population: Int) {
        switch kind {
        case .fylkeskommune: self = .county
        case .kommune:
            self = population >= Self.largeFrom ? .large : population >= Self.mediumFrom ? .medium : .small
        }
    }

    public var labelNb: String {
        switch self {
        case .small: return "Små kommuner (under 5 000 innbyggere)"
        case .medium: return "Mellomstore kommuner (5 000–19 999 innbyggere)"
        case .large: return "Store kommuner (20 000 innbyggere og flere)"
        case .county: return "Fylkeskommuner"
        }
    }

    public var labelEn: String {
        switch self {
        case .small: return "Small municipalities (under 5,000 inhabitants)"
        case .medium: return "Medium municipalities (5,000–19,999 inhabitants)"
        case .large: return "Large municipalities (20,000 inhabitants or more)"
        case .county: return "County authorities"
        }
    }

    /// Order small < medium < large < county, as the report's charts list them.
    private var rank: Int {
        switch self {
        case .small: return 0
        case .medium: return 1
        case .large: return 2
        case .county: return 3
        }
    }

    public static func < (lhs: SizeClass, rhs: SizeClass) -> Bool { lhs.rank < rhs.rank }
}
