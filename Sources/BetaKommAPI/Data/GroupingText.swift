import Survey

/// How a grouping is named where a figure is drawn or published: the group dimension ("Fylke")
/// and the phrase a caption ends with ("Fordelt på fylke."), in both languages. A question's
/// grouping is named by the question's own text.
struct GroupingText: Sendable {
    let dimensionNb: String
    let dimensionEn: String
    let captionNb: String
    let captionEn: String

    init(_ grouping: Grouping, questionnaire: Questionnaire) throws {
        switch grouping {
        case .sizeClass:
            (dimensionNb, dimensionEn) = ("Kommunestørrelse", "Municipality size")
            (captionNb, captionEn) = ("Fordelt på kommunestørrelse.", "By municipality size.")
        case .kind:
            (dimensionNb, dimensionEn) = ("Kommune eller fylkeskommune", "Kommune or fylkeskommune")
            (captionNb, captionEn) = ("Fordelt på kommuner og fylkeskommuner.", "By kommuner and fylkeskommuner.")
        case .county:
            (dimensionNb, dimensionEn) = ("Fylke", "County")
            (captionNb, captionEn) = ("Fordelt på fylke.", "By county.")
        case let .question(id):
            let question = try questionnaire.question(id)
            (dimensionNb, dimensionEn) = (question.textNb, question.labelEn)
            (captionNb, captionEn) = ("Fordelt på svar på «\(question.textNb)».", "By answer to “\(question.labelEn)”.")
        }
    }
}
