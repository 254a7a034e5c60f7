/// One panel of a computed figure: a question's distribution, for one series value if the figure has series.
public struct FigurePanel: Sendable, Hashable {
    public let questionID: String
    /// The series key (e.g. a `facebook_marketing` option for Fig. 24), or nil.
    public let seriesKey: String?
    public let distribution: Distribution
}

/// A figure computed from a dataset.
public struct FigureResult: Sendable, Hashable {
    public let figure: Figure
    public let panels: [FigurePanel]
}

extension SurveyDataset {
    /// Computes a figure of the report from this dataset (2011 wave or current answers).
    public func figure(_ number: Int) throws -> FigureResult {
        let figure = try Figure.report2011(number)
        var panels: [FigurePanel] = []
        for questionID in figure.questionIDs {
            guard let seriesQuestionID = figure.seriesQuestionID else {
                panels.append(FigurePanel(questionID: questionID, seriesKey: nil,
                                          distribution: try distribution(of: questionID, groupBy: figure.grouping)))
                continue
            }
            for option in try questionnaire.question(seriesQuestionID).options {
                let filter = Condition.answer(question: seriesQuestionID, in: [option.code])
                panels.append(FigurePanel(questionID: questionID, seriesKey: option.code,
                                          distribution: try distribution(of: questionID, filter: filter, groupBy: figure.grouping)))
            }
        }
        return FigureResult(figure: figure, panels: panels)
    }
}
