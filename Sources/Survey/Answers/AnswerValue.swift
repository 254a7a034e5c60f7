/// One answer: an option code (or the free text of a text question), a set of option codes, or a whole number.
/// JSON: a string, an array of strings, or an integer.
public enum AnswerValue: Sendable, Hashable {
    case choice(String)
    case choices([String])
    case number(Int)

    /// The option codes this answer selects (empty for a number).
    public var selectedCodes: [String] {
        switch self {
        case let .choice(code): return [code]
        case let .choices(codes): return codes
        case .number: return []
        }
    }

    /// The number, for number and scale answers.
    public var numberValue: Int? {
        if case let .number(value) = self { return value }
        return nil
    }
}

extension AnswerValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else if let code = try? container.decode(String.self) {
            self = .choice(code)
        } else {
            self = .choices(try container.decode([String].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .choice(code): try container.encode(code)
        case let .choices(codes): try container.encode(codes)
        case let .number(value): try container.encode(value)
        }
    }
}
