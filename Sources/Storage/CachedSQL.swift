import Synchronization

private let nextSlot = Atomic<Int>(0)

/// SQL text made once (a `static let`) and used many times, so each connection finds its
/// cached statement by a number instead of hashing the text on every call:
///
///     enum Queries { static let respondent: CachedSQL = "SELECT * FROM respondent WHERE code = ?" }
///     let row = try db.queryOne(Queries.respondent, [code])
///
/// Every `CachedSQL` made takes a slot in every connection's cache for the life of the
/// process, so make them once, never per request.
public struct CachedSQL: Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The SQL text.
    public let text: String
    /// The process-wide index of this SQL in each connection's slot table.
    let slot: Int

    public init(_ text: String) {
        self.text = text
        self.slot = nextSlot.wrappingAdd(1, ordering: .relaxed).oldValue
    }

    public init(stringLiteral text: String) {
        self.init(text)
    }

    public var description: String { text }
}
