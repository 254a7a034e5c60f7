/// One log line, rendered as it is built into a byte buffer: logfmt-style text (`key=value`,
/// quoted when needed) or a JSON object, with the same keys either way so that a collector can
/// parse both. Appending bytes directly (rather than collecting fields and joining strings)
/// keeps the access log, written once per response, to one buffer and no intermediate strings.
struct LogLine {
    let format: ServiceConfiguration.LogFormat
    /// The line so far, without its newline (and, in JSON, without the closing brace: see ``finished``).
    private(set) var bytes: [UInt8] = []

    init(format: ServiceConfiguration.LogFormat) {
        self.format = format
        bytes.reserveCapacity(256)
        if format == .json { bytes.append(UInt8(ascii: "{")) }
        appendKey("time")
        if format == .json { bytes.append(UInt8(ascii: "\"")) }
        LogTimestamp.appendNow(to: &bytes)
        if format == .json { bytes.append(UInt8(ascii: "\"")) }
    }

    /// A field whose value is text: bare in text format when it is plain, else a quoted JSON string.
    mutating func add(_ key: String, _ value: String) {
        appendKey(key)
        switch format {
        case .text where Self.isPlain(value): appendUTF8(value)
        case .text, .json: JSONValue.writeString(value, to: &bytes)
        }
    }

    mutating func add(_ key: String, _ value: Int) {
        appendKey(key)
        Self.appendDecimal(value, to: &bytes)
    }

    /// Seconds as milliseconds with three decimals, unquoted.
    mutating func add(_ key: String, milliseconds seconds: Double) {
        appendKey(key)
        Self.appendMilliseconds(seconds, to: &bytes)
    }

    /// The complete line (without its newline).
    var finished: [UInt8] {
        guard format == .json else { return bytes }
        return bytes + [UInt8(ascii: "}")]
    }

    private mutating func appendKey(_ key: String) {
        switch format {
        case .text:
            if !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
            appendUTF8(key)
            bytes.append(UInt8(ascii: "="))
        case .json:
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            JSONValue.writeString(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
        }
    }

    /// Copies `text`'s UTF-8 in one block when it is stored contiguously (literals and native
    /// strings are), instead of the generic element-by-element append.
    private mutating func appendUTF8(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: text.utf8) }
    }

    /// Plain text goes bare: printable ASCII other than space, `"` and `\`, and not empty.
    static func isPlain(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
        }
    }

    /// `value` in decimal, digit by digit from the most significant (no intermediate string).
    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    /// Seconds as milliseconds with three decimals, without `String(format:)`.
    static func milliseconds(_ seconds: Double) -> String {
        var bytes: [UInt8] = []
        appendMilliseconds(seconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendMilliseconds(_ seconds: Double, to bytes: inout [UInt8]) {
        let microseconds = max(0, Int((seconds * 1_000_000).rounded()))
        appendDecimal(microseconds / 1000, to: &bytes)
        let fraction = microseconds % 1000
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 100))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10))
    }
}
