import Survey

/// A number the report states in its running text: the share of respondents who answered
/// `question` with one of `options`, among those who answered it (and satisfy `among`).
struct SectionNumber: Sendable {
    let id: String
    let labelNb: String
    let labelEn: String
    let question: String
    let options: [String]
    let among: Condition?

    init(_ id: String, nb labelNb: String, en labelEn: String, _ question: String, _ options: [String], among: Condition? = nil) {
        self.id = id
        self.labelNb = labelNb
        self.labelEn = labelEn
        self.question = question
        self.options = options
        self.among = among
    }

    /// `{id, labels, question, options, total, groups}` with count, n and percent per group.
    func json(dataset: SurveyDataset, grouping: Grouping?, minimumCellSize: Int?) throws -> JSONValue {
        let question = try dataset.questionnaire.question(self.question)
        let answered = Condition.answer(question: question.id, in: question.options.map(\.code))
        let population = among.map { Condition.all([answered, $0]) } ?? answered
        let condition = Condition.answer(question: question.id, in: options)
        let total = try dataset.proportions(of: condition, among: population)[0].proportion
        let groups = grouping == nil ? [("all", total)] : try dataset.proportions(of: condition, among: population, groupBy: grouping)
            .map { ($0.key, $0.proportion) }
        let decision = minimumCellSize.map {
            Suppression.decide(baseNs: groups.map(\.1.n), total: grouping == nil ? nil : total.n, minimumCellSize: $0)
        } ?? .none
        let totalSuppressed = grouping == nil ? decision.groups.contains(0) : decision.total
        return .object([
            ("id", .string(id)), ("label_nb", .string(labelNb)), ("label_en", .string(labelEn)),
            ("question", .string(question.id)), ("options", .array(options.map(JSONValue.string))),
            ("among", among.map(JSONValue.condition) ?? .null),
            ("total", Self.cell("all", total, suppressed: totalSuppressed)),
            ("groups", .array(groups.indices.map { Self.cell(groups[$0].0, groups[$0].1, suppressed: decision.groups.contains($0)) })),
        ])
    }

    static func cell(_ key: String, _ proportion: Proportion, suppressed: Bool) -> JSONValue {
        .object([
            ("key", .string(key)), ("suppressed", .bool(suppressed)),
            ("count", suppressed ? .null : .int(proportion.count)), ("n", suppressed ? .null : .int(proportion.n)),
            ("percent", suppressed ? .null : .int(proportion.percent)), ("share", suppressed ? .null : .double(proportion.share)),
        ])
    }
}
