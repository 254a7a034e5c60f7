import HTTPServer
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
    /// The confidence level of the intervals (`level=`, default 0.95).
    let level: Double

    /// The default confidence level.
    static let defaultLevel = 0.95

    /// `level=` (0 < level < 1), else the default 0.95; anything else is refused naming `level`.
    static func level(_ query: QueryParameters) throws(APIError) -> Double {
        guard let text = query["level"] else { return defaultLevel }
        guard let value = Double(text), value.isFinite, value > 0, value < 1 else {
            throw .invalidParameter("level", detail: "the confidence level must be a number strictly between 0 and 1, such as 0.95 or 0.9; got '\(text)'.")
        }
        return value
    }

    /// `weights=none|size_class|size_class_county` (default none: the report's unweighted figures).
    static func weights(_ query: QueryParameters) throws(APIError) -> WeightScheme {
        guard let text = query["weights"] else { return .none }
        guard let scheme = WeightScheme(rawValue: text) else {
            throw .invalidParameter("weights", detail: "expected none, size_class or size_class_county, got '\(text)'.")
        }
        return scheme
    }

    /// The post-stratification asked for, if any, and the weighted estimates of the total and of each group.
    let weighting: PostStratification?
    let weightedTotal: WeightedGroup?
    let weightedGroups: [WeightedGroup]

    /// Computes the table; `minimumCellSize` `nil` suppresses nothing (staff).
    init(dataset: SurveyDataset, questionID: String, filter: Condition?, grouping: Grouping?, minimumCellSize: Int?,
         level: Double = StatisticTable.defaultLevel, weights: WeightScheme = .none) throws {
        self.level = level
        if weights != .none {
            let weighting = PostStratification(dataset: dataset, scheme: weights)
            self.weighting = weighting
            weightedTotal = try dataset.weightedGroups(of: questionID, filter: filter, weights: weighting).first
            weightedGroups = grouping == nil ? (weightedTotal.map { [$0] } ?? [])
                : try dataset.weightedGroups(of: questionID, filter: filter, groupBy: grouping, weights: weighting)
        } else {
            weighting = nil
            weightedTotal = nil
            weightedGroups = []
        }
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
        [("total", Self.json(total, question: question, suppressed: totalSuppressed, level: level, weighted: weightedTotal)),
         ("groups", .array(groups.indices.map {
             Self.json(groups[$0], question: question, suppressed: isSuppressed(groupAt: $0), level: level,
                       weighted: weightedGroups.indices.contains($0) ? weightedGroups[$0] : nil)
         }))]
    }

    /// `weights` and `weight_notes` members, when weighted.
    var weightingMembers: [(String, JSONValue)] {
        guard let weighting else { return [] }
        return [("weights", .string(weighting.scheme.rawValue)), ("weight_notes", .array(weighting.notes.map(JSONValue.string)))]
    }

    /// Why a group's intervals are `null`, or `nil` when they are given.
    static func intervalNote(_ group: DistributionGroup, question: Question, suppressed: Bool) -> String? {
        if suppressed { return "suppressed: fewer respondents than the minimum cell size" }
        if group.baseN == 0 { return "no respondents in the base" }
        if !question.type.isCategorical, (group.summary?.n ?? 0) < 2 { return "a t interval needs at least two answers" }
        return nil
    }

    /// One group; a suppressed group keeps its key and labels but withholds every number.
    /// `ci_low`/`ci_high` are on the scale of `share` (0…1): the Wilson score interval with the
    /// finite-population correction of the group's units on the wave's map (``Interval``).
    /// With `weighted`, each option adds `weighted_share`, `weighted_ci_low`, `weighted_ci_high`, the
    /// summary `weighted_mean` and its interval, and the group `weighted` (Kish's effective n and design effect).
    static func json(_ group: DistributionGroup, question: Question, suppressed: Bool, level: Double = defaultLevel,
                     weighted: WeightedGroup? = nil) -> JSONValue {
        let shown = suppressed || group.baseN == 0 ? nil : weighted
        let options: [JSONValue] = group.options.map { option in
            let interval = suppressed ? nil : group.interval(of: option, level: level)
            var members: [(String, JSONValue)] = [
                ("code", .string(option.code)), ("label_nb", .string(option.labelNb)), ("label_en", .string(option.labelEn)),
                ("count", suppressed ? .null : .int(option.count)),
                ("percent", suppressed ? .null : .int(option.percent)),
                ("share", suppressed ? .null : .double(option.share)),
                ("ci_low", .optional(interval?.low)), ("ci_high", .optional(interval?.high)),
            ]
            if weighted != nil {
                let weightedInterval = shown?.interval(of: option.code, level: level)
                members += [("weighted_share", .optional(shown?.shares[option.code])),
                            ("weighted_ci_low", .optional(weightedInterval?.low)), ("weighted_ci_high", .optional(weightedInterval?.high))]
            }
            return .object(members)
        }
        var summary: JSONValue = .null
        if !question.type.isCategorical, !suppressed, let numbers = group.summary {
            let interval = group.meanInterval(level: level)
            var members: [(String, JSONValue)] = [
                ("n", .int(numbers.n)), ("mean", .double(numbers.mean)), ("standard_deviation", .double(numbers.standardDeviation)),
                ("ci_low", .optional(interval?.low)), ("ci_high", .optional(interval?.high)),
            ]
            if weighted != nil {
                let weightedInterval = shown?.meanInterval(level: level)
                members += [("weighted_mean", .optional(shown?.mean)),
                            ("weighted_ci_low", .optional(weightedInterval?.low)), ("weighted_ci_high", .optional(weightedInterval?.high))]
            }
            summary = .object(members)
        }
        var members: [(String, JSONValue)] = [
            ("key", .string(group.key)), ("label_nb", .string(group.labelNb)), ("label_en", .string(group.labelEn)),
            ("base_n", suppressed ? .null : .int(group.baseN)), ("suppressed", .bool(suppressed)),
            ("options", .array(options)), ("summary", summary),
            ("population", suppressed ? .null : .object([("units", .int(group.population.units)), ("answered", .int(group.population.answered))])),
            ("interval_note", .optional(intervalNote(group, question: question, suppressed: suppressed))),
        ]
        if weighted != nil {
            members.append(("weighted", shown.map { .object([("effective_n", .double($0.effectiveN)), ("design_effect", .double($0.designEffect))]) } ?? .null))
        }
        return .object(members)
    }
}
