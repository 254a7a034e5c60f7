import Foundation

/// A JSON value with equality, for comparing stored answers with the ones a client sent.
enum JSONAny: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONAny])
    case object([String: JSONAny])

    init(_ value: Any) {
        switch value {
        case let number as NSNumber: self = .number(number.doubleValue)
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(array.map(JSONAny.init))
        case let object as [String: Any]: self = .object(object.mapValues(JSONAny.init))
        default: self = .null
        }
    }

    /// The members of a JSON object document, or `nil`.
    static func parseObject(_ bytes: [UInt8]) -> [String: JSONAny]? {
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(bytes)), case .object(let members) = JSONAny(parsed) else { return nil }
        return members
    }

    static func parseObject(_ text: String) -> [String: JSONAny]? { parseObject(Array(text.utf8)) }

    var text: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .string(let value):
            String(decoding: try! JSONSerialization.data(withJSONObject: value, options: .fragmentsAllowed), as: UTF8.self)
        case .array(let items): "[" + items.map(\.text).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.sorted { $0.key < $1.key }.map { JSONAny.string($0.key).text + ":" + $0.value.text }.joined(separator: ",") + "}"
        }
    }
}

