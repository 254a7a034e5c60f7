import Foundation

/// A request-target fit for a log: the values of query parameters whose names suggest a secret
/// are replaced, so a token pasted into a URL does not end up in log storage. (The
/// `Authorization` header is never logged at all.)
enum TargetRedaction {
    /// Name fragments, compared case-insensitively against the percent-decoded name.
    static let sensitiveNameParts = ["token", "key", "secret", "password", "passwd", "auth", "signature", "session", "credential"]
    static let replacement = "REDACTED"

    static func redacted(_ target: String) -> String {
        // Called for every response: most targets have no query, or a query that names nothing
        // secret and has no `%` escape (then a secret-looking name would show in its plain bytes),
        // so one walk over the bytes decides, with no index arithmetic on the string's views.
        var scanned = target  // `withUTF8` is mutating; a native string is read in place
        let mayHoldASecret = scanned.withUTF8 { bytes -> Bool in
            guard let question = bytes.firstIndex(of: UInt8(ascii: "?")) else { return false }
            let query = UnsafeBufferPointer(rebasing: bytes[(question + 1)...])
            return query.contains(UInt8(ascii: "%")) || mayNameASecret(query)
        }
        guard mayHoldASecret, let question = target.firstIndex(of: "?") else { return target }
        let query = target[target.index(after: question)...]
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

    private static func mayNameASecret(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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
