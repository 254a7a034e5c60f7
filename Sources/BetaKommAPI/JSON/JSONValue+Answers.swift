import Survey

extension JSONValue {
    /// An answer: a string, an array of strings or an integer, as submitted.
    static func answer(_ value: AnswerValue) -> JSONValue {
        switch value {
        case let .choice(code): .string(code)
        case let .choices(codes): .array(codes.map(JSONValue.string))
        case let .number(number): .int(number)
        }
    }

    /// Answers by question id, keys sorted (the canonical order).
    static func answers(_ answers: [String: AnswerValue]) -> JSONValue {
        .object(answers.keys.sorted().compactMap { id in answers[id].map { (id, answer($0)) } })
    }

    /// One version's metadata.
    static func answerSetMetadata(_ set: AnswerSet) -> [(String, JSONValue)] {
        [
            ("respondent_code", .string(set.respondentCode)), ("version", .int(set.version)), ("wave", .int(set.wave)),
            ("source", .string(set.source.rawValue)), ("created_at", .string(set.createdAt)),
        ]
    }

    /// A version with its answers: what `GET …/answers` and a successful write return.
    static func answerSetDocument(_ set: AnswerSet) -> JSONValue {
        .object(answerSetMetadata(set) + [("answers", answers(set.answers))])
    }
}
