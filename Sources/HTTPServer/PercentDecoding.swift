/// Percent-decoding (RFC 3986 §2.1), applied exactly once: `%252e` becomes the literal text `%2e`.
enum PercentDecoding {
    /// Decodes `text` (part of a request-target); returns it unchanged, without a byte-wise walk
    /// or UTF-8 re-validation, when it holds no `%` (nor `+` with `plusAsSpace`), which is the
    /// usual case on the parser's hot path.
    static func decode(_ text: Substring, plusAsSpace: Bool = false) -> String? {
        var text = text  // `withUTF8` is mutating; a native substring is scanned in place
        let needsDecoding = text.withUTF8 { bytes in
            bytes.contains { $0 == ASCII.percent || (plusAsSpace && $0 == ASCII.plus) }
        }
        return needsDecoding ? decode(text.utf8, plusAsSpace: plusAsSpace) : String(text)
    }

    /// Decodes `%XX` escapes (and `+` as space when `plusAsSpace`); `nil` for a malformed escape or
    /// bytes that are not UTF-8.
    static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes, plusAsSpace: Bool = false) -> String? {
        var ascii = true
        var escaped = false
        for byte in bytes {
            if byte >= 0x80 { ascii = false } else if byte == ASCII.percent || (plusAsSpace && byte == ASCII.plus) { escaped = true }
        }
        guard escaped else {
            // ASCII is valid UTF-8: `decoding` takes its fast path, where `validating` cost ~1 k
            // instructions per query parameter name or value (callgrind).
            return ascii ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == ASCII.percent {
                let first = bytes.index(after: index)
                guard first != bytes.endIndex else { return nil }
                let second = bytes.index(after: first)
                guard second != bytes.endIndex, let high = ASCII.hexValue(bytes[first]), let low = ASCII.hexValue(bytes[second]) else {
                    return nil
                }
                decoded.append(high << 4 | low)
                index = bytes.index(after: second)
            } else {
                decoded.append(plusAsSpace && byte == ASCII.plus ? ASCII.space : byte)
                index = bytes.index(after: index)
            }
        }
        return String(validating: decoded, as: UTF8.self)
    }
}
