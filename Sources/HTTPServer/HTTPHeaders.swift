/// Header fields in the order received or added; names compare case-insensitively (RFC 9110 §5.1).
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// One field line.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    private var fields: [Field] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The number of field lines.
    public var count: Int { fields.count }
    public var isEmpty: Bool { fields.isEmpty }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }

    /// The first value for `name`, or `nil`.
    public subscript(name: String) -> String? {
        guard let index = firstIndex(of: name) else { return nil }
        return fields[index].value
    }

    /// Every value for `name`, in order.
    public func values(for name: String) -> [String] {
        var values: [String] = []
        fields.withUnsafeBufferPointer { fields in
            for index in fields.indices where Self.namesMatch(fields[index].name, name) { values.append(fields[index].value) }
        }
        return values
    }

    /// Whether any field is named `name`.
    public func contains(_ name: String) -> Bool {
        firstIndex(of: name) != nil
    }

    /// Calls `body` with the fields in place, for loops on the hot path that must not copy each
    /// field (the serializer, `Vary` merging).
    func withFields<Result>(_ body: (UnsafeBufferPointer<Field>) throws -> Result) rethrows -> Result {
        try fields.withUnsafeBufferPointer(body)
    }

    /// The index of the first field named `name`. Every lookup goes through here: it borrows the
    /// fields in place, where `first(where:)` or a `for … in` loop copied (retained) each field's
    /// two strings; headers are looked up a dozen times per request.
    private func firstIndex(of name: String) -> Int? {
        fields.withUnsafeBufferPointer { fields in
            for index in fields.indices where Self.namesMatch(fields[index].name, name) { return index }
            return nil
        }
    }

    /// The comma-separated list elements of every `name` field, trimmed and lowercased,
    /// empty elements dropped (RFC 9110 §5.6.1). For token lists such as `Connection`.
    public func tokens(for name: String) -> [String] {
        var tokens: [String] = []
        for value in values(for: name) {
            for element in value.split(separator: ",") {
                let trimmed = element.trimmingOWS()
                if !trimmed.isEmpty { tokens.append(trimmed.lowercased()) }
            }
        }
        return tokens
    }

    /// Makes room for `extra` more fields in one allocation, e.g. on a stored set of headers that
    /// middleware is about to extend (otherwise the first addition copies, and later ones may regrow).
    public mutating func reserveCapacity(adding extra: Int) {
        fields.reserveCapacity(fields.count + extra)
    }

    /// Appends a field, keeping any others of the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every field named `name` with one field (or removes them when `value` is `nil`).
    public mutating func set(_ name: String, _ value: String?) {
        guard let value else { return remove(name) }
        guard let index = firstIndex(of: name) else {
            return fields.append(Field(name: name, value: value))
        }
        fields[index].value = value
        if fields[(index + 1)...].contains(where: { Self.namesMatch($0.name, name) }) {
            let rest = fields[(index + 1)...].filter { !Self.namesMatch($0.name, name) }
            fields.replaceSubrange((index + 1)..., with: rest)
        }
    }

    /// Removes every field named `name`.
    public mutating func remove(_ name: String) {
        fields.removeAll { Self.namesMatch($0.name, name) }
    }

    /// ASCII case-insensitive equality over contiguous UTF-8 (the hot path of every header lookup).
    static func namesMatch(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        let fast = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in
                for index in 0..<left.count where ASCII.lowercase(left[index]) != ASCII.lowercase(right[index]) {
                    return false
                }
                return true
            }
        }
        if let fast, let result = fast { return result }
        return zip(lhs.utf8, rhs.utf8).allSatisfy { ASCII.lowercase($0) == ASCII.lowercase($1) }
    }
}
