extension ResponseCompression {
    /// Adds `Accept-Encoding` to `Vary` unless a `Vary` field already lists it (or `*`).
    ///
    /// Runs on every compressible response, usually after a CORS middleware's `Vary: Origin`, so
    /// it neither splits nor lowercases: it scans the existing values in place, and adds a field
    /// line of its own rather than rewriting the existing one. A list field sent as several lines
    /// means the same as one line joined with commas (RFC 9110 §5.3).
    static func addVary(to headers: inout HTTPHeaders) {
        let listed = headers.withFields { fields in
            fields.indices.contains { index in
                HTTPHeaders.namesMatch(fields[index].name, "vary")
                    && (listContains(fields[index].value, "accept-encoding") || listContains(fields[index].value, "*"))
            }
        }
        if !listed { headers.add("Vary", "Accept-Encoding") }
    }

    /// Whether the comma-separated list `value` has an element equal (ASCII case-insensitively,
    /// around optional whitespace) to `token`, which is lowercase.
    static func listContains(_ value: String, _ token: StaticString) -> Bool {
        var value = value  // `withUTF8` is mutating; a native string is scanned in place
        return value.withUTF8 { bytes in
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: ",") { end += 1 }
                var first = start, last = end
                while first < last, bytes[first] == ASCII.space || bytes[first] == ASCII.tab { first += 1 }
                while last > first, bytes[last - 1] == ASCII.space || bytes[last - 1] == ASCII.tab { last -= 1 }
                if last - first == token.utf8CodeUnitCount {
                    var equal = true
                    for index in 0..<token.utf8CodeUnitCount where ASCII.lowercase(bytes[first + index]) != token.utf8Start[index] {
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
}
