import Foundation
import Testing

/// Every figure of wave 2011 as served equals the report: its base n and every printed
/// percentage and mean of `Data/report-numbers.json` that belongs to one of its questions
/// (where the report contradicts itself, the value `Data/report-contradictions.json` holds).
@Suite struct ReportFigureTests {
    struct ReportNumber {
        let id: String
        let value: Int
        let spec: [String: Any]
        let group: [String: Any]?
    }

    static func reportNumbers() throws -> [ReportNumber] {
        let data = TestApplication.repository.appendingPathComponent("Data")
        let numbers = try JSONSerialization.jsonObject(with: Data(contentsOf: data.appendingPathComponent("report-numbers.json"))) as? [String: Any]
        let contradictions = try JSONSerialization.jsonObject(with: Data(contentsOf: data.appendingPathComponent("report-contradictions.json"))) as? [String: Any]
        var held: [String: Int] = [:]
        for entry in contradictions?.objects("contradictions") ?? [] {
            if let id = entry.string("id"), let value = entry.int("held") { held[id] = value }
        }
        return (numbers?.objects("numbers") ?? []).compactMap { entry in
            guard let id = entry.string("id"), let value = entry.int("value"), let spec = entry.object("spec") else { return nil }
            return ReportNumber(id: id, value: held[id] ?? value, spec: spec, group: entry.object("group"))
        }
    }

    @Test func everyFigureOfWave2011MatchesTheReport() throws {
        let app = try TestApplication.shared.get()
        let numbers = try Self.reportNumbers()
        var checked = 0
        for number in 1...26 {
            let figure = try #require(try app.get("/v1/figures/\(number)?wave=2011").json().object("figure"))
            #expect(figure.string("wave") == "2011")
            if let base = numbers.first(where: { $0.id == "fig\(number)_base" }) {
                #expect(figure.int("n") == base.value, "figure \(number) base")
                checked += 1
            }
            for panel in figure.objects("panels") where panel.isNull("series") {
                let questionID = panel.object("question")?.string("id")
                for reported in numbers where reported.spec.string("question") == questionID && reported.spec["filter"] == nil {
                    let key = reported.group?.string("by") == "size_class" ? reported.group?.string("key") : (reported.group == nil ? "all" : nil)
                    // A size-class number belongs to the figure only when the figure is drawn by size class.
                    guard let key, key == "all" || figure.string("by") == "size_class" else { continue }
                    let group = key == "all" ? panel.object("total") : panel.objects("groups").first { $0.string("key") == key }
                    let served = try #require(group, "figure \(number) group \(key)")
                    switch reported.spec.string("stat") {
                    case "percent":
                        let codes = reported.spec["options"] as? [String] ?? []
                        let options = served.objects("options").filter { codes.contains($0.string("code") ?? "") }
                        guard options.count == codes.count, panel.object("question")?.string("type") == "single" || codes.count == 1 else { continue }
                        // For a single choice, the share of several options is their summed count over the base.
                        let count = options.compactMap { $0.int("count") }.reduce(0, +)
                        let n = try #require(served.int("base_n"))
                        #expect((200 * count + n) / (2 * n) == reported.value, "\(reported.id) in figure \(number)")
                        if codes.count == 1 { #expect(options[0].int("percent") == reported.value, "\(reported.id)") }
                        checked += 1
                    case "mean":
                        let mean = try #require(served.object("summary")?.double("mean"))
                        #expect(Int((mean + 0.5).rounded(.down)) == reported.value, "\(reported.id)")
                        checked += 1
                    default:
                        continue
                    }
                }
            }
        }
        // 26 bases plus the percentages and means the text gives for figure questions.
        #expect(checked >= 60, "checked \(checked)")
    }

    @Test func theListHasAll26FiguresWithLinks() throws {
        let app = try TestApplication.shared.get()
        let figures = try app.get("/v1/figures").json().objects("figures")
        #expect(figures.compactMap { $0.int("number") } == Array(1...26))
        #expect(figures[6].object("links")?.string("svg") == "/v1/figures/7.svg")
        #expect(figures[1].string("statistic") == "percent_yes")
    }
}
