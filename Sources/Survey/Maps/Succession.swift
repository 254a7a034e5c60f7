/// How a 2011 unit became a unit of a later map (one row of `Data/units-2011-to-2024.csv`).
public struct Succession: Sendable, Hashable {
    /// What happened between the two maps, as SSB's classification records it.
    public enum Change: String, Sendable, Hashable, CaseIterable {
        /// Same number, same unit.
        case unchanged
        /// Same unit, new number (Halden 0101 → 3101).
        case renumbered
        /// The later unit has more than one predecessor.
        case merged
        /// The earlier unit was divided; one succession per successor.
        case split
    }

    /// The unit on the earlier map.
    public let from: UnitReference
    /// The unit on the later map that holds (part of) its area.
    public let to: UnitReference
    public let change: Change

    public init(from: UnitReference, to: UnitReference, change: Change) {
        self.from = from
        self.to = to
        self.change = change
    }
}

/// A unit named by its map and its code there: codes are reused across maps (0301 is Oslo on
/// both, 1103 Stavanger grew), so a code alone is ambiguous between maps.
public struct UnitReference: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let map: Int
    public let code: String

    public init(map: Int, code: String) {
        self.map = map
        self.code = code
    }

    public var description: String { "\(code) (map \(map))" }

    public static func < (lhs: UnitReference, rhs: UnitReference) -> Bool {
        (lhs.map, lhs.code) < (rhs.map, rhs.code)
    }
}
