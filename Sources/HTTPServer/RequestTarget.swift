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
        // One walk over the bytes for both `#` and the first `?` (two generic searches of the UTF-8 view cost ~1 k instructions).
        var scanned = pathAndQuery  // `withUTF8` is mutating; a native substring is read in place
        let (hasFragment, markOffset) = scanned.withUTF8 { bytes -> (Bool, Int?) in
            var mark: Int?
            for index in bytes.indices {
                if bytes[index] == UInt8(ascii: "#") { return (true, nil) }
                if mark == nil && bytes[index] == ASCII.questionMark { mark = index }
            }
            return (false, mark)
        }
        if hasFragment { return .failure(.invalidTarget("a fragment is not allowed")) }
        let rawPath: Substring
        var query = QueryParameters()
        if let markOffset {
            let mark = pathAndQuery.utf8.index(pathAndQuery.utf8.startIndex, offsetBy: markOffset)
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
        guard let segments = segments(of: rawPath) else {
            return .failure(.invalidTarget("the path has a malformed percent-escape or is not UTF-8"))
        }
        return .success(RequestTarget(path: path, segments: segments, query: query))
    }

    /// The path's segments, each decoded once; `nil` for a malformed escape. One walk over the
    /// bytes and one array of the right size: splitting into an array of slices first, and
    /// checking each segment for `%` again, was twice the cost (callgrind, per request).
    private static func segments(of rawPath: Substring) -> [String]? {
        var rawPath = rawPath  // `withUTF8` is mutating; a native substring is read in place
        return rawPath.withUTF8 { bytes -> [String]? in
            guard bytes.count > 1 else { return [] }
            var slashes = 0
            var escaped = false
            for byte in bytes {
                if byte == ASCII.slash { slashes += 1 } else if byte == ASCII.percent { escaped = true }
            }
            var segments: [String] = []
            segments.reserveCapacity(slashes)
            var start = 1  // after the leading slash
            while true {
                var end = start
                while end < bytes.count && bytes[end] != ASCII.slash { end += 1 }
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if escaped {
                    guard let segment = PercentDecoding.decode(raw) else { return nil }
                    segments.append(segment)
                } else {
                    // A slice of a `String` cut at ASCII slashes is valid UTF-8: decoding changes nothing.
                    segments.append(String(decoding: raw, as: UTF8.self))
                }
                guard end < bytes.count else { return segments }
                start = end + 1
            }
        }
    }
}
