import Survey

extension BaselineDraft {
    /// Working keys that steer later steps and are removed before the answers are emitted.
    static let highAttainmentKey = "_high_attainment"
    static let marketedKey = "_marketed"

    /// Quotas per size class, written small, medium, large, county.
    typealias SizeQuotas = (small: [(String, Int)], medium: [(String, Int)], large: [(String, Int)], county: [(String, Int)])

    /// Assigns a single choice question in one cell per size class among `members`.
    mutating func assignSingleBySize(_ question: String, cell: String, members: [Int], quotas: SizeQuotas,
                                     weight: (Int, String) -> Double = { _, _ in 1 }) throws {
        for sizeClass in SizeClass.allCases {
            let inClass = members.filter { size($0) == sizeClass }
            let classQuotas: [(String, Int)]
            switch sizeClass {
            case .small: classQuotas = quotas.small
            case .medium: classQuotas = quotas.medium
            case .large: classQuotas = quotas.large
            case .county: classQuotas = quotas.county
            }
            try assignSingle(question, cell: "\(cell)/\(sizeClass.rawValue)", members: inClass, quotas: classQuotas, weight: weight)
        }
    }

    /// Quotas for a yes/no question: `yes` count, the rest `no`.
    func yesNo(_ yes: Int, of members: Int) -> [(String, Int)] {
        [("yes", yes), ("no", members - yes)]
    }

    func isUser(_ index: Int) -> Bool { has(index, "uses_social_media", "yes") }
    func hasStrategy(_ index: Int) -> Bool { has(index, "has_strategy", "yes") }
    func isHigh(_ index: Int) -> Bool { has(index, Self.highAttainmentKey, "yes") }
    func hasPage(_ index: Int) -> Bool { has(index, "has_official_facebook_page", "yes") }
    func isMarketed(_ index: Int) -> Bool { has(index, Self.marketedKey, "yes") }
    func isNamed(_ index: Int) -> Bool { NamedMunicipalities.users.contains(units[index].code) }

    /// Members of one size class.
    func count(_ members: [Int], _ sizeClass: SizeClass) -> Int {
        members.filter { size($0) == sizeClass }.count
    }

    mutating func dropWorkingKeys() {
        for index in answers.indices {
            answers[index][Self.highAttainmentKey] = nil
            answers[index][Self.marketedKey] = nil
        }
    }
}

extension BaselineDraft {
    /// The weight of an option a respondent's other answers rule out: drawn only if nobody else
    /// is left (the coherence test then fails, so a quota table that forces it is found at once).
    static let never = 1e-9
}
