extension Condition: Codable {
    private enum Key: String, CodingKey {
        case question, `in`, all, any, not
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let question = try container.decodeIfPresent(String.self, forKey: .question) {
            self = .answer(question: question, in: try container.decode([String].self, forKey: .in))
        } else if let conditions = try container.decodeIfPresent([Condition].self, forKey: .all) {
            self = .all(conditions)
        } else if let conditions = try container.decodeIfPresent([Condition].self, forKey: .any) {
            self = .any(conditions)
        } else if let condition = try container.decodeIfPresent(Condition.self, forKey: .not) {
            self = .not(condition)
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a condition needs one of: question+in, all, any, not"
            ))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case let .answer(question, options):
            try container.encode(question, forKey: .question)
            try container.encode(options, forKey: .in)
        case let .all(conditions): try container.encode(conditions, forKey: .all)
        case let .any(conditions): try container.encode(conditions, forKey: .any)
        case let .not(condition): try container.encode(condition, forKey: .not)
        }
    }
}
