/// One unit of the municipal sector on a map (2011 or 2024): a row of `map_units`.
public struct Respondent: Sendable, Hashable {
    /// 4-digit kommunenummer, or 2-digit fylkesnummer for a county, on its map.
    public let code: String
    /// The map the unit belongs to: 2011 (430 kommuner, 19 fylker) or 2024 (357 and 15).
    public let map: Int
    /// The name as the register of its map lists it (on the 2024 map with SSB's parallel names, `Trondheim - Tråante`).
    public let name: String
    /// Official Sami or Kven names beside ``name`` (e.g. Kárášjohka for Karasjok), as SSB writes them.
    public let parallelNames: [String]
    public let kind: RespondentKind
    public let countyCode: String
    public let countyName: String
    /// Registered residents on 1 January of the map's population year (SSB), or an estimate.
    public let population: Int
    /// Whether the population is an estimate (Data/README-municipalities.md; on the 2024 map the
    /// 2011-border sums until SSB's figures are loaded, Data/README-units-2024.md).
    public let populationIsEstimate: Bool
    public let sizeClass: SizeClass

    public init(code: String, map: Int = 2011, name: String, parallelNames: [String] = [], kind: RespondentKind, countyCode: String,
                countyName: String, population: Int, populationIsEstimate: Bool) {
        self.code = code
        self.map = map
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

extension Respondent {
    /// The unit as a reference: its map and code.
    public var reference: UnitReference { UnitReference(map: map, code: code) }
}
