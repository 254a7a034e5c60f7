/// A JSON value exactly as a client submitted it, before validation: it keeps what
/// ``AnswerValue`` cannot hold (booleans, fractions, objects, `null`), so the validator can say
/// precisely what is wrong with it.
public indirect enum SubmittedValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits in `Int`.
    case integer(Int)
    /// Any other number.
    case decimal(Double)
    case string(String)
    case array([SubmittedValue])
    /// Members by name; JSON object member order carries no meaning (RFC 8259 §4).
    case object([String: SubmittedValue])

    /// The value a stored answer is submitted as.
    public init(_ answer: AnswerValue) {
        switch answer {
        case let .choice(code): self = .string(code)
        case let .choices(codes): self = .array(codes.map(SubmittedValue.string))
        case let .number(value): self = .integer(value)
        }
    }

    /// The members of an object (`nil` for anything else).
    public var objectMembers: [String: SubmittedValue]? {
        if case let .object(members) = self { return members }
        return nil
    }

    /// A short English name of the JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer: "a whole number"
        case .decimal: "a number with a fraction"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
