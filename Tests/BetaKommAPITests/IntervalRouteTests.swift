import Foundation
import Testing

/// `ci_low`/`ci_high` and `level=` on `/v1/statistics` and `/v1/figures` (the arithmetic itself:
/// `Tests/SurveyTests/IntervalTests.swift`; against statsmodels: `ReferenceIntervalTests`).
@Suite struct IntervalRouteTests {
    @Test func everyShareHasAnIntervalAroundIt() throws {
        let app = try TestApplication.shared.get()
        let json = try app.get("/v1/statistics/has_strategy").json()
        #expect(json.double("level") == 0.95)
        let total = try #require(json.object("total"))
        #expect(total.object("population")?.int("units") == 449)
        #expect(total.object("population")?.int("answered") == 274)
        #expect(total.isNull("interval_note"))
        for option in total.objects("options") {
            let share = try #require(option.double("share"))
            let low = try #require(option.double("ci_low"))
            let high = try #require(option.double("ci_high"))
            #expect(low <= share && share <= high && low >= 0 && high <= 1)
        }
    }

    @Test func aHigherLevelIsWider() throws {
        let app = try TestApplication.shared.get()
        func width(_ level: String) throws -> Double {
            let figure = try #require(try app.get("/v1/figures/5?level=\(level)").json().object("figure"))
            let option = try #require(figure.objects("panels").first?.object("total")?.objects("options").first)
            return (option.double("ci_high") ?? 0) - (option.double("ci_low") ?? 0)
        }
        #expect(try width("0.9") < width("0.95"))
        #expect(try width("0.95") < width("0.99"))
    }

    @Test func meansHaveATInterval() throws {
        let app = try TestApplication.shared.get()
        let summary = try #require(try app.get("/v1/statistics/facebook_fans").json().object("total")?.object("summary"))
        let mean = try #require(summary.double("mean"))
        #expect((summary.double("ci_low") ?? .infinity) < mean && mean < (summary.double("ci_high") ?? -.infinity))
    }

    @Test func suppressedAndEmptyGroupsHaveNullIntervalsWithTheReason() throws {
        let app = try TestApplication.shared.get()
        let response = try app.get("/v1/statistics/strategy_participants?by=county")
        #expect(!response.text.contains("NaN"))
        let json = try response.json()
        var sawSuppressed = false
        for group in json.objects("groups") {
            let suppressed = group["suppressed"] as? Bool ?? false
            if suppressed || group.int("base_n") == 0 {
                #expect(group.objects("options").allSatisfy { $0.isNull("ci_low") && $0.isNull("ci_high") })
                #expect(group.string("interval_note") != nil)
            }
            if suppressed {
                sawSuppressed = true
                #expect(group.isNull("population"))
            }
        }
        #expect(sawSuppressed)
    }

    @Test func aLevelOutsideZeroToOneIsRefusedByName() throws {
        let app = try TestApplication.shared.get()
        for target in ["/v1/statistics/channels?level=1", "/v1/statistics/channels?level=0", "/v1/statistics/channels?level=95",
                       "/v1/figures/7?level=-0.5", "/v1/figures/7?level=abc", "/v1/figures/7.svg?level=nan", "/v1/figures/7?format=csv&level=1.5"] {
            let response = try app.get(target)
            #expect(response.status == 400, "\(target)")
            #expect(try response.json().objects("errors").first?.string("parameter") == "level", "\(target)")
        }
    }

    @Test func csvJSONStatAndSVGCarryTheIntervals() throws {
        let app = try TestApplication.shared.get()
        let figure = try #require(try app.get("/v1/figures/7").json().object("figure"))
        let small = try #require(figure.objects("panels").first?.objects("groups").first { $0.string("key") == "small" })
        let yes = try #require(small.objects("options").first { $0.string("code") == "yes" })
        let low = try #require(yes.double("ci_low")), high = try #require(yes.double("ci_high"))

        let lines = try app.get("/v1/figures/7?format=csv").text.components(separatedBy: "\r\n")
        #expect(lines[0].hasSuffix(",suppressed,ci_low,ci_high,level"))
        let row = try #require(lines.first { $0.contains(",small,") && $0.contains(",yes,") })
        let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(abs((Double(cells[15]) ?? -1) - low) < 1e-4 && abs((Double(cells[16]) ?? -1) - high) < 1e-4 && cells[17] == "0.95")

        // JSON-stat: two more categories of the metric dimension, in percent; the document stays valid.
        let stat = try app.get("/v1/figures/7?format=jsonstat").json()
        let measure = try #require(stat.object("dimension")?.object("measure")?.object("category")?.object("index"))
        #expect(measure.int("ci_low") == 2 && measure.int("ci_high") == 3)
        let values = stat["value"] as? [Any] ?? []
        #expect(values.count == (stat["size"] as? [Int] ?? []).reduce(1, *))
        // small (group 0), yes (option 0): measures percent, count, ci_low, ci_high.
        #expect(abs(((values[2] as? NSNumber)?.doubleValue ?? -1) - low * 100) < 1e-9)
        #expect(abs(((values[3] as? NSNumber)?.doubleValue ?? -1) - high * 100) < 1e-9)
        #expect(stat.object("extension")?.double("level") == 0.95)

        // The chart draws a whisker per bar, its limits in the tooltip.
        let svg = try app.get("/v1/figures/7.svg?level=0.9").text
        #expect(svg.contains("class=\"ci\""))
        #expect(svg.contains("Streken viser 90 % konfidensintervall."))
    }

    /// Post-stratification by size class: the weighted share of all units is the units-weighted
    /// mean of the size classes' shares, Σ (N_h/N) p_h, and Kish's n_eff = N² / Σ N_h²/m_h.
    @Test func weightsBySizeClassPostStratifyToTheMap() throws {
        let app = try TestApplication.shared.get()
        let response = try app.get("/v1/statistics/uses_social_media?by=size_class&weights=size_class")
        #expect(response.status == 200)
        let spec = SchemaValidator(document: try app.get("/openapi.json").json())
        let problems = spec.validate(try JSONSerialization.jsonObject(with: Data(response.body)), against: ["$ref": "#/components/schemas/Statistic"])
        #expect(problems.isEmpty, "\(problems)")
        let json = try response.json()
        #expect(json.string("weights") == "size_class")
        var expected = 0.0, squares = 0.0, units = 0.0
        for group in json.objects("groups") {
            let population = try #require(group.object("population"))
            let big = Double(population.int("units") ?? 0), small = Double(population.int("answered") ?? 1)
            let yes = try #require(group.objects("options").first { $0.string("code") == "yes" })
            expected += big * (yes.double("share") ?? 0)
            squares += big * big / small
            units += big
            // Within a stratum every weight is equal: weighted = unweighted, design effect 1.
            #expect(abs((yes.double("weighted_share") ?? -1) - (yes.double("share") ?? 0)) < 1e-12)
            #expect(abs((group.object("weighted")?.double("design_effect") ?? 0) - 1) < 1e-12)
        }
        let total = try #require(json.object("total"))
        let yes = try #require(total.objects("options").first { $0.string("code") == "yes" })
        #expect(abs((yes.double("weighted_share") ?? -1) - expected / units) < 1e-12)
        let effectiveN = units * units / squares
        #expect(abs((total.object("weighted")?.double("effective_n") ?? -1) - effectiveN) < 1e-9)
        #expect(abs((total.object("weighted")?.double("design_effect") ?? -1) - 274 / effectiveN) < 1e-12)
        let low = try #require(yes.double("weighted_ci_low")), high = try #require(yes.double("weighted_ci_high"))
        #expect(low < expected / units && expected / units < high)
        // Unweighted by default: no weighted members at all.
        let plain = try app.get("/v1/statistics/uses_social_media").json()
        #expect(plain["weights"] == nil && plain.object("total")?["weighted"] == nil)
    }

    @Test func emptyCountyCellsCollapseIntoTheirSizeClass() throws {
        let app = try TestApplication.shared.get()
        let response = try app.get("/v1/figures/1?weights=size_class_county")
        #expect(response.status == 200)
        let figure = try #require(try response.json().object("figure"))
        #expect(figure.string("weights") == "size_class_county")
        let notes = (figure["weight_notes"] as? [String]) ?? []
        #expect(notes.allSatisfy { $0.contains("collapsed into") })
        let total = try #require(figure.objects("panels").first?.object("total"))
        #expect(total.objects("options").allSatisfy { $0.double("weighted_share") != nil && $0.double("weighted_ci_low") != nil })
        #expect(!response.text.contains("NaN"))
    }

    @Test func unknownWeightsAreRefusedByName() throws {
        let app = try TestApplication.shared.get()
        for target in ["/v1/statistics/channels?weights=population", "/v1/figures/7?weights=raking", "/v1/figures/7?format=csv&weights=size_class",
                       "/v1/figures/7.svg?weights=size_class"] {
            let response = try app.get(target)
            #expect(response.status == 400, "\(target)")
            #expect(try response.json().objects("errors").first?.string("parameter") == "weights", "\(target)")
        }
    }
}
