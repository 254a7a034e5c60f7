/// A request-target split into a decoded path, its segments and the query (RFC 9112 §3.2).
struct RequestTarget {
    var path: String
    var segments: [String]
    var query: QueryParameters

    /// Accepts origin-form (`/path?query`), absolute-form (`http://host/path?query`) and
    /// asterisk-form (`*`, OPTIONS only). Authority-form belongs to CONNECT, refused earlier.
    static func parse(_ target: String, method: HTTPMethod) -> Result<RequestTarget, HTTPParseError> {
        if target == "*" {
            guard method == .options else { return .failure(.invalidTarget("'*' is only allowed with OPTIONS")) }
            return .success(RequestTarget(path: "*", segments: [], query: QueryParameters()))
        }
        var pathAndQuery = Substring(target)
        if target.utf8.first != ASCII.slash {
            guard let schemeEnd = target.range(of: "://"),
                  ["http", "https"].contains(target[..<schemeEnd.lowerBound].lowercased()) else {
                return .failure(.invalidTarget("expected a path starting with '/' or an absolute http URI"))
            }
            let afterAuthority = target[schemeEnd.upperBound...]
            if let slash = afterAuthority.utf8.firstIndex(where: { $0 == ASCII.slash || $0 == ASCII.questionMark }) {
                pathAndQuery = afterAuthority[slash...]
                if pathAndQuery.utf8.first == ASCII.questionMark { pathAndQuery = "/" + pathAndQuery }
            } else {
                pathAndQuery = "/"
            }
        }
        if pathAndQuery.utf8.contains(UInt8(ascii: "#")) { return .failure(.invalidTarget("a fragment is not allowed")) }
        let rawPath: Substring
        var query = QueryParameters()
        if let mark = pathAndQuery.utf8.firstIndex(of: ASCII.questionMark) {
            rawPath = pathAndQuery[..<mark]
            guard let parsed = QueryParameters.parse(pathAndQuery[pathAndQuery.utf8.index(after: mark)...]) else {
                return .failure(.invalidTarget("the query has a malformed percent-escape"))
            }
            query = parsed
        } else {
            rawPath = pathAndQuery
        }
        guard let path = PercentDecoding.decode(rawPath) else {
            return .failure(.invalidTarget("the path has a malformed percent-escape or is not UTF-8"))
        }
        var segments: [String] = []
        if rawPath.utf8.count > 1 {
            for raw in rawPath.utf8.dropFirst().split(separator: ASCII.slash, omittingEmptySubsequences: false) {
                // Split at an ASCII byte, so the bounds are character boundaries of `rawPath`.
                guard let segment = PercentDecoding.decode(rawPath[raw.startIndex..<raw.endIndex]) else {
                    return .failure(.invalidTarget("the path has a malformed percent-escape or is not UTF-8"))
                }
                segments.append(segment)
            }
        }
        return .success(RequestTarget(path: path, segments: segments, query: query))
    }
}
