import Foundation
import Testing

@Suite struct SuppressionRouteTests {
    /// Checks a served table: suppressed groups withhold every number, and no row can be
    /// recovered from the total (never exactly one suppressed non-empty group under a shown total).
    private func checkTable(_ json: [String: Any], minimum: Int) -> (suppressed: Int, shown: Int) {
        let groups = json.objects("groups")
        var suppressed = 0, shown = 0
        for group in groups {
            if group["suppressed"] as? Bool == true {
                suppressed += 1
                #expect(group.isNull("base_n"))
                #expect(group.objects("options").allSatisfy { $0.isNull("count") && $0.isNull("percent") && $0.isNull("share") })
                #expect(group.isNull("summary"))
            } else {
                shown += 1
                let n = group.int("base_n") ?? 0
                #expect(n == 0 || n >= minimum, "\(group.string("key") ?? "") has n=\(n)")
            }
        }
        if json.object("total")?["suppressed"] as? Bool == false {
            #expect(suppressed != 1, "a single suppressed group under a shown total can be recovered")
        }
        return (suppressed, shown)
    }

    @Test func aCrosstabByCountyIsSuppressedPublicly() throws {
        let app = try TestApplication.shared.get()
        let json = try app.get("/v1/statistics/has_strategy?by=county&uses_social_media=yes").json()
        let (suppressed, shown) = checkTable(json, minimum: 3)
        #expect(suppressed >= 2)
        #expect(shown >= 5)
        #expect(json.int("minimum_cell_size") == 3)
    }

    @Test func secondarySuppressionHoldsAcrossManyTables() throws {
        let app = try TestApplication.shared.get()
        let open = try TestApplication(minimumCellSize: 1)
        var sawSecondary = false
        for target in ["/v1/statistics/has_strategy?by=county", "/v1/statistics/channels?by=county", "/v1/statistics/strategy_known?by=size_class",
                       "/v1/statistics/facebook_fans?by=county", "/v1/statistics/goal_attainment?by=county&has_strategy=yes",
                       "/v1/statistics/strategy_participants?by=kind", "/v1/statistics/facebook_marketing?by=kind",
                       "/v1/statistics/guidelines_anchoring?by=county"] {
            let json = try app.get(target).json()
            _ = checkTable(json, minimum: 3)
            // The true group sizes, as staff see them (exact: no suppression, no cell-key noise).
            let sizes = try open.get(target, headers: try open.staffHeaders()).json().objects("groups").map { $0.int("base_n") ?? 0 }
            let suppressed = json.objects("groups").map { $0["suppressed"] as? Bool == true }
            let primary = sizes.indices.filter { sizes[$0] > 0 && sizes[$0] < 3 }
            #expect(primary.allSatisfy { suppressed[$0] }, "\(target)")
            let secondary = sizes.indices.filter { suppressed[$0] && !primary.contains($0) }
            if primary.count == 1 {
                // The one extra group withheld is the smallest non-empty other group.
                let others = sizes.indices.filter { sizes[$0] > 0 && $0 != primary[0] }
                let smallest = others.map { sizes[$0] }.min()
                #expect(secondary.count == 1 && secondary.map { sizes[$0] }.first == smallest, "\(target)")
                sawSecondary = true
            } else {
                #expect(secondary.isEmpty, "\(target)")
            }
        }
        #expect(sawSecondary)
    }

    @Test func aLargerMinimumWithholdsMoreAndOneWithholdsNothing() throws {
        let strict = try TestApplication(minimumCellSize: 20)
        let json = try strict.get("/v1/statistics/uses_social_media?by=size_class").json()
        // Only the 16 answering counties fall below 20, so the smallest other class goes too.
        let suppressed = json.objects("groups").filter { $0["suppressed"] as? Bool == true }.compactMap { $0.string("key") }
        #expect(suppressed.count == 2)
        #expect(suppressed.contains("county"))
        #expect(json.object("total")?["suppressed"] as? Bool == false)
        let figure = try strict.get("/v1/figures/7?format=jsonstat").json()
        #expect((figure.object("status")?.count ?? 0) > 0)
        let svg = try strict.get("/v1/figures/7.svg").text
        #expect(svg.contains("skjult"))

        let open = try TestApplication(minimumCellSize: 1)
        let all = try open.get("/v1/statistics/has_strategy?by=county&uses_social_media=yes").json()
        #expect(all.objects("groups").allSatisfy { $0["suppressed"] as? Bool == false })
    }

    /// Issue 16: grouped by a question with skip logic, a unit can be in the total but in no group
    /// (here `strategy_type`, asked only of units with a strategy: 18 in the total, 9 + 8 + 0 in
    /// the groups). Total minus the groups was that one unit's answer. The remainder now counts as
    /// a small cell, so the smallest group is withheld too and the public cannot subtract it out.
    @Test func theUnansweredRemainderOfAByQuestionIsNotGivenAway() throws {
        let app = try TestApplication.shared.get()
        let target = "/v1/statistics/guidelines_anchoring?by=strategy_type&goal_attainment=fairly_large"
        let exact = try app.get(target, headers: try app.staffHeaders()).json()
        let total = try #require(exact.object("total")?.int("base_n"))
        let groups = exact.objects("groups").map { $0.int("base_n") ?? 0 }
        let remainder = total - groups.reduce(0, +)
        #expect(remainder == 1, "the example: one unit answered guidelines_anchoring but not strategy_type (\(total), \(groups))")
        #expect(groups.allSatisfy { $0 == 0 || $0 >= 3 }, "no group is small on its own")

        let json = try app.get(target).json()
        let publicGroups = json.objects("groups")
        let totalShown = json.object("total")?["suppressed"] as? Bool == false
        let withheld = publicGroups.filter { $0["suppressed"] as? Bool == true }
        #expect(!totalShown || !withheld.isEmpty, "total minus the shown groups would be the one unit")
        if totalShown, let option = json.object("total")?.objects("options").first, let code = option.string("code") {
            // Subtracting the shown groups leaves the remainder mixed with a whole withheld group (n ≥ 3).
            let shownSum = publicGroups.filter { $0["suppressed"] as? Bool == false }.compactMap { $0.int("base_n") }.reduce(0, +)
            #expect(total - shownSum >= remainder + 3, "\(code): the difference covers at least k units besides the remainder")
        }
        // A by-question every unit of the base answers has no remainder: nothing extra is withheld.
        let plain = try app.get("/v1/statistics/goal_attainment?by=has_strategy").json()
        #expect(plain.objects("groups").allSatisfy { $0["suppressed"] as? Bool == false })
    }
}
