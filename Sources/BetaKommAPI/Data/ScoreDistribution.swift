import Survey

/// How respondents' success-factor scores (criteria met, in percent of applicable) are spread:
/// counts per band of 25 points and the mean, overall and per size class.
struct ScoreDistribution: Sendable {
    static let bands = [(key: "0-24", range: 0...24), (key: "25-49", range: 25...49), (key: "50-74", range: 50...74), (key: "75-100", range: 75...100)]

    let json: JSONValue

    init(snapshot: DataSnapshot, wave: WaveSelection, grouping: Grouping?, minimumCellSize: Int?) throws {
        let scores = Array(try snapshot.waveData(wave).scores.values.map(\.score))
        let keys: [(String, [SuccessScore])] = grouping == nil
            ? [("all", scores)]
            : SizeClass.allCases.map { size in (size.rawValue, scores.filter { $0.sizeClass == size }) }
        let decision = minimumCellSize.map {
            Suppression.decide(baseNs: keys.map(\.1.count), total: grouping == nil ? nil : scores.count, minimumCellSize: $0)
        } ?? .none
        let totalSuppressed = grouping == nil ? decision.groups.contains(0) : decision.total
        func cell(_ key: String, _ scores: [SuccessScore], suppressed: Bool) -> JSONValue {
            let mean = scores.isEmpty ? nil : Double(scores.map(\.percent).reduce(0, +)) / Double(scores.count)
            return .object([
                ("key", .string(key)), ("suppressed", .bool(suppressed)), ("n", suppressed ? .null : .int(scores.count)),
                ("mean_percent", suppressed ? .null : .optional(mean)),
                ("bands", .array(Self.bands.map { band in
                    .object([("band", .string(band.key)),
                             ("count", suppressed ? .null : .int(scores.filter { band.range.contains($0.percent) }.count))])
                })),
            ])
        }
        json = .object([
            ("criteria", .array(SuccessCriterion.allCases.map { .string($0.rawValue) })),
            ("total", cell("all", scores, suppressed: totalSuppressed)),
            ("groups", .array(keys.indices.map { cell(keys[$0].0, keys[$0].1, suppressed: decision.groups.contains($0)) })),
        ])
    }
}
