import Foundation

/// Canonical JSON: object keys sorted, no whitespace, slashes unescaped — so equal values give
/// byte-equal text, which keeps generated migrations and ETags stable.
public enum CanonicalJSON {
    /// Encodes a value canonically as UTF-8 text.
    public static func string<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Decodes answers stored as a canonical JSON object (question id -> value).
    public static func answers(from text: String) throws -> [String: AnswerValue] {
        try JSONDecoder().decode([String: AnswerValue].self, from: Data(text.utf8))
    }

    /// Decodes a stored condition.
    public static func condition(from text: String) throws -> Condition {
        try JSONDecoder().decode(Condition.self, from: Data(text.utf8))
    }
}
