/// Which units of one map became which units of another: predecessors and successors, and the
/// rule that places an earlier unit in a later map's county.
public struct Correspondence: Sendable {
    public let successions: [Succession]
    private let successorsByUnit: [UnitReference: [Succession]]
    private let predecessorsByUnit: [UnitReference: [Succession]]

    public init(successions: [Succession]) {
        self.successions = successions
        self.successorsByUnit = Dictionary(grouping: successions, by: \.from).mapValues { $0.sorted { $0.to < $1.to } }
        self.predecessorsByUnit = Dictionary(grouping: successions, by: \.to).mapValues { $0.sorted { $0.from < $1.from } }
    }

    /// The units of later maps that hold the area of `unit` (several when it was divided).
    public func successors(of unit: UnitReference) -> [Succession] {
        successorsByUnit[unit] ?? []
    }

    /// The units of earlier maps whose area `unit` holds.
    public func predecessors(of unit: UnitReference) -> [Succession] {
        predecessorsByUnit[unit] ?? []
    }

    /// The unit of map `map` that `unit` is counted under when waves on different maps are
    /// compared: its only successor there; for a divided unit the successor listed first by code
    /// (Snillfjord 1613 → Heim 5055, Tysfjord 1850 → Narvik 1806). For a county breakdown the
    /// choice does not matter: both divided kommuner went wholly to one county (a test checks it).
    /// `nil` when the unit has no successor on that map.
    public func counterpart(of unit: UnitReference, on map: Int) -> UnitReference? {
        guard unit.map != map else { return unit }
        return successors(of: unit).map(\.to).filter { $0.map == map }.min()
    }
}
