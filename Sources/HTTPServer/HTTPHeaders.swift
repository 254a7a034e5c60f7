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

    /// The fields added since ``prepared()`` (all of them when it was never called).
    private var fields: [Field] = []
    /// The fields ``prepared()`` serialized once, shared by every copy; they come before `fields`.
    private(set) var preparedFields: PreparedFields?

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The number of field lines.
    public var count: Int { (preparedFields?.fields.count ?? 0) + fields.count }
    public var isEmpty: Bool { count == 0 }

    public func makeIterator() -> IndexingIterator<[Field]> {
        guard let preparedFields else { return fields.makeIterator() }
        return (preparedFields.fields + fields).makeIterator()
    }

    /// The same fields, serialized once for every response that will carry them: a stored
    /// response (the API's cache) sent many times copies these bytes instead of writing each
    /// field again. Fields added later are kept apart and serialized per response as usual;
    /// replacing or removing a prepared field un-prepares the copy that does it.
    public func prepared() -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.preparedFields = PreparedFields(fields: Array(self))
        return headers
    }

    /// The first value for `name`, or `nil`.
    public subscript(name: String) -> String? {
        if let preparedFields, let index = Self.firstIndex(of: name, in: preparedFields.fields) {
            return preparedFields.fields[index].value
        }
        return Self.firstIndex(of: name, in: fields).map { fields[$0].value }
    }

    /// Every value for `name`, in order.
    public func values(for name: String) -> [String] {
        var values: [String] = []
        if let preparedFields { Self.appendValues(of: name, in: preparedFields.fields, to: &values) }
        Self.appendValues(of: name, in: fields, to: &values)
        return values
    }

    private static func appendValues(of name: String, in fields: [Field], to values: inout [String]) {
        fields.withUnsafeBufferPointer { fields in
            for index in fields.indices where namesMatch(fields[index].name, name) { values.append(fields[index].value) }
        }
    }

    /// Whether any field is named `name`.
    public func contains(_ name: String) -> Bool {
        self[name] != nil
    }

    /// Calls `body` with the fields not prepared, in place, for the serializer's loop, which
    /// must not copy each field.
    func withUnpreparedFields<Result>(_ body: (UnsafeBufferPointer<Field>) throws -> Result) rethrows -> Result {
        try fields.withUnsafeBufferPointer(body)
    }

    /// The index of the first field in `fields` named `name`. Lookups go through here: it borrows
    /// the fields in place, where `first(where:)` or a `for … in` loop copied (retained) each
    /// field's two strings; headers are looked up a dozen times per request.
    private static func firstIndex(of name: String, in fields: [Field]) -> Int? {
        fields.withUnsafeBufferPointer { fields in
            for index in fields.indices where namesMatch(fields[index].name, name) { return index }
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
        unprepare(ifContaining: name)
        guard let index = Self.firstIndex(of: name, in: fields) else {
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
        unprepare(ifContaining: name)
        fields.removeAll { Self.namesMatch($0.name, name) }
    }

    /// Moves the prepared fields back among the others when one of them is named `name`, so that
    /// it can be changed (the prepared bytes are shared and never change).
    private mutating func unprepare(ifContaining name: String) {
        guard let prepared = preparedFields, Self.firstIndex(of: name, in: prepared.fields) != nil else { return }
        fields = prepared.fields + fields
        preparedFields = nil
    }

    /// ASCII case-insensitive equality (the hot path of every header lookup). Names are mostly
    /// written the same way on both sides (`Content-Type`), and comparing two strings' bits is
    /// far cheaper than borrowing their bytes: that comes first.
    static func namesMatch(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        if lhs == rhs { return true }
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
