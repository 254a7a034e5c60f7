import Storage
import Survey

/// Owns the SQL of the questionnaires (`questionnaires`, `questionnaire_questions`,
/// `questionnaire_options`, 0013): each wave's questionnaire with its skip logic and its 2011
/// counterparts. (The original `questions` tables of 0002 are kept for the migration history
/// and read by nothing.)
public enum QuestionnaireRepository {
    /// The questionnaire with this id, in `position` order, with options, bases and counterparts.
    public static func load(_ db: Connection, id: String) throws -> Questionnaire {
        var optionsByQuestion: [String: [QuestionOption]] = [:]
        for row in try db.query(optionsSQL, [id]) {
            let option = QuestionOption(try row.get(String.self, named: "code"), nb: try row.get(named: "label_nb"),
                                        en: try row.get(named: "label_en"), counterpart: try row.get(named: "counterpart_2011"))
            optionsByQuestion[try row.get(String.self, named: "question_id"), default: []].append(option)
        }
        let questions = try db.query(questionsSQL, [id]).map { row -> Question in
            let questionID: String = try row.get(named: "id")
            guard let type = QuestionType(rawValue: try row.get(named: "type")) else {
                throw StoreError.invalidRow(table: "questionnaire_questions", key: "\(id)/\(questionID)", reason: "unknown type")
            }
            let base: Condition?
            do {
                base = try row.get(String?.self, named: "base").map(CanonicalJSON.condition(from:))
            } catch is DecodingError {
                throw StoreError.invalidRow(table: "questionnaire_questions", key: "\(id)/\(questionID)", reason: "base is not a condition")
            }
            return Question(id: questionID, type: type, section: try row.get(named: "section"), textNb: try row.get(named: "text_nb"),
                            labelEn: try row.get(named: "label_en"), options: optionsByQuestion[questionID] ?? [], base: base,
                            minimum: try row.get(Int?.self, named: "minimum"), maximum: try row.get(Int?.self, named: "maximum"),
                            counterpart: try row.get(String?.self, named: "counterpart_2011"))
        }
        guard !questions.isEmpty else {
            throw StoreError.invalidRow(table: "questionnaires", key: id, reason: "no questions")
        }
        return try Questionnaire(id: id, questions: questions)
    }

    /// Whether a questionnaire with this id is stored.
    public static func exists(_ db: Connection, id: String) throws -> Bool {
        try db.scalar(Int.self, existsSQL, [id]) == 1
    }

    /// Stores a questionnaire (from its file) under its id.
    public static func insert(_ db: Connection, _ questionnaire: Questionnaire, titleNb: String, titleEn: String, note: String?) throws {
        try db.execute(insertSQL, [questionnaire.id, titleNb, titleEn, note])
        for (position, question) in questionnaire.questions.enumerated() {
            try db.execute(insertQuestionSQL, [questionnaire.id, question.id, position + 1, question.section, question.type.rawValue,
                                               question.textNb, question.labelEn, try question.base.map(CanonicalJSON.string),
                                               question.minimum, question.maximum, question.counterpart])
            for (index, option) in question.options.enumerated() {
                try db.execute(insertOptionSQL, [questionnaire.id, question.id, option.code, index + 1, option.labelNb, option.labelEn,
                                                 option.counterpart])
            }
        }
    }

    private static let optionsSQL: CachedSQL = """
        SELECT question_id, code, label_nb, label_en, counterpart_2011 FROM questionnaire_options
        WHERE questionnaire = ? ORDER BY question_id, position
        """
    private static let questionsSQL: CachedSQL = """
        SELECT id, section, type, text_nb, label_en, base, minimum, maximum, counterpart_2011 FROM questionnaire_questions
        WHERE questionnaire = ? ORDER BY position
        """
    private static let existsSQL: CachedSQL = "SELECT count(*) FROM questionnaires WHERE id = ?"
    private static let insertSQL: CachedSQL = "INSERT INTO questionnaires (id, title_nb, title_en, note) VALUES (?, ?, ?, ?)"
    private static let insertQuestionSQL: CachedSQL = """
        INSERT INTO questionnaire_questions (questionnaire, id, position, section, type, text_nb, label_en, base, minimum, maximum, counterpart_2011)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    private static let insertOptionSQL: CachedSQL = """
        INSERT INTO questionnaire_options (questionnaire, question_id, code, position, label_nb, label_en, counterpart_2011)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """
}
