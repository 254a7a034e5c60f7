import Foundation
import Testing

@Suite struct SectionRouteTests {
    private func number(_ json: [String: Any], _ id: String) -> [String: Any]? {
        json.objects("numbers").first { $0.string("id") == id }?.object("total")
    }

    @Test func strategiesHoldFigures1To6AndTheTextsNumbers() throws {
        let app = try TestApplication.shared.get()
        let json = try app.get("/v1/strategies").json()
        #expect(json.objects("figures").compactMap { $0.int("number") } == Array(1...6))
        #expect(number(json, "strategy_share")?.int("percent") == 17)
        #expect(number(json, "guidelines_with_strategy")?.int("percent") == 78)
        #expect(number(json, "guidelines_without_strategy")?.int("percent") == 10)
        let grouped = try app.get("/v1/strategies?by=size_class").json()
        #expect(grouped.string("by") == "size_class")
        #expect(grouped.objects("numbers").first?.objects("groups").count == 4)
        #expect(try app.get("/v1/strategies?by=county").status == 400)
    }

    @Test func channelsHoldFigures10To13And20To25() throws {
        let app = try TestApplication.shared.get()
        let json = try app.get("/v1/channels?wave=2011").json()
        #expect(json.objects("figures").compactMap { $0.int("number") } == Array(10...13) + Array(20...25))
        #expect(number(json, "facebook_share")?.int("percent") == 96)
        #expect(number(json, "official_page")?.int("percent") == 39)
    }

    @Test func bySizeClassBreaksDownEveryFigureOfTheSection() throws {
        let app = try TestApplication.shared.get()
        let plain = try app.get("/v1/channels?wave=2011").json().objects("figures")
        let grouped = try app.get("/v1/channels?wave=2011&by=size_class").json().objects("figures")
        #expect(grouped.count == plain.count)
        // Without `by`, Fig. 10 is as the report prints it: all units in one group.
        let plainTen = try #require(plain.first { $0.int("number") == 10 })
        #expect(plainTen["by"] is NSNull)
        #expect(plainTen.objects("panels").first?.objects("groups").map { $0.string("key") } == ["all"])
        for figure in grouped {
            #expect(figure.string("by") == "size_class", "figure \(figure.int("number") ?? 0)")
            for panel in figure.objects("panels") {
                #expect(panel.objects("groups").compactMap { $0.string("key") } == ["small", "medium", "large", "county"])
            }
        }
        // The size classes of Fig. 10 add up to its total, option by option.
        let ten = try #require(grouped.first { $0.int("number") == 10 }?.objects("panels").first)
        let groups = ten.objects("groups")
        #expect(groups.allSatisfy { $0["suppressed"] as? Bool == false })
        #expect(groups.compactMap { $0.int("base_n") }.reduce(0, +) == ten.object("total")?.int("base_n"))
        for option in ten.object("total")?.objects("options") ?? [] {
            let code = option.string("code")
            let parts = groups.compactMap { $0.objects("options").first { $0.string("code") == code }?.int("count") }
            #expect(parts.count == 4 && parts.reduce(0, +) == option.int("count"), "\(code ?? "")")
        }
        // A figure the report already breaks down by size class is the same either way.
        let twenty = { (figures: [[String: Any]]) in figures.first { $0.int("number") == 20 }?.objects("panels").first?.objects("groups").compactMap { $0.int("base_n") } }
        #expect(twenty(grouped) == twenty(plain))
        let factors = try app.get("/v1/success-factors?by=size_class").json().objects("figures").first
        #expect(factors?.objects("panels").count == 10)
        #expect(factors?.objects("panels").first?.objects("groups").first?.object("summary")?["mean"] is Double)
    }

    @Test func successFactorsHoldTheReportsComparisonsAndTheScoreDistribution() throws {
        let app = try TestApplication.shared.get()
        let json = try app.get("/v1/success-factors").json()
        #expect(json.objects("figures").compactMap { $0.int("number") } == [26])
        #expect(number(json, "enthusiasts_high")?.int("percent") == 91)
        #expect(number(json, "anchored_guidelines_high")?.int("percent") == 67)
        #expect(number(json, "anchored_guidelines_low")?.int("percent") == 15)
        // Line 951, any marketing (all of Fig. 22 above "i svært liten grad"): both as printed.
        #expect(number(json, "marketed_high")?.int("percent") == 48)
        #expect(number(json, "marketed_low")?.int("percent") == 9)
        let scores = try #require(json.object("score_distribution")?.object("total"))
        #expect(scores.int("n") == 274)
        #expect(scores.objects("bands").compactMap { $0.int("count") }.reduce(0, +) == 274)
        #expect(json.object("goal_attainment")?.object("total")?.int("base_n") == 159)
    }
}
