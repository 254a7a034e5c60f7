/// The values a route's `:name` and `*name` segments captured, by name.
///
/// A route captures one or two values, so they sit in a small array searched linearly: a
/// `Dictionary` allocated its storage and hashed every name on every request with a capture
/// (about a thousand instructions of the router's cost, callgrind).
public struct PathParameters: Sendable, Equatable {
    private var entries: [(name: String, value: String)] = []

    public init() {}

    public var isEmpty: Bool { entries.isEmpty }

    /// The captured value for `name`; setting `nil` removes it.
    public subscript(name: String) -> String? {
        get {
            for index in entries.indices where entries[index].name == name { return entries[index].value }
            return nil
        }
        set { _ = updateValue(newValue, forKey: name) }
    }

    /// Sets (or with `nil` removes) the value for `name`, returning the one it replaced.
    @discardableResult
    public mutating func updateValue(_ value: String?, forKey name: String) -> String? {
        guard let index = entries.firstIndex(where: { $0.name == name }) else {
            if let value { entries.append((name, value)) }
            return nil
        }
        let previous = entries[index].value
        if let value { entries[index].value = value } else { entries.remove(at: index) }
        return previous
    }

    public static func == (lhs: PathParameters, rhs: PathParameters) -> Bool {
        lhs.entries.count == rhs.entries.count && lhs.entries.allSatisfy { rhs[$0.name] == $0.value }
    }
}
