/// The cell-key method (ABS TableBuilder; the European census hub's "cell key method"; Fraser &
/// Wooton 2005, Thompson, Broadfoot & Elazar 2013) for public ad-hoc tables: every unit of a
/// wave has a fixed random **record key** in [0, 1); a cell's key is the fractional part of the
/// sum of its units' record keys; the cell's noise is looked up in a published **p-table** by
/// that key. The same set of units always gets the same noise, however the query that forms it
/// is worded, so asking again averages nothing away, and the difference of two cells whose units
/// differ by one is a difference of two noises, not that unit (docs/privacy.md).
public enum CellKey {
    /// One row of the p-table: noise values and their probabilities (summing to 1, mean 0).
    public struct Row: Sendable, Equatable {
        public let noise: [Int]
        public let probabilities: [Double]
    }

    /// The p-table: counts of 0 stay 0 (an empty cell describes nobody); a count of 1 becomes
    /// 0, 1 or 2; from 2 on, −2…+2. Every row has mean 0, so tables are unbiased; the variance is
    /// 0.5 (n = 1) and 0.8 (n ≥ 2), a standard deviation under one unit.
    public static func row(forCount count: Int) -> Row {
        switch count {
        case ..<1: Row(noise: [0], probabilities: [1])
        case 1: Row(noise: [-1, 0, 1], probabilities: [0.25, 0.5, 0.25])
        default: Row(noise: [-2, -1, 0, 1, 2], probabilities: [0.05, 0.2, 0.5, 0.2, 0.05])
        }
    }

    /// The largest noise on a count: the p-table's bound.
    public static let maximumNoise = 2

    /// The noise for a cell of `count` units with cell key `key` in [0, 1).
    public static func noise(count: Int, key: Double) -> Int {
        let row = row(forCount: count)
        var cumulative = 0.0
        for (noise, probability) in zip(row.noise, row.probabilities) {
            cumulative += probability
            if key < cumulative { return noise }
        }
        return row.noise.last ?? 0
    }

    /// The fractional part of the sum of record keys: a cell's key.
    public static func cellKey<Keys: Sequence>(_ recordKeys: Keys) -> Double where Keys.Element == Double {
        let sum = recordKeys.reduce(0, +)
        return sum - sum.rounded(.down)
    }

    /// A perturbed count: the count plus its noise, never negative.
    public static func perturb(count: Int, key: Double) -> Int {
        max(0, count + noise(count: count, key: key))
    }

    /// Noise for a sum of values (a mean's numerator), as a multiple of one unit's whole range:
    /// `key` in [0, 1) maps to [−1, −½) ∪ [½, 1), mean 0, so the difference of two perturbed sums
    /// whose units differ by one carries noise of at least half a unit's range as often as not
    /// and never tells the unit's value exactly.
    public static func magnitudeNoise(key: Double) -> Double {
        key < 0.5 ? -(0.5 + key) : key
    }
}

/// Who forms each cell of a table, for the cell-key method: per group, the units in its base,
/// the units that chose each option, and the numeric values.
public struct CellMembers: Sendable {
    public let key: String
    public let units: [String]
    public let unitsByOption: [String: [String]]
    public let values: [Int]
}

extension SurveyDataset {
    /// The members of the cells of ``distribution(of:filter:groupBy:)``, group by group, in the same order.
    public func cellMembers(of questionID: String, filter: Condition? = nil, groupBy grouping: Grouping? = nil) throws -> [CellMembers] {
        let question = try questionnaire.question(questionID)
        let distribution = try distribution(of: questionID, filter: filter, groupBy: grouping)
        let keys = distribution.groups.map(\.key)
        let indexByKey = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        var units = Array(repeating: [String](), count: keys.count)
        var byOption = Array(repeating: [String: [String]](), count: keys.count)
        var values = Array(repeating: [Int](), count: keys.count)
        for (respondent, answers) in answered where answers[questionID] != nil
            && question.isAsked(given: answers) && (filter?.isSatisfied(by: answers) ?? true) {
            let groupKeys: [String]
            switch grouping {
            case nil: groupKeys = ["all"]
            case .sizeClass: groupKeys = [respondent.sizeClass.rawValue]
            case .kind: groupKeys = [respondent.kind.rawValue]
            case .county: groupKeys = [respondent.countyCode]
            case let .question(id): groupKeys = answers[id].map { Array(Set($0.selectedCodes)) } ?? []
            }
            for key in groupKeys {
                guard let index = indexByKey[key], let value = answers[questionID] else { continue }
                units[index].append(respondent.code)
                for code in Set(value.selectedCodes) { byOption[index][code, default: []].append(respondent.code) }
                if let number = value.numberValue { values[index].append(number) }
            }
        }
        return keys.indices.map { CellMembers(key: keys[$0], units: units[$0], unitsByOption: byOption[$0], values: values[$0]) }
    }
}

extension OptionShare {
    /// A share as published after disclosure control (``CellKey``).
    public static func published(code: String, labelNb: String, labelEn: String, count: Int, share: Double, percent: Int) -> OptionShare {
        OptionShare(code: code, labelNb: labelNb, labelEn: labelEn, count: count, share: share, percent: percent)
    }
}

extension NumericSummary {
    /// A summary as published after disclosure control (``CellKey``).
    public static func published(n: Int, sum: Int, mean: Double, standardDeviation: Double, minimum: Int, maximum: Int) -> NumericSummary {
        NumericSummary(n: n, sum: sum, mean: mean, standardDeviation: standardDeviation, minimum: minimum, maximum: maximum)
    }

    init(n: Int, sum: Int, mean: Double, standardDeviation: Double, minimum: Int, maximum: Int) {
        self.n = n
        self.sum = sum
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.minimum = minimum
        self.maximum = maximum
    }
}

extension DistributionGroup {
    /// A group as published after disclosure control (``CellKey``).
    public static func published(key: String, labelNb: String, labelEn: String, baseN: Int, options: [OptionShare],
                                 summary: NumericSummary?) -> DistributionGroup {
        DistributionGroup(key: key, labelNb: labelNb, labelEn: labelEn, baseN: baseN, options: options, summary: summary)
    }
}
