import Foundation
import Survey

/// The answers under construction: the answering respondents (index-aligned with their answers)
/// and the seeded generator that decides *which* respondents fill each exact quota.
struct BaselineDraft {
    let units: [Respondent]
    var answers: [[String: AnswerValue]]
    var random: SplitMix64
    /// Question id -> respondent code -> the option(s) the report's named-municipality facts require.
    let forced: [String: [String: [String]]]

    init(units: [Respondent], seed: UInt64, forced: [String: [String: [String]]]) {
        self.units = units
        self.answers = Array(repeating: [:], count: units.count)
        self.random = SplitMix64(seed: seed)
        self.forced = forced
    }

    /// Indices of respondents satisfying a predicate, in code order.
    func members(_ predicate: (Int) -> Bool) -> [Int] {
        units.indices.filter(predicate)
    }

    func has(_ index: Int, _ question: String, _ options: String...) -> Bool {
        Condition.answer(question: question, in: options).isSatisfied(by: answers[index])
    }

    func size(_ index: Int) -> SizeClass { units[index].sizeClass }

    /// The options the facts force on this respondent for this question, if any.
    func forcedOptions(_ question: String, _ index: Int) -> [String]? {
        forced[question]?[units[index].code]
    }

    /// A weighted random order (Efraimidis–Spirakis keys log(u)/w): heavier items tend to come first.
    /// Ties fall back to the index so the order is fully deterministic.
    mutating func weightedOrder(_ candidates: [Int], weight: (Int) -> Double) -> [Int] {
        var keyed: [(index: Int, key: Double)] = []
        for index in candidates {
            let key: Double = Foundation.log(random.unitInterval()) / max(weight(index), 1e-9)
            keyed.append((index, key))
        }
        keyed.sort { lhs, rhs in lhs.key != rhs.key ? lhs.key > rhs.key : lhs.index < rhs.index }
        return keyed.map(\.index)
    }

    /// Assigns a single choice question inside one cell with exact quotas per option.
    /// Respondents forced to an option take its first places; the rest are drawn by weight.
    mutating func assignSingle(_ question: String, cell: String, members: [Int], quotas: [(String, Int)],
                               weight: (Int, String) -> Double = { _, _ in 1 }) throws {
        let total = quotas.reduce(0) { $0 + $1.1 }
        guard total == members.count else {
            throw GenerationError.quotaMismatch(question: question, cell: cell, members: members.count, quotas: total)
        }
        var unassigned = members
        for (option, quota) in quotas {
            let forcedHere = unassigned.filter { forcedOptions(question, $0) == [option] }
            guard forcedHere.count <= quota else {
                throw GenerationError.forcedOverQuota(question: question, option: option, cell: cell)
            }
            let free = unassigned.filter { forcedOptions(question, $0) == nil }
            let drawn = weightedOrder(free, weight: { weight($0, option) }).prefix(quota - forcedHere.count)
            guard drawn.count == quota - forcedHere.count else {
                throw GenerationError.forcedOverQuota(question: question, option: option, cell: cell)
            }
            let chosen = Set(forcedHere).union(drawn)
            for index in chosen { answers[index][question] = .choice(option) }
            unassigned.removeAll { chosen.contains($0) }
        }
        guard unassigned.isEmpty else {
            throw GenerationError.quotaMismatch(question: question, cell: cell, members: members.count, quotas: total - unassigned.count)
        }
    }

    /// Assigns a multiple choice question: each option goes to exactly `count` members.
    /// `required` options (e.g. the main use) are always selected. The last option of `counts`
    /// goes first to members still without any option, so that everyone ends with at least one;
    /// the others follow their weights undisturbed. Codes are stored in questionnaire order.
    mutating func assignMultiple(_ question: String, cell: String, members: [Int], counts: [(String, Int)],
                                 required: (Int) -> [String] = { _ in [] },
                                 weight: (Int, String) -> Double = { _, _ in 1 }) throws {
        var selected = Dictionary(uniqueKeysWithValues: members.map { ($0, Set(required($0) + (forcedOptions(question, $0) ?? []))) })
        for (option, count) in counts {
            let already = members.filter { selected[$0]?.contains(option) == true }
            guard already.count <= count else {
                throw GenerationError.forcedOverQuota(question: question, option: option, cell: cell)
            }
            let free = members.filter { selected[$0]?.contains(option) != true }
            let isLast = option == counts.last?.0
            let order = weightedOrder(free, weight: { index in
                (isLast && selected[index]?.isEmpty == true ? 1_000 : 1) * weight(index, option)
            })
            for index in order.prefix(count - already.count) { selected[index, default: []].insert(option) }
        }
        let optionOrder = (try? Questionnaire.report2011.question(question).options.map(\.code)) ?? counts.map(\.0)
        for index in members {
            let codes = optionOrder.filter { selected[index]?.contains($0) == true }
            guard !codes.isEmpty else { throw GenerationError.emptySelection(question: question, respondent: units[index].code) }
            answers[index][question] = .choices(codes)
        }
    }

    /// Assigns whole numbers whose sum is exactly `sum` (so the group mean is exact): random values
    /// around the mean, sorted so that larger units get larger values, fixed values kept, and the
    /// remainder spread one unit at a time within bounds.
    mutating func assignNumbers(_ question: String, cell: String, members: [Int], sum: Int, spread: Double,
                                bounds: ClosedRange<Int>, fixed: [String: Int] = [:], byPopulation: Bool) throws {
        let pinned = members.filter { fixed[units[$0].code] != nil }
        let free = members.filter { fixed[units[$0].code] == nil }
        let pinnedSum = pinned.reduce(0) { $0 + (fixed[units[$1].code] ?? 0) }
        guard !free.isEmpty else {
            guard pinnedSum == sum else { throw GenerationError.unreachableSum(question: question, cell: cell) }
            for index in pinned { answers[index][question] = .number(fixed[units[index].code] ?? 0) }
            return
        }
        let mean = Double(sum - pinnedSum) / Double(free.count)
        var values = free.map { _ in
            let factor = 1 + spread * (2 * random.unitInterval() - 1)
            return min(max(Int((mean * factor).rounded()), bounds.lowerBound), bounds.upperBound)
        }
        var residual = sum - pinnedSum - values.reduce(0, +)
        var cursor = 0
        var idle = 0
        while residual != 0 {
            let step = residual > 0 ? 1 : -1
            let candidate = values[cursor] + step
            if bounds.contains(candidate) {
                values[cursor] = candidate
                residual -= step
                idle = 0
            } else {
                idle += 1
                guard idle <= values.count else { throw GenerationError.unreachableSum(question: question, cell: cell) }
            }
            cursor = (cursor + 1) % values.count
        }
        let ordered = byPopulation ? free.sorted { units[$0].population < units[$1].population } : free
        for (index, value) in zip(ordered, byPopulation ? values.sorted() : values) {
            answers[index][question] = .number(value)
        }
        for index in pinned { answers[index][question] = .number(fixed[units[index].code] ?? 0) }
    }
}
