extension FigureData {
    /// The figure as a bar chart: percentages (or means) per option, one bar per group.
    func svg() -> [UInt8] {
        let categorical = panels.first?.table.question.type.isCategorical ?? true
        let series = panels.first.map { panel in panel.table.groups.map(\.labelNb) } ?? []
        var categories: [BarChartSVG.Category] = []
        for panel in panels {
            let groupIndices = Array(panel.table.groups.indices)
            let panelLabel = panel.series.map { "\($0.labelNb)" } ?? panel.table.question.textNb
            for optionIndex in drawnOptions(of: panel) {
                let label: String
                if let optionIndex {
                    let option = panel.table.question.options[optionIndex].labelNb
                    label = panels.count > 1 ? "\(panelLabel): \(option)" : option
                } else {
                    label = panelLabel
                }
                categories.append(BarChartSVG.Category(
                    label: label, values: groupIndices.map { value(panel: panel, groupIndex: $0, optionIndex: optionIndex) }))
            }
        }
        let base = "Base: \(figure.baseTextNb), n=\(n). Bølge \(wave.name)."
        let what = categorical ? "Prosent av dem som svarte." : "Gjennomsnitt."
        return BarChartSVG(
            title: "Figur \(figure.number): \(figure.captionNb)", description: "\(what) \(base)",
            unit: categorical ? " %" : "", series: figure.grouping == nil ? [] : series, categories: categories
        ).render()
    }
}
