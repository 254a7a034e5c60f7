/// Rounding as the report prints percentages: to whole percent, halves up.
public enum Percent {
    /// `count / n` in whole percent, rounded half up with integer arithmetic (no binary-fraction surprises).
    public static func roundHalfUp(_ count: Int, of n: Int) -> Int {
        guard n > 0 else { return 0 }
        return (200 * count + n) / (2 * n)
    }

    /// A real value rounded half up to a whole number.
    public static func roundHalfUp(_ value: Double) -> Int {
        Int((value + 0.5).rounded(.down))
    }
}

/// Count and share of one option within a group's base.
public struct OptionShare: Sendable, Hashable {
    public let code: String
    public let labelNb: String
    public let labelEn: String
    public let count: Int
    /// Unrounded share of the base (0…1); for multiple choice the shares may sum to more than 1.
    public let share: Double
    /// Share in whole percent, rounded half up as the report prints it.
    public let percent: Int
}

/// Mean and spread of a number or scale question within a group's base.
public struct NumericSummary: Sendable, Hashable {
    public let n: Int
    public let sum: Int
    public let mean: Double
    /// Sample standard deviation (n − 1); 0 when n < 2.
    public let standardDeviation: Double
    public let minimum: Int
    public let maximum: Int

    init?(values: [Int]) {
        guard let minimum = values.min(), let maximum = values.max() else { return nil }
        let sum = values.reduce(0, +)
        let mean = Double(sum) / Double(values.count)
        let squares = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) }
        self.n = values.count
        self.sum = sum
        self.mean = mean
        self.standardDeviation = values.count > 1 ? (squares / Double(values.count - 1)).squareRoot() : 0
        self.minimum = minimum
        self.maximum = maximum
    }
}

/// One group (a size class, a county, an option of another question, or `all`) of a distribution.
public struct DistributionGroup: Sendable, Hashable {
    /// Group key: `all`, a size class, kind, county code or option code.
    public let key: String
    public let labelNb: String
    public let labelEn: String
    /// Respondents in the question's base (and filter and group) who answered it.
    public let baseN: Int
    /// Per option, in questionnaire order (empty for number/scale questions).
    public let options: [OptionShare]
    /// For number/scale questions; nil for choice questions or an empty group.
    public let summary: NumericSummary?
    /// The units of the group on the wave's map and how many of them answered the wave (for a
    /// group that is an option of another question: the whole map's), for finite-population
    /// corrections of intervals.
    public let population: FinitePopulation

    public init(key: String, labelNb: String, labelEn: String, baseN: Int, options: [OptionShare], summary: NumericSummary?,
                population: FinitePopulation = .infinite) {
        self.key = key
        self.labelNb = labelNb
        self.labelEn = labelEn
        self.baseN = baseN
        self.options = options
        self.summary = summary
        self.population = population
    }

    /// The Wilson interval (with the finite-population correction) of an option's share; nil for an empty base.
    public func interval(of option: OptionShare, level: Double) -> ConfidenceInterval? {
        Interval.wilson(count: option.count, n: baseN, level: level, population: population)
    }

    /// The t interval (with the finite-population correction) of the mean; nil with fewer than two values.
    public func meanInterval(level: Double) -> ConfidenceInterval? {
        guard let summary else { return nil }
        return Interval.mean(summary.mean, standardDeviation: summary.standardDeviation, n: summary.n, level: level, population: population)
    }

    /// The share of one option.
    public func option(_ code: String) -> OptionShare? { options.first { $0.code == code } }
}

/// A question's answers over its base, optionally filtered and grouped.
public struct Distribution: Sendable, Hashable {
    public let questionID: String
    public let grouping: Grouping?
    public let groups: [DistributionGroup]

    /// The group with this key (`all` when ungrouped).
    public func group(_ key: String) -> DistributionGroup? { groups.first { $0.key == key } }
}

/// How many respondents in a population meet a condition.
public struct Proportion: Sendable, Hashable {
    public let count: Int
    public let n: Int

    public init(count: Int, n: Int) {
        self.count = count
        self.n = n
    }
    public var share: Double { n > 0 ? Double(count) / Double(n) : 0 }
    public var percent: Int { Percent.roundHalfUp(count, of: n) }
}
