import Foundation

/// A request-target fit for a log: the values of query parameters whose names suggest a secret
/// are replaced, so a token pasted into a URL does not end up in log storage. (The
/// `Authorization` header is never logged at all.)
enum TargetRedaction {
    /// Name fragments, compared case-insensitively against the percent-decoded name.
    static let sensitiveNameParts = ["token", "key", "secret", "password", "passwd", "auth", "signature", "session", "credential"]
    static let replacement = "REDACTED"

    static func redacted(_ target: String) -> String {
        guard let question = target.firstIndex(of: "?") else { return target }
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
}
