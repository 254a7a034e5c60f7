import Survey

/// One of the report's figures computed for a wave, as served in every format: one panel per
/// question (and per series value, Fig. 24), each a ``StatisticTable`` grouped as the request asks
/// (`by=`) or else as the figure is in the report.
struct FigureData: Sendable {
    struct Panel: Sendable {
        let table: StatisticTable
        /// The series option (e.g. a degree of marketing for Fig. 24), if the figure has series.
        let series: QuestionOption?
        /// The same panel beside the compared wave, when asked.
        var comparison: WaveComparison?
    }

    let figure: Figure
    let wave: WaveSelection
    /// The wave it is compared with (`compare=2011`), if any.
    let compare: WaveSelection?
    /// The grouping asked for, else the report's own.
    let grouping: Grouping?
    /// The names of ``grouping``, when there is one.
    let groupingText: GroupingText?
    /// The names of the report's own grouping, whose phrase the caption ends with.
    private let reportGroupingText: GroupingText?
    /// Respondents in the base of the figure's first question (the n the caption prints).
    let n: Int
    let panels: [Panel]
    /// The confidence level of the intervals (`level=`).
    let level: Double
    /// The non-response weights asked for (`weights=`; JSON only).
    let weights: WeightScheme

    init(number: Int, snapshot: DataSnapshot, wave: WaveSelection, by requested: Grouping? = nil, compare: WaveSelection? = nil,
         minimumCellSize: Int?, level: Double = StatisticTable.defaultLevel, weights: WeightScheme = .none,
         cellKey: CellKeyPerturbation? = nil) throws {
        self.level = level
        self.weights = weights
        let figure = try Figure.report2011(number)
        self.figure = figure
        self.wave = wave
        self.compare = compare
        let grouping = requested ?? figure.grouping
        self.grouping = grouping
        let data = try snapshot.waveData(wave)
        let dataset = data.dataset
        // The figure's 2011 questions, as the wave's questionnaire asks them (through their counterparts).
        func local(_ id: String) throws -> String {
            guard let question = dataset.questionnaire.question(counterpartOf: id) else {
                throw APIError.notFound("Figure \(number) asks '\(id)', which wave \(wave.id)'s questionnaire has no counterpart of.")
            }
            return question.id
        }
        let questionIDs = try figure.questionIDs.map(local)
        groupingText = try grouping.map { try GroupingText($0, questionnaire: dataset.questionnaire) }
        reportGroupingText = try figure.grouping.map { try GroupingText($0, questionnaire: dataset.questionnaire) }
        n = try dataset.distribution(of: questionIDs[0]).groups.first?.baseN ?? 0
        // A figure regrouped by another question is an ad-hoc crosstab: perturbed like one for all
        // but staff (`cellKey` is given only for them; docs/privacy.md). The report's own groupings stay exact.
        var perturbation: CellKeyPerturbation?
        if case .question = requested, requested != figure.grouping { perturbation = cellKey }
        if perturbation != nil, weights != .none {
            throw APIError.invalidParameter("weights", detail: "weights apply to figures in the report's own breakdown (or for staff): a figure regrouped by a question is perturbed for privacy, and weighted estimates would undo that (docs/privacy.md).")
        }
        var panels: [Panel] = []
        func perturbed(_ table: StatisticTable, filter: Condition?) throws -> StatisticTable {
            guard let perturbation else { return table }
            var table = table
            try table.applyCellKey(perturbation, dataset: dataset, filter: filter, wave: data.wave.id)
            return table
        }
        for questionID in questionIDs {
            guard let seriesQuestionID = try figure.seriesQuestionID.map(local) else {
                panels.append(Panel(table: try perturbed(StatisticTable(dataset: dataset, questionID: questionID, filter: nil,
                                                                        grouping: grouping, minimumCellSize: minimumCellSize, level: level,
                                                                        weights: weights), filter: nil), series: nil))
                continue
            }
            for option in try dataset.questionnaire.question(seriesQuestionID).options {
                let filter = Condition.answer(question: seriesQuestionID, in: [option.code])
                panels.append(Panel(table: try perturbed(StatisticTable(dataset: dataset, questionID: questionID, filter: filter,
                                                                        grouping: grouping, minimumCellSize: minimumCellSize, level: level,
                                                                        weights: weights), filter: filter), series: option))
            }
        }
        if let compare {
            for index in panels.indices {
                var filter: [(question: String, options: [String])] = []
                if let series = panels[index].series, let seriesQuestionID = figure.seriesQuestionID {
                    filter = [(try local(seriesQuestionID), [series.code])]
                }
                panels[index].comparison = try WaveComparison.tables(
                    snapshot: snapshot, now: data, compare: compare, questionID: panels[index].table.question.id, filter: filter,
                    grouping: grouping, minimumCellSize: minimumCellSize, level: level, cellKey: perturbation)
            }
        }
        self.panels = panels
    }

    /// The figure's description without numbers, as listed by `/v1/figures`; `by` is its
    /// grouping (the report's unless a request asked for another), and the links keep another one.
    static func summary(_ figure: Figure, by grouping: Grouping?) -> JSONValue {
        let path = "/v1/figures/\(figure.number)"
        let requested = grouping != figure.grouping ? grouping.map { "by=\($0.parameter)" } : nil
        return .object([
            ("number", .int(figure.number)), ("caption_nb", .string(figure.captionNb)), ("caption_en", .string(figure.captionEn)),
            ("base_text_nb", .string(figure.baseTextNb)), ("base_text_en", .string(figure.baseTextEn)),
            ("printed_base_n", .int(figure.printedBaseN)), ("statistic", .string(figure.statistic.rawValue)),
            ("questions", .array(figure.questionIDs.map(JSONValue.string))), ("by", .optional(grouping?.parameter)),
            ("series_question", .optional(figure.seriesQuestionID)),
            ("links", .object([
                ("self", .string(path + query([requested]))), ("csv", .string(path + query([requested, "format=csv"]))),
                ("jsonstat", .string(path + query([requested, "format=jsonstat"]))), ("svg", .string(path + ".svg" + query([requested]))),
            ])),
        ])
    }

    /// `?a&b` of the parameters present, or nothing.
    private static func query(_ parameters: [String?]) -> String {
        let present = parameters.compactMap { $0 }
        return present.isEmpty ? "" : "?" + present.joined(separator: "&")
    }

    /// `Figur 7: <caption>` or `Figure 7: <caption>`, as charts and JSON-stat title the figure.
    /// A caption names the report's breakdown; another one is named after it ("Fordelt på fylke.").
    func title(_ language: Language) -> String {
        var caption = language.pick(nb: figure.captionNb, en: figure.captionEn)
        if grouping != figure.grouping {
            // The report's "Fordelt på kommunestørrelse." no longer holds (Fig. 23 does not print it).
            if let reportGroupingText {
                let phrase = " " + language.pick(nb: reportGroupingText.captionNb, en: reportGroupingText.captionEn)
                if caption.hasSuffix(phrase) { caption.removeLast(phrase.count) }
            }
            if let groupingText { caption += " " + language.pick(nb: groupingText.captionNb, en: groupingText.captionEn) }
        }
        return language.pick(nb: "Figur", en: "Figure") + " \(figure.number): " + caption
    }

    /// `{"figure": {...}}` with every panel.
    var json: JSONValue {
        guard case var .object(members) = Self.summary(figure, by: grouping) else { return .null }
        members += [
            ("wave", .string(wave.name)), ("n", .int(n)), ("level", .double(level)),
        ] + (panels.first?.table.weightingMembers ?? []) + [
            ("panels", .array(panels.map { panel in
                .object([
                    ("question", .questionReference(panel.table.question)),
                    ("series", panel.series.map(JSONValue.option) ?? .null),
                ] + panel.table.jsonMembers + (panel.comparison?.jsonMembers ?? []))
            })),
        ]
        return .object(members)
    }

    /// The number a chart draws for one option of one group: the percent (or, for mean figures,
    /// the mean); `nil` when suppressed or the group is empty.
    func value(panel: Panel, groupIndex: Int, optionIndex: Int?) -> Double? {
        let group = panel.table.groups[groupIndex]
        guard !panel.table.isSuppressed(groupAt: groupIndex), group.baseN > 0 else { return nil }
        if let optionIndex { return Double(group.options[optionIndex].percent) }
        return group.summary?.mean
    }

    /// The interval a chart draws around ``value(panel:groupIndex:optionIndex:)``, in percent (or
    /// the mean's unit); `nil` when the value is not drawn or the interval is not defined.
    func interval(panel: Panel, groupIndex: Int, optionIndex: Int?) -> ConfidenceInterval? {
        let group = panel.table.groups[groupIndex]
        guard !panel.table.isSuppressed(groupAt: groupIndex), group.baseN > 0 else { return nil }
        guard let optionIndex else { return group.meanInterval(level: level) }
        return group.interval(of: group.options[optionIndex], level: level).map { ConfidenceInterval(low: $0.low * 100, high: $0.high * 100) }
    }

    /// The options a chart of this figure draws: every option, only `yes` for "% Ja" figures,
    /// none (the mean) for number and scale questions.
    func drawnOptions(of panel: Panel) -> [Int?] {
        guard panel.table.question.type.isCategorical else { return [nil] }
        let options = panel.table.question.options
        if figure.statistic == .percentYes, let yes = options.firstIndex(where: { $0.code == "yes" }) { return [yes] }
        return options.indices.map { $0 }
    }
}
