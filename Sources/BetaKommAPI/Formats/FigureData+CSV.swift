import Survey

extension FigureData {
    static let csvHeader = [
        "figure", "wave", "question_id", "series", "group", "group_label", "base_n", "option", "option_label",
        "count", "percent", "share", "mean", "standard_deviation", "suppressed", "ci_low", "ci_high", "level",
    ]

    /// One row per group and option (choice questions) or per group (number and scale questions);
    /// grouped figures end each panel with the total as group `all`. Suppressed rows keep their
    /// labels and leave the numbers empty. `language` picks the group and option labels; the
    /// header's column names stay the same in both, so scripts read either. `ci_low`/`ci_high` are
    /// the interval at `level` on the scale of `share` (choice questions) or of `mean`; empty when
    /// suppressed or not defined (see the JSON's `interval_note`).
    func csv(_ writer: CSVWriter, language: Language) -> [UInt8] {
        var rows: [[CSVWriter.Cell]] = []
        for panel in panels {
            var groups = panel.table.groups.indices.map { (panel.table.groups[$0], panel.table.isSuppressed(groupAt: $0)) }
            if panel.table.grouping != nil { groups.append((panel.table.total, panel.table.totalSuppressed)) }
            for (group, suppressed) in groups {
                let lead: [CSVWriter.Cell] = [
                    .integer(figure.number), .text(wave.name), .text(panel.table.question.id), panel.series.map { .text($0.code) } ?? .empty,
                    .text(group.key), .text(language.pick(nb: group.labelNb, en: group.labelEn)), suppressed ? .empty : .integer(group.baseN),
                ]
                let flag: CSVWriter.Cell = .text(suppressed ? "true" : "false")
                func interval(_ value: ConfidenceInterval?) -> [CSVWriter.Cell] {
                    [value.map { .decimal($0.low) } ?? .empty, value.map { .decimal($0.high) } ?? .empty, .decimal(level)]
                }
                guard panel.table.question.type.isCategorical else {
                    let summary = suppressed ? nil : group.summary
                    rows.append(lead + [.empty, .empty, .empty, .empty, .empty,
                                        summary.map { .decimal($0.mean) } ?? .empty,
                                        summary.map { .decimal($0.standardDeviation) } ?? .empty, flag]
                                + interval(suppressed ? nil : group.meanInterval(level: level)))
                    continue
                }
                for option in group.options {
                    rows.append(lead + [
                        .text(option.code), .text(language.pick(nb: option.labelNb, en: option.labelEn)),
                        suppressed ? .empty : .integer(option.count), suppressed ? .empty : .integer(option.percent),
                        suppressed ? .empty : .decimal(option.share), .empty, .empty, flag,
                    ] + interval(suppressed ? nil : group.interval(of: option, level: level)))
                }
            }
        }
        return writer.document(header: Self.csvHeader, rows: rows)
    }
}
