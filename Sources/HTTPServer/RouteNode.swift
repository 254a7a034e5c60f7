/// A node of the routing tree: one path segment deep.
struct RouteNode: Sendable {
    struct ParameterChild: Sendable {
        var name: String
        var suffix: String
        var node: RouteNode
    }

    struct RestChild: Sendable {
        var name: String
        var pattern: String
        var handlers: [HTTPMethod: RequestHandler]
    }

    var literals: [String: RouteNode] = [:]
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
            literals[text, default: RouteNode()].insert(remaining, pattern: pattern, method: method, handler: handler)
        case .parameter(let name, let suffix):
            if let index = parameters.firstIndex(where: { $0.name == name && $0.suffix == suffix }) {
                parameters[index].node.insert(remaining, pattern: pattern, method: method, handler: handler)
            } else {
                var node = RouteNode()
                node.insert(remaining, pattern: pattern, method: method, handler: handler)
                parameters.append(ParameterChild(name: name, suffix: suffix, node: node))
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
        if let child = literals[segment], let found = child.match(remaining, captures: &captures) {
            return found
        }
        for parameter in parameters where segment.count > parameter.suffix.count && segment.hasSuffix(parameter.suffix) {
            var attempt = captures
            attempt[parameter.name] = String(segment.dropLast(parameter.suffix.count))
            if let found = parameter.node.match(remaining, captures: &attempt) {
                captures = attempt
                return found
            }
        }
        if let rest {
            captures[rest.name] = segments.joined(separator: "/")
            return (rest.handlers, rest.pattern)
        }
        return nil
    }
}
