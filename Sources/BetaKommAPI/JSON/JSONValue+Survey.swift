import Foundation
import Survey

extension JSONValue {
    /// A question with its options, type, bounds, base (the skip logic as a JSON condition) and
    /// the 2011 question and options it is compared with (`counterpart_2011`: null when none, and
    /// in 2011's own questionnaire, whose questions are their own counterparts).
    static func question(_ question: Question, position: Int) -> JSONValue {
        .object([
            ("id", .string(question.id)), ("position", .int(position)), ("section", .string(question.section)),
            ("type", .string(question.type.rawValue)), ("text_nb", .string(question.textNb)), ("label_en", .string(question.labelEn)),
            ("base", question.base.map(condition) ?? .null),
            ("minimum", .optional(question.minimum)), ("maximum", .optional(question.maximum)),
            ("counterpart_2011", .optional(question.counterpart)),
            ("options", .array(question.options.map { option in
                .object([("code", .string(option.code)), ("label_nb", .string(option.labelNb)), ("label_en", .string(option.labelEn)),
                         ("counterpart_2011", .optional(option.counterpart))])
            })),
        ])
    }

    /// A question's identity, for documents about one question.
    static func questionReference(_ question: Question) -> JSONValue {
        .object([
            ("id", .string(question.id)), ("type", .string(question.type.rawValue)),
            ("text_nb", .string(question.textNb)), ("label_en", .string(question.labelEn)),
        ])
    }

    static func option(_ option: QuestionOption) -> JSONValue {
        .object([("code", .string(option.code)), ("label_nb", .string(option.labelNb)), ("label_en", .string(option.labelEn))])
    }

    /// A condition in the stored JSON form: `{"question":…,"in":[…]}`, `{"all":[…]}`, `{"any":[…]}`, `{"not":…}`.
    static func condition(_ condition: Condition) -> JSONValue {
        switch condition {
        case let .answer(question, options): .object([("question", .string(question)), ("in", .array(options.map(JSONValue.string)))])
        case let .all(conditions): .object([("all", .array(conditions.map(Self.condition)))])
        case let .any(conditions): .object([("any", .array(conditions.map(Self.condition)))])
        case let .not(inner): .object([("not", Self.condition(inner))])
        }
    }
}
