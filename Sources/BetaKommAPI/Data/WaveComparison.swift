import Survey

/// One question in two waves side by side (`compare=2011`): for each group (the same keys in
/// both waves; counties are today's for both), each option's share now and then through the
/// declared counterparts, and the difference in percentage points. An option without a
/// counterpart appears for the wave that has it, with the other side `null`. Each side keeps
/// its own suppression.
struct WaveComparison: Sendable {
    let now: StatisticTable
    let then: StatisticTable
    let nowWave: Wave
    let thenWave: Wave
    /// Now-option code -> then-option code.
    private let counterparts: [String: String]

    init(now: StatisticTable, then: StatisticTable, nowWave: Wave, thenWave: Wave, questionnaire: Questionnaire) {
        self.now = now
        self.then = then
        self.nowWave = nowWave
        self.thenWave = thenWave
        var counterparts: [String: String] = [:]
        for option in now.question.options {
            if let code = questionnaire.counterpart(of: option, in: now.question) { counterparts[option.code] = code }
        }
        self.counterparts = counterparts
    }

    /// The two tables of a comparison: `compare` names the earlier wave (its questionnaire must be
    /// 2011's, to which counterparts are declared); the question, the answer filter and a
    /// question grouping are carried over through the counterparts.
    static func tables(
        snapshot: DataSnapshot, now nowData: WaveData, compare: WaveSelection, questionID: String,
        filter: [(question: String, options: [String])], grouping: Grouping?, minimumCellSize: Int?,
        level: Double = StatisticTable.defaultLevel, cellKey: CellKeyPerturbation? = nil
    ) throws -> WaveComparison {
        let thenData = try snapshot.waveData(compare, parameter: "compare")
        let questionnaire = nowData.dataset.questionnaire
        guard thenData.dataset.questionnaire.id == Questionnaire.baselineID else {
            throw APIError.invalidParameter("compare", detail: "waves are compared with wave 2011, whose questions the others declare as counterparts.")
        }
        let question = try questionnaire.question(questionID)
        guard let counterpart = questionnaire.counterpart(of: question) else {
            throw APIError.invalidParameter("compare", detail: "question '\(questionID)' of wave \(nowData.wave.id) has no 2011 counterpart, so it cannot be compared.")
        }
        var thenFilter: [Condition] = []
        for item in filter {
            let filterQuestion = try questionnaire.question(item.question)
            guard let mapped = questionnaire.counterpart(of: filterQuestion) else {
                throw APIError.invalidParameter(item.question, detail: "the filter question has no 2011 counterpart, so it cannot filter both waves.")
            }
            let options = item.options.compactMap { code in filterQuestion.option(code).flatMap { questionnaire.counterpart(of: $0, in: filterQuestion) } }
            guard options.count == item.options.count else {
                throw APIError.invalidParameter(item.question, detail: "an option of the filter has no 2011 counterpart, so it cannot filter both waves.")
            }
            thenFilter.append(.answer(question: mapped, in: options))
        }
        if case .question = grouping {
            throw APIError.invalidParameter("by", detail: "a comparison of waves groups by size_class, kind or county.")
        }
        // Counties are today's for both waves: earlier units count in their successor's county.
        var thenDataset = thenData.dataset
        if grouping == .county, thenData.wave.map != nowData.wave.map {
            thenDataset = thenDataset.placed(inCountiesOf: nowData.wave.map, units: snapshot.units[nowData.wave.map] ?? [],
                                             correspondence: snapshot.correspondence)
        }
        var nowTable = try StatisticTable(dataset: nowData.dataset, questionID: questionID, filter: QueryCheck.condition(filter),
                                          grouping: grouping, minimumCellSize: minimumCellSize, level: level)
        var thenTable = try StatisticTable(dataset: thenDataset, questionID: counterpart, filter: thenFilter.isEmpty ? nil : .all(thenFilter),
                                           grouping: grouping, minimumCellSize: minimumCellSize, level: level)
        // An ad-hoc comparison (filtered) is perturbed on both sides like any ad-hoc table (docs/privacy.md).
        if let cellKey {
            try nowTable.applyCellKey(cellKey, dataset: nowData.dataset, filter: QueryCheck.condition(filter), wave: nowData.wave.id)
            try thenTable.applyCellKey(cellKey, dataset: thenDataset, filter: thenFilter.isEmpty ? nil : .all(thenFilter), wave: thenData.wave.id)
        }
        return WaveComparison(now: nowTable, then: thenTable, nowWave: nowData.wave, thenWave: thenData.wave, questionnaire: questionnaire)
    }

    /// `{"compare": {...}}` members.
    var jsonMembers: [(String, JSONValue)] {
        let thenIndex = Dictionary(then.groups.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        var groups: [JSONValue] = []
        var keys = now.groups.map(\.key)
        keys += then.groups.map(\.key).filter { !keys.contains($0) }
        for key in keys {
            let nowIndex = now.groups.firstIndex { $0.key == key }
            let nowGroup = nowIndex.map { now.groups[$0] }
            let thenGroup = thenIndex[key].map { then.groups[$0] }
            let nowHidden = nowIndex.map(now.isSuppressed(groupAt:)) ?? true
            let thenHidden = thenIndex[key].map(then.isSuppressed(groupAt:)) ?? true
            groups.append(group(key: key, label: nowGroup ?? thenGroup, now: nowGroup, nowHidden: nowHidden, then: thenGroup, thenHidden: thenHidden))
        }
        return [("compare", .object([
            ("wave", .string(String(nowWave.id))), ("with", .string(String(thenWave.id))), ("level", .double(level)),
            ("samples", "independent"),
            ("question_2011", .questionReference(then.question)),
            ("total", group(key: "all", label: now.total, now: now.total, nowHidden: now.totalSuppressed, then: then.total,
                            thenHidden: then.totalSuppressed)),
            ("groups", .array(groups)),
        ]))]
    }

    private func group(key: String, label: DistributionGroup?, now nowGroup: DistributionGroup?, nowHidden: Bool,
                       then thenGroup: DistributionGroup?, thenHidden: Bool) -> JSONValue {
        func side(_ group: DistributionGroup?, hidden: Bool) -> JSONValue {
            .object([("base_n", hidden ? .null : .optional(group?.baseN)), ("suppressed", .bool(hidden))])
        }
        var options: [JSONValue] = []
        var usedThen = Set<String>()
        for option in now.question.options {
            let counterpart = counterparts[option.code]
            if let counterpart { usedThen.insert(counterpart) }
            let nowShare = nowHidden ? nil : nowGroup?.option(option.code)
            let thenShare = thenHidden ? nil : counterpart.flatMap { thenGroup?.option($0) }
            options.append(row(code: option.code, labelNb: option.labelNb, labelEn: option.labelEn, code2011: counterpart, now: nowShare, then: thenShare,
                               nowGroup: nowGroup, thenGroup: thenGroup))
        }
        for option in then.question.options where !usedThen.contains(option.code) {
            let thenShare = thenHidden ? nil : thenGroup?.option(option.code)
            options.append(row(code: nil, labelNb: option.labelNb, labelEn: option.labelEn, code2011: option.code, now: nil, then: thenShare,
                               nowGroup: nowGroup, thenGroup: thenGroup))
        }
        var members: [(String, JSONValue)] = [
            ("key", .string(key)), ("label_nb", .optional(label?.labelNb)), ("label_en", .optional(label?.labelEn)),
            ("now", side(nowGroup, hidden: nowHidden)), ("then", side(thenGroup, hidden: thenHidden)), ("options", .array(options)),
            ("warnings", .array(warnings(now: nowHidden ? nil : nowGroup, then: thenHidden ? nil : thenGroup).map(JSONValue.string))),
        ]
        if !now.question.type.isCategorical {
            let nowSummary = nowHidden ? nil : nowGroup?.summary
            let thenSummary = thenHidden ? nil : thenGroup?.summary
            let nowMean = nowSummary?.mean
            let thenMean = thenSummary?.mean
            members.append(("mean_now", .optional(nowMean)))
            members.append(("mean_then", .optional(thenMean)))
            members.append(("mean_difference", .optional(nowMean.flatMap { now in thenMean.map { now - $0 } })))
            var interval: ConfidenceInterval?
            if let nowSummary, let thenSummary, let nowGroup, let thenGroup {
                interval = Interval.meanDifference(
                    mean1: nowSummary.mean, sd1: nowSummary.standardDeviation, n1: nowSummary.n, population1: nowGroup.population,
                    mean2: thenSummary.mean, sd2: thenSummary.standardDeviation, n2: thenSummary.n, population2: thenGroup.population,
                    level: level)
            }
            members.append(("mean_difference_ci_low", .optional(interval?.low)))
            members.append(("mean_difference_ci_high", .optional(interval?.high)))
            members.append(("mean_difference_significant", interval.map { .bool($0.excludes(0)) } ?? .null))
        }
        return .object(members)
    }

    /// Bases under ``smallBase`` respondents make an interval (and a difference) rest on very
    /// few units: each such side is named.
    static let smallBase = 30

    private func warnings(now nowGroup: DistributionGroup?, then thenGroup: DistributionGroup?) -> [String] {
        var warnings: [String] = []
        for (wave, group) in [(nowWave.id, nowGroup), (thenWave.id, thenGroup)] {
            if let group, group.baseN < Self.smallBase {
                warnings.append("base under \(Self.smallBase) in wave \(wave) (n = \(group.baseN)): the interval is wide and a difference is unreliable.")
            }
        }
        return warnings
    }

    /// One option's shares in both waves; the difference is in percentage points of the unrounded
    /// shares, to one decimal, with Newcombe's hybrid score interval (``Interval/newcombe(p1:interval1:p2:interval2:)``)
    /// in percentage points, and `significant` when it excludes 0.
    ///
    /// The waves are treated as **independent samples**: they ask different maps (449 units in
    /// 2011, 372 today, most of them merged or renumbered), each wave's respondents answer of their
    /// own accord, and a paired analysis would need the same unit answering both, which holds for
    /// too few units (and not at all for merged ones) to carry the estimate. Where the same units do
    /// answer both, answers are positively correlated, so the independent interval is conservative.
    private func row(code: String?, labelNb: String, labelEn: String, code2011: String?, now: OptionShare?, then: OptionShare?,
                     nowGroup: DistributionGroup?, thenGroup: DistributionGroup?) -> JSONValue {
        let difference = now.flatMap { now in then.map { ((now.share - $0.share) * 1000).rounded() / 10 } }
        var interval: ConfidenceInterval?
        if let now, let then, let nowGroup, let thenGroup,
           let nowInterval = nowGroup.interval(of: now, level: level), let thenInterval = thenGroup.interval(of: then, level: level) {
            interval = Interval.newcombe(p1: now.share, interval1: nowInterval, p2: then.share, interval2: thenInterval)
        }
        return .object([
            ("code", .optional(code)), ("code_2011", .optional(code2011)), ("label_nb", .string(labelNb)), ("label_en", .string(labelEn)),
            ("percent_now", .optional(now?.percent)), ("percent_then", .optional(then?.percent)),
            ("count_now", .optional(now?.count)), ("count_then", .optional(then?.count)),
            ("difference_points", .optional(difference)),
            ("difference_ci_low", .optional(interval.map { $0.low * 100 })), ("difference_ci_high", .optional(interval.map { $0.high * 100 })),
            ("significant", interval.map { .bool($0.excludes(0)) } ?? .null),
        ])
    }

    /// The confidence level of both tables.
    var level: Double { now.level }
}
