/// One segment of a route pattern.
enum RouteSegment: Equatable {
    /// Matches exactly this (decoded) text.
    case literal(String)
    /// `:name` or `:name.suffix`: captures a whole segment that ends with `suffix`, without it.
    case parameter(name: String, suffix: String)
    /// `*` or `*name` as the last segment: captures the rest of the path (possibly empty).
    case rest(name: String)

    /// Splits a pattern such as `/v1/figures/:n.svg` into segments.
    static func parse(_ pattern: String) -> [RouteSegment] {
        let trimmed = pattern.hasPrefix("/") ? pattern.dropFirst() : Substring(pattern)
        if trimmed.isEmpty { return [] }
        return trimmed.split(separator: "/", omittingEmptySubsequences: false).map { raw in
            if raw.hasPrefix(":") {
                let body = raw.dropFirst()
                if let dot = body.firstIndex(of: ".") {
                    return .parameter(name: String(body[..<dot]), suffix: String(body[dot...]))
                }
                return .parameter(name: String(body), suffix: "")
            }
            if raw.hasPrefix("*") { return .rest(name: String(raw.dropFirst())) }
            return .literal(String(raw))
        }
    }
}
