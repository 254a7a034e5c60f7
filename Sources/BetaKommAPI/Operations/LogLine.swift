/// One log line's fields in order, rendered as logfmt-style text (`key=value`, quoted when
/// needed) or as a JSON object: the same keys either way, so a collector can parse both.
struct LogLine {
    enum Value {
        case string(String)
        case int(Int)
        /// A decimal already formatted (e.g. milliseconds with three places); written unquoted.
        case number(String)
    }

    private(set) var fields: [(String, Value)] = []

    init(time: String = LogTimestamp.now()) {
        fields.append(("time", .string(time)))
    }

    mutating func add(_ key: String, _ value: String) { fields.append((key, .string(value))) }
    mutating func add(_ key: String, _ value: Int) { fields.append((key, .int(value))) }
    mutating func add(_ key: String, number: String) { fields.append((key, .number(number))) }

    func rendered(_ format: ServiceConfiguration.LogFormat) -> String {
        switch format {
        case .text:
            return fields.map { key, value in
                switch value {
                case .string(let text): key + "=" + Self.textValue(text)
                case .int(let number): key + "=" + String(number)
                case .number(let number): key + "=" + number
                }
            }.joined(separator: " ")
        case .json:
            return "{" + fields.map { key, value in
                switch value {
                case .string(let text): Self.jsonString(key) + ":" + Self.jsonString(text)
                case .int(let number): Self.jsonString(key) + ":" + String(number)
                case .number(let number): Self.jsonString(key) + ":" + number
                }
            }.joined(separator: ",") + "}"
        }
    }

    /// Bare when it is plain (letters, digits, `/:.?&=%-_` and the like), else a quoted JSON string.
    static func textValue(_ text: String) -> String {
        let plain = !text.isEmpty && text.utf8.allSatisfy { byte in
            byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
        }
        return plain ? text : jsonString(text)
    }

    /// RFC 8259 §7 string quoting, by the API's one JSON writer.
    static func jsonString(_ text: String) -> String {
        String(decoding: JSONValue.string(text).serialized(), as: UTF8.self)
    }

    /// Seconds as milliseconds with three decimals, without `String(format:)`.
    static func milliseconds(_ seconds: Double) -> String {
        let microseconds = max(0, Int((seconds * 1_000_000).rounded()))
        let fraction = String(microseconds % 1000)
        return String(microseconds / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
