extension HTTPHeaders {
    /// Adds `token` to `Vary` (RFC 9110 §12.5.5) unless a `Vary` field already lists it, or `*`.
    ///
    /// Runs on most responses (CORS varies on `Origin`), so it neither splits nor lowercases: it
    /// scans the existing values in place, and adds a field line of its own rather than rewriting
    /// an existing one, which also leaves prepared fields as they are. A list field sent as
    /// several lines means the same as one line joined with commas (RFC 9110 §5.3).
    public mutating func addVary(_ token: String) {
        if let preparedFields, preparedFields.varies(on: token) { return }
        let listed = withUnpreparedFields { fields in
            fields.contains { Self.namesMatch($0.name, "Vary") && Self.listContains($0.value, token, orWildcard: true) }
        }
        if !listed { add("Vary", token) }
    }

    /// Whether the comma-separated list `value` has an element equal to `token` (or, when
    /// `orWildcard`, to `*`), ASCII case-insensitively and around optional whitespace.
    static func listContains(_ value: String, _ token: String, orWildcard: Bool = false) -> Bool {
        var value = value, token = token  // `withUTF8` is mutating; a native string is read in place
        return value.withUTF8 { value in token.withUTF8 { token in listContains(value, token, orWildcard: orWildcard) } }
    }

    private static func listContains(_ bytes: UnsafeBufferPointer<UInt8>, _ token: UnsafeBufferPointer<UInt8>, orWildcard: Bool) -> Bool {
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: ",") { end += 1 }
            var first = start, last = end
            while first < last, bytes[first] == ASCII.space || bytes[first] == ASCII.tab { first += 1 }
            while last > first, bytes[last - 1] == ASCII.space || bytes[last - 1] == ASCII.tab { last -= 1 }
            if orWildcard, last - first == 1, bytes[first] == UInt8(ascii: "*") { return true }
            if last - first == token.count {
                var equal = true
                for index in 0..<token.count where ASCII.lowercase(bytes[first + index]) != ASCII.lowercase(token[index]) {
                    equal = false
                    break
                }
                if equal { return true }
            }
            start = end + 1
        }
        return false
    }
}
