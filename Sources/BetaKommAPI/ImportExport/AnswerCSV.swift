import Foundation
import Survey

/// The wide CSV form of answer sets: one row per respondent with columns `respondent_code`,
/// `wave`, then one per question in questionnaire order. A single choice is its option code, a
/// multiple choice its codes joined by `|` in questionnaire order, a number its digits, and an
/// unanswered question (outside the respondent's base) an empty cell.
enum AnswerCSV {
    static let fixedColumns = ["respondent_code", "wave"]
    static let choiceSeparator: Character = "|"

    static func header(_ questionnaire: Questionnaire) -> [String] {
        fixedColumns + questionnaire.questions.map(\.id)
    }

    /// The document for `sets` (sorted by respondent code by the caller).
    static func document(_ sets: [AnswerSet], questionnaire: Questionnaire, variant: CSVWriter.Variant) -> [UInt8] {
        let rows: [[CSVWriter.Cell]] = sets.map { set in
            [.text(set.respondentCode), .integer(set.wave)] + questionnaire.questions.map { question in
                switch set.answers[question.id] {
                case nil: .empty
                case let .choice(code): .text(code)
                case let .choices(codes): .text(codes.joined(separator: String(choiceSeparator)))
                case let .number(value): .integer(value)
                }
            }
        }
        return CSVWriter(variant: variant).document(header: header(questionnaire), rows: rows)
    }

    /// A cell as the JSON value a form would have sent, so the one validator judges both.
    /// An empty cell is no answer; a number that is not whole stays a fraction or text so the
    /// validator can name the problem.
    static func submittedValue(_ cell: String, for question: Question) -> SubmittedValue? {
        let text = cell.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        switch question.type {
        case .single, .text: return .string(text)
        case .multiple:
            return .array(text.split(separator: choiceSeparator, omittingEmptySubsequences: false)
                .map { .string($0.trimmingCharacters(in: .whitespaces)) })
        case .number, .scale:
            if let whole = Int(text) { return .integer(whole) }
            // Norwegian Excel writes a decimal comma.
            if let decimal = Double(text.replacingOccurrences(of: ",", with: ".")) { return .decimal(decimal) }
            return .string(text)
        }
    }
}
