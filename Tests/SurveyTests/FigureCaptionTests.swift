import Survey
import Testing

/// Every figure of the report carries an English caption and base text beside the Norwegian.
@Suite struct FigureCaptionTests {
    @Test func everyFigureHasAnEnglishCaptionAndBaseTextOfItsOwn() {
        #expect(Figure.report2011.count == 26)
        for figure in Figure.report2011 {
            #expect(!figure.captionEn.isEmpty && figure.captionEn != figure.captionNb, "figure \(figure.number)")
            #expect(!figure.baseTextEn.isEmpty && figure.baseTextEn != figure.baseTextNb, "figure \(figure.number)")
            // The translation keeps the caption's closing statement: "By municipality size." for the
            // grouped ones, "% Yes." for the yes-share ones (the report's "Fordelt på kommunestørrelse", "% Ja").
            #expect(figure.captionNb.contains("Fordelt på kommunestørrelse") == figure.captionEn.contains("By municipality size"), "figure \(figure.number)")
            #expect(figure.captionNb.contains("% Ja") == figure.captionEn.contains("% Yes"), "figure \(figure.number)")
            #expect(!figure.captionEn.contains { "æøåÆØÅ".contains($0) }, "figure \(figure.number)")
        }
        #expect(Set(Figure.report2011.map(\.captionEn)).count == 26)
    }

    @Test func languagePicksItsText() {
        #expect(Language.nb.pick(nb: "Ja", en: "Yes") == "Ja")
        #expect(Language.en.pick(nb: "Ja", en: "Yes") == "Yes")
        #expect(Language(rawValue: "de") == nil)
    }
}
