import Survey

/// Builds the synthetic 2011 answers: 258 kommuner and 16 fylkeskommuner whose answers reproduce
/// the report's published numbers (see Data/report-numbers.json and docs/data.md).
///
/// Exact target counts per cell are fixed first (in the step files, each with the report line it
/// rests on); the seeded generator only decides *which* respondents of a cell take each quota.
public enum Baseline2011 {
    /// The fixed seed; changing it changes which units answer what, never the published aggregates.
    public static let seed: UInt64 = 2011_0128
    /// Timestamp stored on every baseline answer set (the survey's answer deadline, 1 March 2011).
    public static let createdAt = "2011-03-01T00:00:00Z"

    /// Answering units per size class (258 kommuner: 59 %/85 % response; larger units answer more often).
    static let answering: [SizeClass: Int] = [.small: 128, .medium: 94, .large: 36, .county: 16]

    /// Generates the 274 answer sets, in respondent code order.
    public static func generate(respondents: [Respondent]) throws -> [AnswerSet] {
        let units = try selectAnswering(from: respondents)
        var draft = BaselineDraft(units: units, seed: seed, forced: forcedAnswers())
        try draft.assignStrategyAndUse()
        try draft.assignStrategyDetails()
        try draft.assignNonUsers()
        try draft.assignFacebook()
        try draft.assignUseDetails()
        try draft.assignOrganisation()
        try draft.assignSuccess()
        draft.dropWorkingKeys()
        return zip(units, draft.answers).map { unit, answers in
            AnswerSet(respondentCode: unit.code, version: 1, wave: 2011, answers: answers, source: .baseline2011, createdAt: createdAt)
        }
    }

    /// Chooses which units answered: the named ones always; Oslo's county row never (Oslo answers
    /// as a kommune; counting it twice would be odd); the rest drawn by the seed.
    static func selectAnswering(from respondents: [Respondent]) throws -> [Respondent] {
        let named = Set(NamedMunicipalities.users)
        for code in named where !respondents.contains(where: { $0.code == code }) {
            throw GenerationError.missingRespondent(code)
        }
        var random = SplitMix64(seed: seed ^ 0x5E1EC7)
        var chosen: [Respondent] = []
        for sizeClass in SizeClass.allCases {
            let pool = respondents.filter { $0.sizeClass == sizeClass }.sorted { $0.code < $1.code }
            let required = pool.filter { named.contains($0.code) }
            var rest = pool.filter { !named.contains($0.code) && !($0.kind == .fylkeskommune && $0.code == "03") }
            rest.shuffle(using: &random)
            chosen += required + rest.prefix((answering[sizeClass] ?? 0) - required.count)
        }
        return chosen.sorted { $0.code < $1.code }
    }

    /// Question id -> respondent code -> options required by the named-municipality facts.
    static func forcedAnswers() -> [String: [String: [String]]] {
        func all(_ codes: [String], _ options: [String]) -> [String: [String]] {
            Dictionary(uniqueKeysWithValues: codes.map { ($0, options) })
        }
        let withoutPage = NamedMunicipalities.interviewedWithoutOfficialPage
        return [
            "uses_social_media": all(NamedMunicipalities.users, ["yes"]),
            "has_strategy": all(NamedMunicipalities.strategyAndGuidelines, ["yes"]),
            "has_guidelines": all(NamedMunicipalities.strategyAndGuidelines, ["yes"]),
            "has_official_facebook_page": all(NamedMunicipalities.officialPages, ["yes"]).merging([withoutPage: ["no"]]) { $1 },
            "plans_official_page": [withoutPage: ["dont_know"]],
            "facebook_pages": all(NamedMunicipalities.fourOrMorePages, ["four_or_more"]),
            BaselineDraft.marketedKey: all(NamedMunicipalities.marketedPresence, ["yes"]).merging(all(["1601", "0805"], ["no"])) { $1 },
            "channels": all(NamedMunicipalities.users, ["facebook"])
                .merging(all(NamedMunicipalities.bloggers, ["facebook", "blogs"])) { $1 }
                .merging(["0906": ["facebook", "youtube"]]) { $1 },
        ]
    }
}
