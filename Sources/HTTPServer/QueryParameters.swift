/// The query string's `name=value` pairs in order, percent-decoded once with `+` as space;
/// repeated names are kept (`?channel=a&channel=b`).
public struct QueryParameters: Sendable, Sequence, Equatable {
    /// One pair; a bare `name` has an empty value.
    public struct Item: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public private(set) var items: [Item]

    public init(_ items: [Item] = []) {
        self.items = items
    }

    public func makeIterator() -> IndexingIterator<[Item]> { items.makeIterator() }
    public var isEmpty: Bool { items.isEmpty }

    /// The first value for `name`.
    public subscript(name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// Every value for `name`, in order.
    public func values(for name: String) -> [String] {
        items.compactMap { $0.name == name ? $0.value : nil }
    }

    /// Parses the text after `?`; `nil` if an escape is malformed.
    static func parse(_ query: Substring) -> QueryParameters? {
        var items: [Item] = []
        // Split at ASCII bytes, so every bound is a character boundary of `query`.
        for pair in query.utf8.split(separator: UInt8(ascii: "&")) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            guard let name = PercentDecoding.decode(query[pair.startIndex..<(equals ?? pair.endIndex)], plusAsSpace: true) else {
                return nil
            }
            let value = equals.map { PercentDecoding.decode(query[query.utf8.index(after: $0)..<pair.endIndex], plusAsSpace: true) } ?? ""
            guard let value else { return nil }
            items.append(Item(name: name, value: value))
        }
        return QueryParameters(items)
    }
}
