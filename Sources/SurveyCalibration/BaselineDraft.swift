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

    /// A standard normal draw (Box–Muller on two uniform draws in (0, 1]).
    mutating func normal() -> Double {
        let u = random.unitInterval(), v = random.unitInterval()
        return (-2 * Foundation.log(u)).squareRoot() * Foundation.cos(2 * Double.pi * v)
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
    /// `excluding` names pairs of options no member may hold together (e.g. "sees no need" and
    /// "awaiting a strategy process"): a member holding one is not drawn for the other.
    mutating func assignMultiple(_ question: String, cell: String, members: [Int], counts: [(String, Int)],
                                 required: (Int) -> [String] = { _ in [] },
                                 excluding: [(String, String)] = [],
                                 weight: (Int, String) -> Double = { _, _ in 1 }) throws {
        var selected = Dictionary(uniqueKeysWithValues: members.map { ($0, Set(required($0) + (forcedOptions(question, $0) ?? []))) })
        for (option, count) in counts {
            let already = members.filter { selected[$0]?.contains(option) == true }
            guard already.count <= count else {
                throw GenerationError.forcedOverQuota(question: question, option: option, cell: cell)
            }
            let rivals = Set(excluding.compactMap { $0.0 == option ? $0.1 : $0.1 == option ? $0.0 : nil })
            let free = members.filter { selected[$0]?.contains(option) != true && selected[$0]?.isDisjoint(with: rivals) != false }
            let isLast = option == counts.last?.0
            let order = weightedOrder(free, weight: { index in
                (isLast && selected[index]?.isEmpty == true ? 1_000 : 1) * weight(index, option)
            })
            let drawn = order.prefix(count - already.count)
            guard drawn.count == count - already.count else {
                throw GenerationError.forcedOverQuota(question: question, option: option, cell: cell)
            }
            for index in drawn { selected[index, default: []].insert(option) }
        }
        let optionOrder = (try? Questionnaire.report2011.question(question).options.map(\.code)) ?? counts.map(\.0)
        for index in members {
            let codes = optionOrder.filter { selected[index]?.contains($0) == true }
            guard !codes.isEmpty else { throw GenerationError.emptySelection(question: question, respondent: units[index].code) }
            answers[index][question] = .choices(codes)
        }
    }

    /// Assigns whole numbers whose sum is exactly `sum`: log-normal values (spread `sigma` on the
    /// log scale) around a median proportional to the square root of the unit's population,
    /// scaled to the free part of the sum, rounded, and the remainder spread one unit at a time
    /// (largest values first). Fixed values are kept as they are.
    mutating func assignLogNormal(_ question: String, cell: String, members: [Int], sum: Int, sigma: Double,
                                  bounds: ClosedRange<Int>, fixed: [String: Int] = [:]) throws {
        let pinned = members.filter { fixed[units[$0].code] != nil }
        let free = members.filter { fixed[units[$0].code] == nil }
        for index in pinned { answers[index][question] = .number(fixed[units[index].code] ?? 0) }
        let target = sum - pinned.reduce(0) { $0 + (fixed[units[$1].code] ?? 0) }
        guard !free.isEmpty else {
            guard target == 0 else { throw GenerationError.unreachableSum(question: question, cell: cell) }
            return
        }
        let raw = free.map { Double(units[$0].population).squareRoot() * Foundation.exp(sigma * normal()) }
        let scale = Double(target) / raw.reduce(0, +)
        var values = raw.map { min(max(Int(($0 * scale).rounded()), bounds.lowerBound), bounds.upperBound) }
        var residual = target - values.reduce(0, +)
        let order = values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
        var cursor = 0
        var idle = 0
        while residual != 0 {
            let slot = order[cursor]
            let step = residual > 0 ? 1 : -1
            if bounds.contains(values[slot] + step) {
                values[slot] += step
                residual -= step
                idle = 0
            } else {
                idle += 1
                guard idle <= values.count else { throw GenerationError.unreachableSum(question: question, cell: cell) }
            }
            cursor = (cursor + 1) % values.count
        }
        for (index, value) in zip(free, values) { answers[index][question] = .number(value) }
    }
}
