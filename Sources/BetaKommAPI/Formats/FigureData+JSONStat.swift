import Survey

extension FigureData {
    /// The JSON-stat status of a withheld cell: `:` is what Statistics Norway's API uses for
    /// figures not published for confidentiality.
    static let suppressedStatus = ":"

    /// A JSON-stat 2.0 dataset (https://json-stat.org/full/): dimensions `panel` (question or
    /// series), `group`, `option` and `measure` (percent and count, or mean and n), values in
    /// row-major order with the last dimension fastest, `null` plus a `status` for withheld cells.
    /// JSON-stat labels have one language, `language`; `extension` carries the caption in both.
    /// The interval at `level` is two more categories of the metric dimension, `ci_low` and
    /// `ci_high`, in the unit of the first measure (percent, unrounded; or the mean), so the
    /// document stays a plain JSON-stat dataset any client reads; `extension` names level and method.
    func jsonStat(updated: String, dataVersion: Int, language: Language) -> JSONValue {
        let categorical = panels.first?.table.question.type.isCategorical ?? true
        var optionCodes: [String] = []
        var optionLabels: [String: String] = [:]
        for panel in panels {
            for option in panel.table.question.options where optionLabels[option.code] == nil {
                optionCodes.append(option.code)
                optionLabels[option.code] = language.pick(nb: option.labelNb, en: option.labelEn)
            }
        }
        if !categorical {
            optionCodes = ["value"]
            optionLabels = ["value": language.pick(nb: "Verdi", en: "Value")]
        }
        let measures = categorical ? ["percent", "count", "ci_low", "ci_high"] : ["mean", "n", "ci_low", "ci_high"]
        let percentLevel = BarChartSVG.number(level * 100)
        var measureLabels = categorical
            ? ["percent": language.pick(nb: "Prosent", en: "Percent"), "count": language.pick(nb: "Antall", en: "Count")]
            : ["mean": language.pick(nb: "Gjennomsnitt", en: "Mean"), "n": language.pick(nb: "Antall svar", en: "Number of answers")]
        measureLabels["ci_low"] = language.pick(nb: "Nedre grense, \(percentLevel) % konfidensintervall", en: "Lower limit, \(percentLevel) % confidence interval")
        measureLabels["ci_high"] = language.pick(nb: "Øvre grense, \(percentLevel) % konfidensintervall", en: "Upper limit, \(percentLevel) % confidence interval")
        let grouped = grouping != nil
        let firstGroups = panels.first?.table.groups ?? []
        let groupKeys = firstGroups.map(\.key) + (grouped ? ["all"] : [])
        let groupLabels = Dictionary(firstGroups.map { ($0.key, language.pick(nb: $0.labelNb, en: $0.labelEn)) }
                                     + (grouped ? [("all", language.pick(nb: "Alle", en: "All"))] : []), uniquingKeysWith: { first, _ in first })
        let panelKeys = panels.map { panel in panel.series.map { "\(panel.table.question.id):\($0.code)" } ?? panel.table.question.id }
        let panelLabels = panels.map { panel in
            let question = language.pick(nb: panel.table.question.textNb, en: panel.table.question.labelEn)
            return panel.series.map { "\(question) – \(language.pick(nb: $0.labelNb, en: $0.labelEn))" } ?? question
        }

        var values: [JSONValue] = []
        var status: [(String, JSONValue)] = []
        for panel in panels {
            var groups = panel.table.groups.indices.map { (panel.table.groups[$0], panel.table.isSuppressed(groupAt: $0)) }
            if grouped { groups.append((panel.table.total, panel.table.totalSuppressed)) }
            for (group, suppressed) in groups {
                for code in optionCodes {
                    let option = group.option(code)
                    for measure in measures {
                        if suppressed { status.append((String(values.count), .string(Self.suppressedStatus))) }
                        values.append(suppressed ? .null : Self.cell(measure: measure, option: option, group: group, level: level))
                    }
                }
            }
        }
        func dimension(_ label: String, _ keys: [String], _ labels: [String: String]) -> JSONValue {
            .object([("label", .string(label)), ("category", .object([
                ("index", .object(keys.enumerated().map { ($0.element, .int($0.offset)) })),
                ("label", .object(keys.map { ($0, .string(labels[$0] ?? $0)) })),
            ]))])
        }
        return .object([
            ("version", "2.0"), ("class", "dataset"), ("label", .string(title(language))),
            ("source", "KS FoU / HK Reklamebyrå: BETA.KOMM 2011 (BetaKomm)"), ("updated", .string(updated)),
            ("id", ["panel", "group", "option", "measure"]),
            ("size", .array([panelKeys.count, groupKeys.count, optionCodes.count, measures.count].map(JSONValue.int))),
            ("role", .object([("metric", ["measure"])])),
            ("dimension", .object([
                ("panel", dimension(language.pick(nb: "Spørsmål", en: "Question"), panelKeys,
                                    Dictionary(uniqueKeysWithValues: zip(panelKeys, panelLabels)))),
                ("group", dimension(groupingText.map { language.pick(nb: $0.dimensionNb, en: $0.dimensionEn) } ?? language.pick(nb: "Gruppe", en: "Group"),
                                    groupKeys, groupLabels)),
                ("option", dimension(language.pick(nb: "Svaralternativ", en: "Answer option"), optionCodes, optionLabels)),
                ("measure", dimension(language.pick(nb: "Mål", en: "Measure"), measures, measureLabels)),
            ])),
            ("value", .array(values)),
            ("status", .object(status)),
            ("extension", .object([
                ("data_version", .int(dataVersion)), ("wave", .string(wave.name)), ("n", .int(n)), ("lang", .string(language.rawValue)),
                ("caption_nb", .string(figure.captionNb)), ("caption_en", .string(figure.captionEn)),
                ("level", .double(level)),
                ("interval_method", .string(categorical
                    ? "Wilson score interval with the finite-population correction of the group's units on the wave's map"
                    : "t interval with the finite-population correction of the group's units on the wave's map")),
            ])),
        ])
    }

    private static func cell(measure: String, option: OptionShare?, group: DistributionGroup, level: Double) -> JSONValue {
        switch measure {
        case "percent": option.map { .int($0.percent) } ?? .null
        case "count": option.map { .int($0.count) } ?? .null
        case "mean": group.summary.map { .double($0.mean) } ?? .null
        case "ci_low": .optional(interval(option: option, group: group, level: level)?.low)
        case "ci_high": .optional(interval(option: option, group: group, level: level)?.high)
        default: .int(group.baseN)
        }
    }

    /// An option's interval in percent (the unit of the percent measure), or the mean's.
    private static func interval(option: OptionShare?, group: DistributionGroup, level: Double) -> ConfidenceInterval? {
        guard let option else { return group.meanInterval(level: level) }
        return group.interval(of: option, level: level).map { ConfidenceInterval(low: $0.low * 100, high: $0.high * 100) }
    }
}
