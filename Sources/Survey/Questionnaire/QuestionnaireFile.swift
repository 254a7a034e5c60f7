import Foundation

/// A questionnaire as a JSON file (`Data/questionnaire-2026.json`): what `betakomm wave create`
/// loads. Member names are snake_case; every question and option declares its 2011 counterpart
/// (`counterpart_2011`, or `null` when none is comparable).
public struct QuestionnaireFile: Sendable, Decodable {
    public let id: String
    public let titleNb: String
    public let titleEn: String
    public let note: String?
    let questions: [QuestionEntry]

    struct QuestionEntry: Decodable {
        let id: String
        let type: QuestionType
        let section: String
        let textNb: String
        let labelEn: String
        let base: Condition?
        let minimum: Int?
        let maximum: Int?
        let counterpart2011: String?
        let options: [OptionEntry]
    }

    struct OptionEntry: Decodable {
        let code: String
        let labelNb: String
        let labelEn: String
        let counterpart2011: String?
    }

    /// Parses the file's bytes; throws a `QuestionnaireFileError` that says where the problem is.
    public static func decode(_ data: Data) throws -> QuestionnaireFile {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(QuestionnaireFile.self, from: data)
        } catch let error as DecodingError {
            throw QuestionnaireFileError(problems: [Self.describe(error)])
        }
    }

    /// The questionnaire, checked: bases refer to earlier questions, and every counterpart names a
    /// question of `baseline` of the same kind and an option of it.
    public func questionnaire(checkedAgainst baseline: Questionnaire) throws -> Questionnaire {
        let built = questions.map { entry in
            Question(id: entry.id, type: entry.type, section: entry.section, textNb: entry.textNb, labelEn: entry.labelEn,
                     options: entry.options.map { QuestionOption($0.code, nb: $0.labelNb, en: $0.labelEn, counterpart: $0.counterpart2011) },
                     base: entry.base, minimum: entry.minimum, maximum: entry.maximum, counterpart: entry.counterpart2011)
        }
        let questionnaire: Questionnaire
        do {
            questionnaire = try Questionnaire(id: id, questions: built)
        } catch let error as SurveyError {
            throw QuestionnaireFileError(problems: ["\(error)"])
        }
        var problems: [String] = []
        for question in questionnaire.questions {
            guard let counterpart = question.counterpart else {
                if let option = question.options.first(where: { $0.counterpart != nil }) {
                    problems.append("question \(question.id): option \(option.code) has a 2011 counterpart but the question has none")
                }
                continue
            }
            guard let old = try? baseline.question(counterpart) else {
                problems.append("question \(question.id): its counterpart \(counterpart) is not a 2011 question")
                continue
            }
            if Self.family(old.type) != Self.family(question.type) {
                problems.append("question \(question.id) (\(question.type.rawValue)) cannot be compared with \(counterpart) (\(old.type.rawValue))")
            }
            for option in question.options {
                if let code = option.counterpart, old.option(code) == nil {
                    problems.append("question \(question.id), option \(option.code): \(counterpart) has no option \(code)")
                }
            }
        }
        guard problems.isEmpty else { throw QuestionnaireFileError(problems: problems) }
        return questionnaire
    }

    /// Choice questions compare with choice questions of the same kind; numbers with numbers.
    private static func family(_ type: QuestionType) -> String {
        switch type {
        case .single: "single"
        case .multiple: "multiple"
        case .number, .scale: "numeric-\(type.rawValue)"
        case .text: "text"
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/")
        }
        switch error {
        case let .keyNotFound(key, context): return "/\(path(context)): missing \(key.stringValue)"
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return "/\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// Everything wrong with a questionnaire file, one sentence per problem.
public struct QuestionnaireFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [String]
    public var description: String { "The questionnaire file is not valid:\n" + problems.map { "- \($0)" }.joined(separator: "\n") }
}
