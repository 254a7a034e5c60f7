import Foundation

/// A request-target fit for a log: the values of query parameters whose names suggest a secret
/// are replaced, so a token pasted into a URL does not end up in log storage. (The
/// `Authorization` header is never logged at all.)
enum TargetRedaction {
    /// Name fragments, compared case-insensitively against the percent-decoded name.
    static let sensitiveNameParts = ["token", "key", "secret", "password", "passwd", "auth", "signature", "session", "credential"]
    static let replacement = "REDACTED"

    static func redacted(_ target: String) -> String {
        guard let question = target.utf8.firstIndex(of: UInt8(ascii: "?")) else { return target }
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

    /// Whether `query`, ASCII-lowercased, contains one of ``sensitiveNameParts`` anywhere.
    private static func mayNameASecret(_ query: Substring.UTF8View) -> Bool {
        let lowered = query.map { byte in byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte }
        return sensitiveNamePartBytes.contains { part in
            guard part.count <= lowered.count else { return false }
            return (0...(lowered.count - part.count)).contains { start in lowered[start..<(start + part.count)].elementsEqual(part) }
        }
    }

    private static let sensitiveNamePartBytes = sensitiveNameParts.map { Array($0.utf8) }
}
