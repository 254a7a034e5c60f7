extension Questionnaire {
    /// The questionnaire of the 2011 survey, reconstructed from the report: one question per
    /// figure (Fig. 1–26) and one per number the report gives only in its text. This is the
    /// source of truth that `Migrations/0002_questionnaire.sql` is generated from.
    public static let report2011: Questionnaire = {
        do {
            return try Questionnaire(questions: strategyQuestions + useQuestions + organisationQuestions
                + facebookQuestions + successQuestions)
        } catch {
            // The definition is static source code; a broken reference is a programming error caught by the tests.
            fatalError("invalid 2011 questionnaire: \(error)")
        }
    }()

    // Bases shared by many questions.
    static let allRespondents: Condition? = nil
    static let hasStrategy = Condition.answer("has_strategy", "yes")
    static let hasNoStrategy = Condition.answer("has_strategy", "no")
    static let adoptedStrategy = Condition.answer("strategy_adoption", "political", "administrative")
    static let usesSocialMedia = Condition.answer("uses_social_media", "yes")
    static let doesNotUseSocialMedia = Condition.answer("uses_social_media", "no")
    static let hasGuidelines = Condition.answer("has_guidelines", "yes")
    static let hasOfficialPage = Condition.answer("has_official_facebook_page", "yes")
    static let hasNoOfficialPage = Condition.answer("has_official_facebook_page", "no")

    static let yes = QuestionOption("yes", nb: "Ja", en: "Yes")
    static let no = QuestionOption("no", nb: "Nei", en: "No")
    static let dontKnow = QuestionOption("dont_know", nb: "Vet ikke", en: "Don't know")

    /// "I hvilken grad …" with four steps and optionally "Vet ikke".
    static func extent(dontKnow includeDontKnow: Bool) -> [QuestionOption] {
        [
            QuestionOption("very_large", nb: "I svært stor grad", en: "To a very large extent"),
            QuestionOption("fairly_large", nb: "I ganske stor grad", en: "To a fairly large extent"),
            QuestionOption("small", nb: "I liten grad", en: "To a small extent"),
            QuestionOption("very_small", nb: "I svært liten grad", en: "To a very small extent"),
        ] + (includeDontKnow ? [dontKnow] : [])
    }

    /// "Høyere / om lag som / lavere enn forventet".
    static let expectations: [QuestionOption] = [
        QuestionOption("higher", nb: "Høyere enn forventet", en: "Higher than expected"),
        QuestionOption("as_expected", nb: "Om lag som forventet", en: "About as expected"),
        QuestionOption("lower", nb: "Lavere enn forventet", en: "Lower than expected"),
        QuestionOption("dont_know", nb: "Usikker", en: "Unsure"),
    ]
}
