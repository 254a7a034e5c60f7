import Storage
import Survey

/// All SQL on `questions` and `question_options` (0002): the questionnaire as migrated.
public enum QuestionnaireRepository {
    /// The questionnaire in `position` order, with options and bases.
    public static func load(_ db: Connection) throws -> Questionnaire {
        var optionsByQuestion: [String: [QuestionOption]] = [:]
        for row in try db.query(optionsSQL) {
            let option = QuestionOption(try row.get(String.self, named: "code"), nb: try row.get(named: "label_nb"), en: try row.get(named: "label_en"))
            optionsByQuestion[try row.get(String.self, named: "question_id"), default: []].append(option)
        }
        let questions = try db.query(questionsSQL).map { row -> Question in
            let id: String = try row.get(named: "id")
            guard let type = QuestionType(rawValue: try row.get(named: "type")) else {
                throw StoreError.invalidRow(table: "questions", key: id, reason: "unknown type")
            }
            let base: Condition?
            do {
                base = try row.get(String?.self, named: "base").map(CanonicalJSON.condition(from:))
            } catch is DecodingError {
                throw StoreError.invalidRow(table: "questions", key: id, reason: "base is not a condition")
            }
            return Question(id: id, type: type, section: try row.get(named: "section"), textNb: try row.get(named: "text_nb"),
                            labelEn: try row.get(named: "label_en"), options: optionsByQuestion[id] ?? [], base: base,
                            minimum: try row.get(Int?.self, named: "minimum"), maximum: try row.get(Int?.self, named: "maximum"))
        }
        return try Questionnaire(questions: questions)
    }

    static let optionsSQL: CachedSQL = "SELECT question_id, code, label_nb, label_en FROM question_options ORDER BY question_id, position"
    static let questionsSQL: CachedSQL = "SELECT id, section, type, text_nb, label_en, base, minimum, maximum FROM questions ORDER BY position"
}
