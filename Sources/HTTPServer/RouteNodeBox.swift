/// A routing-tree child behind a reference: matching borrows it (one retain) instead of copying a
/// node's dictionaries and arrays at every level. Immutable, so the tree keeps value semantics:
/// inserting builds a new box around the changed copy.
final class RouteNodeBox: Sendable {
    let node: RouteNode

    init(_ node: RouteNode) {
        self.node = node
    }
}
