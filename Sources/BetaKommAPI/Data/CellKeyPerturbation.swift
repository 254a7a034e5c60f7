import Survey
import SurveyData

/// Disclosure control for public ad-hoc tables by the cell-key method (``CellKey``,
/// docs/privacy.md): `/v1/statistics/{question}` with an answer filter or grouped by a question,
/// for every caller but staff. The report's figures as published (2011, no filters, the report's
/// own grouping) are not ad hoc and stay exact; staff see exact numbers.
///
/// Record keys: the first 53 bits of SHA-256(secret ‖ "|" ‖ wave ‖ "|" ‖ code) for counts and the
/// next 53 for sums, each a fixed number in [0, 1) per unit and wave, unknowable without the secret
/// (`--cell-key-secret`, `BETAKOMM_CELL_KEY_SECRET`).
struct CellKeyPerturbation: Sendable {
    private let secret: [UInt8]

    init(secret: String) {
        self.secret = Array(secret.utf8)
    }

    /// Whether a table asked by `role` with these filters and grouping is perturbed.
    static func applies(role: Role, filtered: Bool, grouping: Grouping?) -> Bool {
        guard role != .staff else { return false }
        if filtered { return true }
        if case .question = grouping { return true }
        return false
    }

    /// The unit's record keys in a wave: (count key, magnitude key), each in [0, 1).
    func recordKeys(code: String, wave: Int) -> (count: Double, magnitude: Double) {
        let digest = Digest.sha256(secret + Array("|\(wave)|\(code)".utf8))
        func fraction(_ bytes: ArraySlice<UInt8>) -> Double {
            let bits = bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } >> 11
            return Double(bits) / Double(UInt64(1) << 53)
        }
        return (fraction(digest[0..<8]), fraction(digest[8..<16]))
    }

    /// The cell key of a set of units within a table whose base is `base` (summed in code order so
    /// the same sets always give the same key). The base's keys (the other channel) are added so
    /// that two tables whose bases differ by a unit perturb **every** cell afresh: otherwise the
    /// cells without that unit would repeat exactly and the one cell that changed would name it.
    func cellKey(_ units: [String], base: [String], wave: Int, magnitude: Bool = false) -> Double {
        let own = units.sorted().map { magnitude ? recordKeys(code: $0, wave: wave).magnitude : recordKeys(code: $0, wave: wave).count }
        let table = base.sorted().map { magnitude ? recordKeys(code: $0, wave: wave).count : recordKeys(code: $0, wave: wave).magnitude }
        return CellKey.cellKey(own + table)
    }

    /// One group with its base and option counts perturbed, percentages and shares recomputed
    /// from the perturbed counts, and a mean's sum perturbed by up to one unit's range.
    func perturb(_ group: DistributionGroup, members: CellMembers, tableBase: [String], question: Question, wave: Int) -> DistributionGroup {
        let base = CellKey.perturb(count: group.baseN, key: cellKey(members.units, base: tableBase, wave: wave))
        let options = group.options.map { option in
            let units = members.unitsByOption[option.code] ?? []
            let count = min(base, CellKey.perturb(count: option.count, key: cellKey(units, base: tableBase, wave: wave)))
            return OptionShare.published(code: option.code, labelNb: option.labelNb, labelEn: option.labelEn, count: count,
                                         share: base > 0 ? Double(count) / Double(base) : 0, percent: Percent.roundHalfUp(count, of: base))
        }
        var summary: NumericSummary?
        if let exact = group.summary {
            // One unit's reach: the largest value in the cell, within the question's bounds.
            let largest = max(1, members.values.map(abs).max() ?? 1)
            let bounds = question.minimum.flatMap { low in question.maximum.map { $0 - low } } ?? largest
            let range = Double(min(largest, bounds))
            let noise = CellKey.magnitudeNoise(key: cellKey(members.units, base: tableBase, wave: wave, magnitude: true)) * range
            let n = max(1, base)
            let sum = Double(exact.sum) + noise
            summary = .published(n: base, sum: Int(sum.rounded()), mean: sum / Double(n),
                                 standardDeviation: (exact.standardDeviation * 10).rounded() / 10, minimum: exact.minimum, maximum: exact.maximum)
        }
        return .published(key: group.key, labelNb: group.labelNb, labelEn: group.labelEn, baseN: base, options: options, summary: summary)
    }
}

extension StatisticTable {
    /// Perturbs every published cell of the table by the cell-key method (suppression decided on
    /// the exact counts stays as it was).
    mutating func applyCellKey(_ perturbation: CellKeyPerturbation, dataset: SurveyDataset, filter: Condition?, wave: Int) throws {
        guard let totalMembers = try dataset.cellMembers(of: question.id, filter: filter).first else { return }
        let base = totalMembers.units
        total = perturbation.perturb(total, members: totalMembers, tableBase: base, question: question, wave: wave)
        if grouping == nil {
            groups = [total]
        } else {
            let members = try dataset.cellMembers(of: question.id, filter: filter, groupBy: grouping)
            groups = zip(groups, members).map { perturbation.perturb($0, members: $1, tableBase: base, question: question, wave: wave) }
        }
    }
}
