import Foundation

/// A request-target fit for a log: the values of query parameters whose names suggest a secret
/// are replaced, so a token pasted into a URL does not end up in log storage. (The
/// `Authorization` header is never logged at all.)
enum TargetRedaction {
    /// Name fragments, compared case-insensitively against the percent-decoded name.
    static let sensitiveNameParts = ["token", "key", "secret", "password", "passwd", "auth", "signature", "session", "credential"]
    static let replacement = "REDACTED"

    static func redacted(_ target: String) -> String {
        // Find the `?` over the contiguous bytes, not through the generic view's index arithmetic.
        let offset = target.utf8.withContiguousStorageIfAvailable { $0.firstIndex(of: UInt8(ascii: "?")) }
            ?? target.utf8.firstIndex(of: UInt8(ascii: "?")).map { target.utf8.distance(from: target.utf8.startIndex, to: $0) }
        guard let offset else { return target }
        let question = target.utf8.index(target.utf8.startIndex, offsetBy: offset)
        let query = target[target.index(after: question)...]
        // Called for every response: most queries name nothing secret, and when the query has no
        // `%` escape a secret-looking name shows in its plain bytes, so those skip the decoding.
        if !query.utf8.contains(UInt8(ascii: "%")) && !mayNameASecret(query.utf8) { return target }
        var changed = false
        let parts = query.split(separator: "&", omittingEmptySubsequences: false).map { part -> Substring in
            let name = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let decoded = (String(name).removingPercentEncoding ?? String(name)).lowercased()
            guard sensitiveNameParts.contains(where: decoded.contains) else { return part }
            changed = true
            return name + "=" + replacement
        }
        guard changed else { return target }
        return target[...question] + parts.joined(separator: "&")
    }

    /// Whether a parameter name of `query` (no `%` escapes, so names are as written), ASCII-
    /// lowercased, contains one of ``sensitiveNameParts``: one walk over the bytes in place, no
    /// lowered copy of the query (this runs for every logged request with a query).
    private static func mayNameASecret(_ query: Substring.UTF8View) -> Bool {
        var query = Substring(query)
        return query.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "&") { end += 1 }
                var nameEnd = start
                while nameEnd < end && bytes[nameEnd] != UInt8(ascii: "=") { nameEnd += 1 }
                if containsSensitivePart(UnsafeBufferPointer(rebasing: bytes[start..<nameEnd])) { return true }
                start = end + 1
            }
            return false
        }
    }

    private static func containsSensitivePart(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        for part in sensitiveNamePartBytes where part.count <= name.count {
            for offset in 0...(name.count - part.count) {
                var matches = true
                for index in part.indices where lowercased(name[offset + index]) != part[index] {
                    matches = false
                    break
                }
                if matches { return true }
            }
        }
        return false
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    private static let sensitiveNamePartBytes = sensitiveNameParts.map { Array($0.utf8) }
}
