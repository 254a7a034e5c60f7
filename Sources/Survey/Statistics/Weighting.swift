/// Non-response weights: post-stratification of a wave's respondents to the units of its map.
///
/// Each respondent of stratum h gets w = N_h / m_h (units of the stratum on the map over those
/// that answered), so the weights of a stratum add up to its units and of all respondents to the
/// map's units. Strata: `size_class` (small, medium, large, county) or `size_class_county` (size
/// class × county).
///
/// **Collapsing empty strata.** A stratum with units but no respondents cannot carry its own
/// weight; its units are spread over the nearest coarser stratum that has respondents:
/// - `size_class_county`: an empty (size class, county) cell goes to the same size class in every
///   county (the class's other cells are scaled by N_class / N_covered);
/// - a size class with no respondents at all goes to every respondent (all weights scaled by
///   N / Σw). Each collapse is listed in ``notes``.
public enum WeightScheme: String, Sendable, CaseIterable {
    case none
    case sizeClass = "size_class"
    case sizeClassCounty = "size_class_county"
}

public struct PostStratification: Sendable {
    public let scheme: WeightScheme
    /// Weight per answering respondent's code (1 for every respondent with `none`).
    public let weights: [String: Double]
    /// The collapses made, in words.
    public let notes: [String]

    public init(dataset: SurveyDataset, scheme: WeightScheme) {
        self.scheme = scheme
        var weights: [String: Double] = [:]
        var notes: [String] = []
        let answeredCodes = Set(dataset.answersByRespondent.keys)
        guard scheme != .none else {
            for code in answeredCodes { weights[code] = 1 }
            self.weights = weights
            self.notes = []
            return
        }
        func stratum(_ respondent: Respondent) -> String {
            scheme == .sizeClass ? respondent.sizeClass.rawValue : "\(respondent.sizeClass.rawValue) × \(respondent.countyCode)"
        }
        var units: [String: Int] = [:]
        var answered: [String: Int] = [:]
        var names: [String: String] = [:]
        for respondent in dataset.respondents {
            let h = stratum(respondent)
            units[h, default: 0] += 1
            names[h] = scheme == .sizeClass ? respondent.sizeClass.rawValue : "\(respondent.sizeClass.rawValue) in \(respondent.countyName) (\(respondent.countyCode))"
            if answeredCodes.contains(respondent.code) { answered[h, default: 0] += 1 }
        }
        for respondent in dataset.respondents where answeredCodes.contains(respondent.code) {
            let h = stratum(respondent)
            weights[respondent.code] = Double(units[h] ?? 0) / Double(answered[h] ?? 1)
        }
        if scheme == .sizeClassCounty {
            for sizeClass in SizeClass.allCases {
                let cells = units.keys.filter { $0.hasPrefix(sizeClass.rawValue + " × ") }.sorted()
                let classUnits = cells.reduce(0) { $0 + (units[$1] ?? 0) }
                let covered = cells.filter { (answered[$0] ?? 0) > 0 }.reduce(0) { $0 + (units[$1] ?? 0) }
                guard covered > 0, covered < classUnits else { continue }
                for cell in cells where (answered[cell] ?? 0) == 0 {
                    notes.append("\(names[cell] ?? cell): \(Self.units(units[cell] ?? 0)), no respondents; collapsed into \(sizeClass.rawValue) of every county.")
                }
                let factor = Double(classUnits) / Double(covered)
                for respondent in dataset.respondents where respondent.sizeClass == sizeClass && weights[respondent.code] != nil {
                    weights[respondent.code]! *= factor
                }
            }
        }
        let total = Double(dataset.respondents.count)
        let sum = weights.values.reduce(0, +)
        if sum > 0, sum < total - 1e-9 {
            for sizeClass in SizeClass.allCases {
                let classUnits = dataset.respondents.filter { $0.sizeClass == sizeClass }.count
                let classAnswered = dataset.respondents.filter { $0.sizeClass == sizeClass && answeredCodes.contains($0.code) }.count
                if classUnits > 0, classAnswered == 0 {
                    notes.append("\(sizeClass.rawValue): \(Self.units(classUnits)), no respondents; collapsed into all respondents.")
                }
            }
            for code in weights.keys { weights[code]! *= total / sum }
        }
        self.weights = weights
        self.notes = notes
    }

    private static func units(_ count: Int) -> String { count == 1 ? "1 unit" : "\(count) units" }
}

/// A group's weighted estimates: weighted shares per option (or the weighted mean), Kish's
/// effective sample size n_eff = (Σw)²/Σw² and design effect deff = n / n_eff = 1 + CV²(w).
public struct WeightedGroup: Sendable {
    public let key: String
    public let n: Int
    public let effectiveN: Double
    public let designEffect: Double
    /// Option code -> weighted share (0…1).
    public let shares: [String: Double]
    public let mean: Double?
    /// Weighted standard deviation (divisor n_eff − 1 scaled as the unweighted one, n/(n − 1)).
    public let standardDeviation: Double?
    public let population: FinitePopulation

    /// Wilson with n′ = n_eff / c: the Kish effective size in place of n, with the same finite-population correction.
    public func interval(of code: String, level: Double) -> ConfidenceInterval? {
        guard n > 0, let share = shares[code] else { return nil }
        let correction = population.proportionCorrection(n: n)
        return Interval.wilson(share: share, effectiveN: effectiveN, correction: correction, level: level)
    }

    /// t interval with n − 1 degrees of freedom and the standard error s_w / √n_eff · √(1 − f).
    public func meanInterval(level: Double) -> ConfidenceInterval? {
        guard n >= 2, let mean, let standardDeviation, level > 0, level < 1 else { return nil }
        let t = Quantile.studentT(1 - (1 - level) / 2, degreesOfFreedom: n - 1)
        let half = t * standardDeviation / effectiveN.squareRoot() * max(0, population.meanCorrection).squareRoot()
        return ConfidenceInterval(low: mean - half, high: mean + half)
    }
}

extension Interval {
    /// The Wilson score interval of a share with an effective sample size (weighted estimates) and
    /// a finite-population correction `correction` of the variance; nil when the size is 0.
    public static func wilson(share p: Double, effectiveN: Double, correction: Double, level: Double) -> ConfidenceInterval? {
        guard effectiveN > 0, level > 0, level < 1 else { return nil }
        guard correction > 0 else { return ConfidenceInterval(low: p, high: p) }
        let nEff = effectiveN / correction
        let z = Quantile.normal(1 - (1 - level) / 2)
        let z2 = z * z
        let denominator = 1 + z2 / nEff
        let centre = (p + z2 / (2 * nEff)) / denominator
        let half = z / denominator * (p * (1 - p) / nEff + z2 / (4 * nEff * nEff)).squareRoot()
        return ConfidenceInterval(low: p <= 0 ? 0 : max(0, centre - half), high: p >= 1 ? 1 : min(1, centre + half))
    }
}

extension SurveyDataset {
    /// The weighted counterpart of ``distribution(of:filter:groupBy:)``: the same groups and
    /// bases, each respondent counted with its post-stratification weight.
    public func weightedGroups(of questionID: String, filter: Condition? = nil, groupBy grouping: Grouping? = nil,
                               weights: PostStratification) throws -> [WeightedGroup] {
        let question = try questionnaire.question(questionID)
        if let filter { try questionnaire.validate(filter) }
        let groups = try groupDefinitions(for: grouping)
        let indexByKey = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1.key, $0) })
        var members = Array(repeating: [(weight: Double, answer: AnswerValue)](), count: groups.count)
        for (respondent, answers) in answered where answers[questionID] != nil
            && question.isAsked(given: answers) && (filter?.isSatisfied(by: answers) ?? true) {
            guard let answer = answers[questionID] else { continue }
            let weight = weights.weights[respondent.code] ?? 1
            for key in groupKeys(of: respondent, answers: answers, grouping: grouping) {
                if let index = indexByKey[key] { members[index].append((weight, answer)) }
            }
        }
        let populations = finitePopulations(groups: groups, grouping: grouping)
        return groups.indices.map { index in
            let rows = members[index]
            let sum = rows.reduce(0) { $0 + $1.weight }
            let squares = rows.reduce(0) { $0 + $1.weight * $1.weight }
            let effectiveN = squares > 0 ? sum * sum / squares : 0
            var shares: [String: Double] = [:]
            var mean: Double?
            var sd: Double?
            if question.type.isCategorical {
                for option in question.options {
                    let selected = rows.filter { Set($0.answer.selectedCodes).contains(option.code) }.reduce(0) { $0 + $1.weight }
                    shares[option.code] = sum > 0 ? selected / sum : 0
                }
            } else {
                let values = rows.compactMap { row in row.answer.numberValue.map { (row.weight, Double($0)) } }
                let total = values.reduce(0) { $0 + $1.0 }
                if total > 0 {
                    let m = values.reduce(0) { $0 + $1.0 * $1.1 } / total
                    mean = m
                    let variance = values.reduce(0) { $0 + $1.0 * ($1.1 - m) * ($1.1 - m) } / total
                    sd = values.count > 1 ? (variance * Double(values.count) / Double(values.count - 1)).squareRoot() : 0
                }
            }
            return WeightedGroup(key: groups[index].key, n: rows.count, effectiveN: effectiveN,
                                 designEffect: effectiveN > 0 ? Double(rows.count) / effectiveN : 1,
                                 shares: shares, mean: mean, standardDeviation: sd, population: populations[index])
        }
    }
}
