import Survey

extension FigureData {
    /// The figure as a bar chart: percentages (or means) per option, one bar per group, every
    /// text in `language` (the option and group labels of the questionnaire, the figure's caption).
    func svg(_ language: Language) -> [UInt8] {
        let categorical = panels.first?.table.question.type.isCategorical ?? true
        let series = panels.first.map { panel in panel.table.groups.map { language.pick(nb: $0.labelNb, en: $0.labelEn) } } ?? []
        var categories: [BarChartSVG.Category] = []
        for panel in panels {
            let groupIndices = Array(panel.table.groups.indices)
            let question = panel.table.question
            let panelLabel = panel.series.map { language.pick(nb: $0.labelNb, en: $0.labelEn) } ?? language.pick(nb: question.textNb, en: question.labelEn)
            for optionIndex in drawnOptions(of: panel) {
                let label: String
                if let optionIndex {
                    let option = language.pick(nb: question.options[optionIndex].labelNb, en: question.options[optionIndex].labelEn)
                    label = panels.count > 1 ? "\(panelLabel): \(option)" : option
                } else {
                    label = panelLabel
                }
                categories.append(BarChartSVG.Category(
                    label: label, values: groupIndices.map { value(panel: panel, groupIndex: $0, optionIndex: optionIndex) },
                    intervals: groupIndices.map { interval(panel: panel, groupIndex: $0, optionIndex: optionIndex) }))
            }
        }
        let base = language.pick(nb: "Base: \(figure.baseTextNb), n=\(n). Bølge \(wave.name).",
                                 en: "Base: \(figure.baseTextEn), n=\(n). Wave \(wave.name).")
        let percentLevel = BarChartSVG.number(level * 100)
        let what = categorical ? language.pick(nb: "Prosent av dem som svarte.", en: "Percent of those who answered.")
                               : language.pick(nb: "Gjennomsnitt.", en: "Mean.")
        let whisker = language.pick(nb: "Streken viser \(percentLevel) % konfidensintervall.", en: "The whisker shows the \(percentLevel) % confidence interval.")
        return BarChartSVG(
            language: language, title: title(language), description: "\(what) \(base) \(whisker)",
            unit: categorical ? " %" : "", series: grouping == nil ? [] : series, categories: categories
        ).render()
    }
}
