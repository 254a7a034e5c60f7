import HTTPServer

/// `If-None-Match` evaluation (RFC 9110 §13.1.2): a list of entity tags or `*`, compared weakly,
/// since gzip turns our strong tags into weak ones on compressed responses.
enum ConditionalRequest {
    /// Whether any element of the `If-None-Match` field values matches `tag`, so the answer is 304.
    static func noneMatch(_ values: [String], _ tag: String) -> Bool {
        guard !values.isEmpty else { return false }
        let opaque = strippingWeakness(Substring(tag))
        for value in values {
            for element in value.split(separator: ",") {
                let candidate = element.trimmingCharacters(in: .whitespaces)
                if candidate == "*" || strippingWeakness(Substring(candidate)) == opaque { return true }
            }
        }
        return false
    }

    private static func strippingWeakness(_ tag: Substring) -> Substring {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : tag
    }
}
