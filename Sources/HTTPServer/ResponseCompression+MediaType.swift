extension ResponseCompression {
    /// Whether a body of this `Content-Type` is text-like and worth compressing: `text/*`, any
    /// `+json` or `+xml` structured syntax (RFC 6839: problem+json, svg+xml, …), and a few
    /// `application/` types. Parameters after `;` are ignored; the comparison is ASCII
    /// case-insensitive (RFC 9110 §8.3.1).
    ///
    /// Runs on every response, so it scans the UTF-8 bytes in place against static patterns:
    /// no splitting, trimming, Unicode lowercasing or arrays.
    static func isCompressible(_ contentType: String) -> Bool {
        var contentType = contentType  // `withUTF8` is mutating; native strings are scanned in place
        return contentType.withUTF8(isCompressible)
    }

    static func isCompressible(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        var end = bytes.firstIndex(of: ASCII.semicolon) ?? bytes.count
        while start < end, bytes[start] == ASCII.space || bytes[start] == ASCII.tab { start += 1 }
        while end > start, bytes[end - 1] == ASCII.space || bytes[end - 1] == ASCII.tab { end -= 1 }
        let type = UnsafeBufferPointer(rebasing: bytes[start..<end])
        return hasPrefix(type, "text/") || hasSuffix(type, "+json") || hasSuffix(type, "+xml")
            || equals(type, "application/json") || equals(type, "application/javascript")
            || equals(type, "application/xml") || equals(type, "application/x-ndjson")
    }

    /// `pattern` is lowercase ASCII; a `StaticString` needs no lazy initialisation, unlike a `static let` array.
    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: StaticString) -> Bool {
        bytes.count == pattern.utf8CodeUnitCount && matches(bytes, at: 0, pattern)
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: StaticString) -> Bool {
        bytes.count >= pattern.utf8CodeUnitCount && matches(bytes, at: 0, pattern)
    }

    private static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: StaticString) -> Bool {
        bytes.count >= pattern.utf8CodeUnitCount && matches(bytes, at: bytes.count - pattern.utf8CodeUnitCount, pattern)
    }

    @inline(__always)
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ pattern: StaticString) -> Bool {
        let expected = pattern.utf8Start
        for index in 0..<pattern.utf8CodeUnitCount where ASCII.lowercase(bytes[offset + index]) != expected[index] {
            return false
        }
        return true
    }
}
