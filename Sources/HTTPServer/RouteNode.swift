/// A node of the routing tree: one path segment deep.
struct RouteNode: Sendable {
    struct ParameterChild: Sendable {
        var name: String
        var suffix: String
        var child: RouteNodeBox
    }

    struct RestChild: Sendable {
        var name: String
        var pattern: String
        var handlers: [HTTPMethod: RequestHandler]
    }

    var literals: [String: RouteNodeBox] = [:]
    /// Longest suffix first, so `:n.svg` is tried before `:n`.
    var parameters: [ParameterChild] = []
    var rest: RestChild?
    var handlers: [HTTPMethod: RequestHandler] = [:]
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
            var child = literals[text]?.node ?? RouteNode()
            child.insert(remaining, pattern: pattern, method: method, handler: handler)
            literals[text] = RouteNodeBox(child)
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
            var child = rest ?? RestChild(name: name, pattern: pattern, handlers: [:])
            child.name = name
            child.pattern = pattern
            child.handlers[method] = handler
            rest = child
        }
    }

    /// The handlers and pattern of the first route matching `segments` (literal before parameter
    /// before rest), with the captured parameters.
    func match(_ segments: ArraySlice<String>, captures: inout [String: String]) -> (handlers: [HTTPMethod: RequestHandler], pattern: String)? {
        guard let segment = segments.first else {
            if !handlers.isEmpty { return (handlers, pattern) }
            if let rest {
                captures[rest.name] = ""
                return (rest.handlers, rest.pattern)
            }
            return nil
        }
        let remaining = segments.dropFirst()
        if let child = literals[segment], let found = child.node.match(remaining, captures: &captures) {
            return found
        }
        // By index: a `for parameter in parameters` loop would copy each child's fields.
        for index in parameters.indices {
            let suffix = parameters[index].suffix
            guard segment.count > suffix.count, segment.hasSuffix(suffix) else { continue }
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
