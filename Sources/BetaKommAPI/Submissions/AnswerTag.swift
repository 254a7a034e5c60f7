/// The entity tag of a respondent's answers at a version: `"r1601-v3"`.
enum AnswerTag {
    static func make(respondentCode: String, version: Int) -> String {
        "\"r\(respondentCode)-v\(version)\""
    }

    /// Whether an `If-Match` list matches the current tag. `If-Match` compares strongly
    /// (RFC 9110 §13.1.1), but our tags name a version, not bytes, and gzip turns a strong tag
    /// into a weak one on the way out; so a `W/` prefix is ignored rather than refused.
    static func matches(_ values: [String], current: String?) -> Bool {
        guard let current else { return false }
        for value in values {
            for element in value.split(separator: ",") {
                var candidate = element.trimmingCharacters(in: .whitespaces)
                if candidate == "*" { return true }
                if candidate.hasPrefix("W/") { candidate.removeFirst(2) }
                if candidate == current { return true }
            }
        }
        return false
    }
}
