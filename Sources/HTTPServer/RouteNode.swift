/// A node of the routing tree: one path segment deep.
///
/// Children and handlers sit in small arrays searched linearly: a node has a handful of each, and
/// comparing short strings is cheaper than hashing them (callgrind: a `Dictionary` lookup per
/// segment and per method was most of the router's cost per request).
struct RouteNode: Sendable {
    struct ParameterChild: Sendable {
        var name: String
        var suffix: String
        var child: RouteNodeBox
    }

    struct RestChild: Sendable {
        var name: String
        var pattern: String
        var handlers: MethodHandlers
    }

    var literals: [(segment: String, child: RouteNodeBox)] = []
    /// Longest suffix first, so `:n.svg` is tried before `:n`.
    var parameters: [ParameterChild] = []
    var rest: RestChild?
    var handlers = MethodHandlers()
    /// The pattern as registered (e.g. `/v1/figures/:n`) when ``handlers`` is not empty.
    var pattern = ""

    mutating func insert(_ segments: ArraySlice<RouteSegment>, pattern: String, method: HTTPMethod, handler: @escaping RequestHandler) {
        guard let first = segments.first else {
            handlers[method] = handler
            self.pattern = pattern
            return
        }
        let remaining = segments.dropFirst()
        switch first {
        case .literal(let text):
            let index = literals.firstIndex { $0.segment == text }
            var child = index.map { literals[$0].child.node } ?? RouteNode()
            child.insert(remaining, pattern: pattern, method: method, handler: handler)
            if let index { literals[index].child = RouteNodeBox(child) } else { literals.append((text, RouteNodeBox(child))) }
        case .parameter(let name, let suffix):
            if let index = parameters.firstIndex(where: { $0.name == name && $0.suffix == suffix }) {
                var child = parameters[index].child.node
                child.insert(remaining, pattern: pattern, method: method, handler: handler)
                parameters[index].child = RouteNodeBox(child)
            } else {
                var node = RouteNode()
                node.insert(remaining, pattern: pattern, method: method, handler: handler)
                parameters.append(ParameterChild(name: name, suffix: suffix, child: RouteNodeBox(node)))
                parameters.sort { $0.suffix.count > $1.suffix.count }
            }
        case .rest(let name):
            var child = rest ?? RestChild(name: name, pattern: pattern, handlers: MethodHandlers())
            child.name = name
            child.pattern = pattern
            child.handlers[method] = handler
            rest = child
        }
    }

    /// The handlers and pattern of the first route matching `segments` (literal before parameter
    /// before rest), with the captured parameters.
    func match(_ segments: ArraySlice<String>, captures: inout PathParameters) -> (handlers: MethodHandlers, pattern: String)? {
        guard let segment = segments.first else {
            if !handlers.isEmpty { return (handlers, pattern) }
            if let rest {
                captures[rest.name] = ""
                return (rest.handlers, rest.pattern)
            }
            return nil
        }
        let remaining = segments.dropFirst()
        for index in literals.indices where literals[index].segment == segment {
            if let found = literals[index].child.node.match(remaining, captures: &captures) { return found }
            break
        }
        // By index: a `for parameter in parameters` loop would copy each child's fields.
        for index in parameters.indices {
            let suffix = parameters[index].suffix
            // Byte counts and a byte comparison: `Character` counting and `hasSuffix` walk grapheme clusters.
            guard segment.utf8.count > suffix.utf8.count, segment.utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) else { continue }
            let child = parameters[index].child
            let name = parameters[index].name
            // Capture in place and undo on a dead end, rather than copying the dictionary per attempt.
            let previous = captures.updateValue(suffix.isEmpty ? segment : String(segment.dropLast(suffix.count)), forKey: name)
            if let found = child.node.match(remaining, captures: &captures) {
                return found
            }
            captures[name] = previous
        }
        if let rest {
            captures[rest.name] = segments.joined(separator: "/")
            return (rest.handlers, rest.pattern)
        }
        return nil
    }
}
