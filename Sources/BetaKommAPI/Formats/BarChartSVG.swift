import Foundation
import Survey

/// A self-contained horizontal bar chart as SVG 1.1: categories down the side, one bar per series
/// (group) in each, value labels, an axis with ticks, a legend when there are several series,
/// and `<title>`/`<desc>` for screen readers, in one language (`xml:lang`). No scripts, fonts or
/// other external references.
struct BarChartSVG: Sendable {
    struct Category: Sendable {
        let label: String
        /// One value per series; `nil` is drawn as a withheld (suppressed) value.
        let values: [Double?]
        /// Per series, the confidence interval drawn as a whisker across the bar's end (none when empty or `nil`).
        var intervals: [ConfidenceInterval?] = []
    }

    /// The language of every text, declared on the root as `xml:lang` (a core attribute of SVG 1.1) for screen readers.
    let language: Language
    let title: String
    let description: String
    /// The unit after each value label, e.g. ` %`; empty for means.
    let unit: String
    let series: [String]
    let categories: [Category]

    private static let width = 880.0
    private static let labelWidth = 330.0
    private static let barArea = 440.0
    private static let barHeight = 14.0
    private static let palette = ["#1f5f8b", "#e07b39", "#5b9a47", "#8c5fa8", "#c9a227", "#7a7a7a"]

    func render() -> [UInt8] {
        let legendHeight = series.count > 1 ? 22.0 * Double((series.count + 1) / 2) : 0
        let top = 56.0 + legendHeight
        let blockHeight = Double(max(series.count, 1)) * (Self.barHeight + 2) + 12
        let height = top + blockHeight * Double(categories.count) + 40
        let maximum = max(categories.flatMap { $0.values.compactMap { $0 } + $0.intervals.compactMap { $0?.high } }.max() ?? 0, unit.isEmpty ? 1 : 100)
        let scale = Self.barArea / Self.niceCeiling(maximum)
        let x0 = Self.labelWidth + 10

        var svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(Self.width))" height="\(Int(height))" viewBox="0 0 \(Int(Self.width)) \(Int(height))" role="img" aria-labelledby="chart-title chart-desc" xml:lang="\(language.rawValue)" font-family="sans-serif" font-size="12">
        <title id="chart-title">\(Self.escape(title))</title>
        <desc id="chart-desc">\(Self.escape(description))</desc>
        <rect width="100%" height="100%" fill="#ffffff"/>
        <text x="10" y="22" font-size="14" font-weight="bold">\(Self.escape(Self.shortened(title, to: 120)))</text>

        """
        for (index, name) in series.enumerated() where series.count > 1 {
            let x = 10 + Double(index % 2) * 430, y = 40 + Double(index / 2) * 22
            svg += "<rect x=\"\(Self.coordinate(x))\" y=\"\(Self.coordinate(y))\" width=\"12\" height=\"12\" fill=\"\(Self.color(index))\"/>"
            svg += "<text x=\"\(Self.coordinate(x + 18))\" y=\"\(Self.coordinate(y + 10))\">\(Self.escape(name))</text>\n"
        }
        let axisY = top + blockHeight * Double(categories.count)
        let ceiling = Self.niceCeiling(maximum)
        for step in 0...4 {
            let value = ceiling * Double(step) / 4
            let x = x0 + value * scale
            svg += "<line x1=\"\(Self.coordinate(x))\" y1=\"\(Self.coordinate(top - 4))\" x2=\"\(Self.coordinate(x))\" y2=\"\(Self.coordinate(axisY))\" stroke=\"#dddddd\"/>"
            svg += "<text x=\"\(Self.coordinate(x))\" y=\"\(Self.coordinate(axisY + 16))\" text-anchor=\"middle\">\(Self.number(value))\(Self.escape(unit))</text>\n"
        }
        svg += "<line x1=\"\(Self.coordinate(x0))\" y1=\"\(Self.coordinate(axisY))\" x2=\"\(Self.coordinate(x0 + Self.barArea))\" y2=\"\(Self.coordinate(axisY))\" stroke=\"#333333\"/>\n"
        for (row, category) in categories.enumerated() {
            let y = top + blockHeight * Double(row)
            svg += "<text x=\"\(Self.coordinate(Self.labelWidth))\" y=\"\(Self.coordinate(y + blockHeight / 2))\" text-anchor=\"end\">\(Self.escape(Self.shortened(category.label, to: 52)))</text>\n"
            for (index, value) in category.values.enumerated() {
                let barY = y + Double(index) * (Self.barHeight + 2)
                guard let value else {
                    svg += "<text x=\"\(Self.coordinate(x0 + 4))\" y=\"\(Self.coordinate(barY + 11))\" fill=\"#555555\">\(Self.escape(withheld))</text>\n"
                    continue
                }
                let name = series.indices.contains(index) ? series[index] + ": " : ""
                svg += "<rect x=\"\(Self.coordinate(x0))\" y=\"\(Self.coordinate(barY))\" width=\"\(Self.coordinate(value * scale))\" height=\"\(Self.barHeight)\" fill=\"\(Self.color(index))\">"
                svg += "<title>\(Self.escape(name + category.label + ": " + Self.number(value) + unit))</title></rect>"
                var labelX = x0 + value * scale + 4
                if category.intervals.indices.contains(index), let interval = category.intervals[index] {
                    let low = x0 + max(0, interval.low) * scale, high = x0 + interval.high * scale, middle = barY + Self.barHeight / 2
                    svg += "<path class=\"ci\" d=\"M\(Self.coordinate(low)) \(Self.coordinate(middle))H\(Self.coordinate(high))"
                    svg += "M\(Self.coordinate(low)) \(Self.coordinate(barY + 3))V\(Self.coordinate(barY + Self.barHeight - 3))"
                    svg += "M\(Self.coordinate(high)) \(Self.coordinate(barY + 3))V\(Self.coordinate(barY + Self.barHeight - 3))\" stroke=\"#222222\" stroke-width=\"1.2\" fill=\"none\">"
                    svg += "<title>\(Self.escape(intervalText(interval)))</title></path>"
                    labelX = max(labelX, high + 4)
                }
                svg += "<text x=\"\(Self.coordinate(labelX))\" y=\"\(Self.coordinate(barY + 11))\">\(Self.number(value))\(Self.escape(unit))</text>\n"
            }
        }
        svg += "</svg>\n"
        return Array(svg.utf8)
    }

    /// The whisker's tooltip: the interval's limits to one decimal.
    private func intervalText(_ interval: ConfidenceInterval) -> String {
        let limits = String(format: "%.1f", interval.low) + unit + " – " + String(format: "%.1f", interval.high) + unit
        return language.pick(nb: "Konfidensintervall: ", en: "Confidence interval: ") + limits
    }

    /// What a withheld (suppressed) bar reads instead of a number.
    private var withheld: String {
        language.pick(nb: "… (skjult, for få svar)", en: "… (withheld, too few answers)")
    }

    /// A coordinate with at most one decimal, so the document stays small and readable.
    private static func coordinate(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    private static func color(_ index: Int) -> String { palette[index % palette.count] }

    private static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        for factor in [1.0, 2, 2.5, 5, 10] where factor * magnitude >= value { return factor * magnitude }
        return 10 * magnitude
    }

    private static func shortened(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }

    /// XML character escaping (XML 1.0 §2.4) for text and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
