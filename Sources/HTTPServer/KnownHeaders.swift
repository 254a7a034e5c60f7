/// The header fields that decide framing and connection handling, collected while parsing so that
/// the semantic checks need no second pass over the headers.
struct KnownHeaders {
    var hosts: [String] = []
    var contentLengths: [String] = []
    var transferEncodings: [String] = []
    var connections: [String] = []
    var expectations: [String] = []

    mutating func note(_ field: HTTPHeaders.Field, at index: Int) {
        let name = field.name
        switch name.utf8.count {
        case 4 where HTTPHeaders.namesMatch(name, "Host"): hosts.append(field.value)
        case 6 where HTTPHeaders.namesMatch(name, "Expect"): expectations.append(field.value)
        case 10 where HTTPHeaders.namesMatch(name, "Connection"): connections.append(field.value)
        case 14 where HTTPHeaders.namesMatch(name, "Content-Length"): contentLengths.append(field.value)
        case 17 where HTTPHeaders.namesMatch(name, "Transfer-Encoding"): transferEncodings.append(field.value)
        default: break
        }
    }

    /// Lowercased, trimmed, non-empty list elements of `values` (RFC 9110 §5.6.1).
    static func tokens(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingOWS().lowercased() }
            .filter { !$0.isEmpty }
    }
}
