/// One unit of the municipal sector in 2011 (a row of `respondents`).
public struct Respondent: Sendable, Hashable {
    /// 4-digit kommunenummer of 2011, or 2-digit fylkesnummer for a county.
    public let code: String
    /// The Norwegian name, as the report and the register of 2011 list it.
    public let name: String
    /// Official Sami or Kven names beside ``name`` (e.g. Kárášjohka for Karasjok), as SSB writes them.
    public let parallelNames: [String]
    public let kind: RespondentKind
    public let countyCode: String
    public let countyName: String
    /// Registered residents on 1 January 2011 (SSB).
    public let population: Int
    /// Whether the population is an estimate (see Data/README-municipalities.md).
    public let populationIsEstimate: Bool
    public let sizeClass: SizeClass

    public init(code: String, name: String, parallelNames: [String] = [], kind: RespondentKind, countyCode: String, countyName: String,
                population: Int, populationIsEstimate: Bool) {
        self.code = code
        self.name = name
        self.parallelNames = parallelNames
        self.kind = kind
        self.countyCode = countyCode
        self.countyName = countyName
        self.population = population
        self.populationIsEstimate = populationIsEstimate
        self.sizeClass = SizeClass(kind: kind, population: population)
    }
}
