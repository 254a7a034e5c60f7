/// Small-cell suppression of a table of groups (rows) and their total, as statistics agencies do
/// before publishing: no published figure may rest on fewer than `minimumCellSize` respondents,
/// nor be recoverable from the published figures around it.
///
/// - Primary: a group with 0 < n < k is withheld (an empty group describes nobody and stays).
/// - The total is withheld when 0 < total < k.
/// - Secondary: when exactly one group is withheld and the total is shown, total minus the other
///   groups would give it away, so the smallest other non-empty group is withheld too; when no
///   other group can be, the total is withheld instead.
/// - The unanswered remainder of a `by` question (units in the total but in no group: skip logic
///   or a blank answer) is a cell that is never shown but is total minus the groups. When it is
///   small (0 < r < k) it counts as a withheld cell: if no group is withheld, the smallest
///   non-empty group is (or else the total), so total minus the shown groups mixes it with a
///   group of at least k. It is never chosen as the secondary cell itself, since other public
///   tables give it (the ungrouped total minus the total filtered to the question's options).
public enum Suppression {
    /// Which groups (by index) and whether the total must be withheld.
    public struct Decision: Sendable, Equatable {
        public let groups: Set<Int>
        public let total: Bool

        public init(groups: Set<Int>, total: Bool) {
            self.groups = groups
            self.total = total
        }

        /// Nothing withheld.
        public static let none = Decision(groups: [], total: false)
    }

    /// Decides for groups of sizes `baseNs` and their `total` (`nil` when the table has no total row).
    ///
    /// `remainder`: units counted in `total` but in no group (the unanswered remainder of a `by`
    /// question); 0 for groupings every unit belongs to.
    public static func decide(baseNs: [Int], total: Int?, remainder: Int = 0, minimumCellSize k: Int) -> Decision {
        var withheld = Set(baseNs.indices.filter { baseNs[$0] > 0 && baseNs[$0] < k })
        var totalWithheld = total.map { $0 > 0 && $0 < k } ?? false
        let smallRemainder = remainder > 0 && remainder < k ? 1 : 0
        if total != nil, !totalWithheld, withheld.count + smallRemainder == 1 {
            let candidates = baseNs.indices.filter { baseNs[$0] > 0 && !withheld.contains($0) }
            if let smallest = candidates.min(by: { (baseNs[$0], $0) < (baseNs[$1], $1) }) {
                withheld.insert(smallest)
            } else {
                totalWithheld = true
            }
        }
        return Decision(groups: withheld, total: totalWithheld)
    }
}
