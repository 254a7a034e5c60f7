import Survey

/// A question's distribution as served: the total over its base and, when grouped, each group,
/// with the suppression decision for the caller's role already applied.
struct StatisticTable: Sendable {
    let question: Question
    let grouping: Grouping?
    var total: DistributionGroup
    /// The groups; the total alone when ungrouped.
    var groups: [DistributionGroup]
    let totalSuppressed: Bool
    let suppressedGroups: Set<Int>

    /// Computes the table; `minimumCellSize` `nil` suppresses nothing (staff).
    init(dataset: SurveyDataset, questionID: String, filter: Condition?, grouping: Grouping?, minimumCellSize: Int?) throws {
        question = try dataset.questionnaire.question(questionID)
        self.grouping = grouping
        let ungrouped = try dataset.distribution(of: questionID, filter: filter)
        guard let total = ungrouped.groups.first else { throw SurveyError.unknownQuestion(questionID) }
        self.total = total
        let groups = grouping == nil ? [total] : try dataset.distribution(of: questionID, filter: filter, groupBy: grouping).groups
        self.groups = groups
        var decision = Suppression.Decision.none
        if let minimumCellSize {
            // The unanswered remainder of a `by` question counts too (Suppression, issue 16).
            let remainder = try dataset.unansweredRemainder(of: questionID, filter: filter, groupBy: grouping)
            decision = Suppression.decide(baseNs: groups.map(\.baseN), total: grouping == nil ? nil : total.baseN, remainder: remainder,
                                          minimumCellSize: minimumCellSize)
        }
        suppressedGroups = decision.groups
        totalSuppressed = grouping == nil ? decision.groups.contains(0) : decision.total
    }

    func isSuppressed(groupAt index: Int) -> Bool { suppressedGroups.contains(index) }

    /// `{"total": Group, "groups": [Group]}` members.
    var jsonMembers: [(String, JSONValue)] {
        [("total", Self.json(total, question: question, suppressed: totalSuppressed)),
         ("groups", .array(groups.indices.map { Self.json(groups[$0], question: question, suppressed: isSuppressed(groupAt: $0)) }))]
    }

    /// One group; a suppressed group keeps its key and labels but withholds every number.
    static func json(_ group: DistributionGroup, question: Question, suppressed: Bool) -> JSONValue {
        let options: [JSONValue] = group.options.map { option in
            .object([
                ("code", .string(option.code)), ("label_nb", .string(option.labelNb)), ("label_en", .string(option.labelEn)),
                ("count", suppressed ? .null : .int(option.count)),
                ("percent", suppressed ? .null : .int(option.percent)),
                ("share", suppressed ? .null : .double(option.share)),
            ])
        }
        var summary: JSONValue = .null
        if !question.type.isCategorical, !suppressed, let numbers = group.summary {
            summary = .object([("n", .int(numbers.n)), ("mean", .double(numbers.mean)), ("standard_deviation", .double(numbers.standardDeviation))])
        }
        return .object([
            ("key", .string(group.key)), ("label_nb", .string(group.labelNb)), ("label_en", .string(group.labelEn)),
            ("base_n", suppressed ? .null : .int(group.baseN)), ("suppressed", .bool(suppressed)),
            ("options", .array(options)), ("summary", summary),
        ])
    }
}
