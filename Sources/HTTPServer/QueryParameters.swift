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
        var query = query  // `withUTF8` is mutating; a native substring is read in place
        // One walk over the bytes: splitting the UTF-8 view into an array of slices and converting
        // each back to a substring cost ~3 k instructions for `by=size_class` (callgrind).
        return query.withUTF8 { bytes -> QueryParameters? in
            var items: [Item] = []
            var start = 0
            while start < bytes.count {
                var end = start
                var equals: Int?
                while end < bytes.count && bytes[end] != UInt8(ascii: "&") {
                    if equals == nil && bytes[end] == UInt8(ascii: "=") { equals = end }
                    end += 1
                }
                if end > start {  // empty pairs (`a=1&&b=2`) are skipped
                    let nameEnd = equals ?? end
                    guard let name = PercentDecoding.decode(UnsafeBufferPointer(rebasing: bytes[start..<nameEnd]), plusAsSpace: true),
                          let value = equals.map({ PercentDecoding.decode(UnsafeBufferPointer(rebasing: bytes[($0 + 1)..<end]), plusAsSpace: true) }) ?? ""
                    else { return nil }
                    items.append(Item(name: name, value: value))
                }
                start = end + 1
            }
            return QueryParameters(items)
        }
    }
}
