import Testing
import Survey

/// The report's statements about size classes hold in the 2011 data.
@Suite struct SizeStatementTests {
    let dataset = BaselineFixture.dataset

    func shares(_ question: String, _ options: [String]) throws -> [SizeClass: Double] {
        let distribution = try dataset.distribution(of: question, groupBy: .sizeClass)
        var result: [SizeClass: Double] = [:]
        for sizeClass in SizeClass.allCases {
            let group = try #require(distribution.group(sizeClass.rawValue))
            let count = options.compactMap { group.option($0)?.count }.reduce(0, +)
            result[sizeClass] = Double(count) / Double(group.baseN)
        }
        return result
    }

    @Test(arguments: [
        ("has_strategy", ["yes"]), ("uses_social_media", ["yes"]), ("staff_trained", ["yes"]),
        ("has_guidelines", ["yes"]), ("has_official_facebook_page", ["yes"]),
    ])
    func risesWithSize(question: String, options: [String]) throws {
        let share = try shares(question, options)
        let small = try #require(share[.small]), medium = try #require(share[.medium]), large = try #require(share[.large])
        #expect(small < medium && medium < large, "\(question): \(small) \(medium) \(large)")
    }

    @Test func countiesAndLargePlanStrategiesMostAndAreMostOftenTrained() throws {
        let plans = try shares("strategy_plans", ["plans_2011", "plans_2012"])
        #expect(try #require(plans[.large]) > (plans[.medium] ?? 1))
        #expect(try #require(plans[.county]) > (plans[.small] ?? 1))
        let unsure = try shares("strategy_plans", ["dont_know"])
        let smallUnsure = try #require(unsure[.small])
        #expect(unsure.values.allSatisfy { $0 <= smallUnsure })
        #expect(try dataset.distribution(of: "staff_trained", groupBy: .sizeClass).group("county")?.option("yes")?.percent == 81)
    }

    @Test func everyLargeAndCountyNonUserPlansToStartIn2011() throws {
        let plans = try dataset.distribution(of: "plans_social_media_2011", groupBy: .sizeClass)
        for key in ["large", "county"] {
            let group = try #require(plans.group(key))
            #expect(group.baseN > 0 && group.option("yes")?.count == group.baseN)
        }
    }

    @Test func aboutHalfOfCountiesAndLargeHaveAnOfficialPage() throws {
        let share = try shares("has_official_facebook_page", ["yes"])
        for sizeClass in [SizeClass.large, .county] {
            let value = try #require(share[sizeClass])
            #expect(value >= 0.45 && value <= 0.55)
        }
    }

    @Test func twitterSuccessIsMainlyCounties() throws {
        let best = try dataset.distribution(of: "best_channel", groupBy: .sizeClass)
        let twitter = SizeClass.allCases.compactMap { best.group($0.rawValue)?.option("twitter")?.count }
        let counties = try #require(best.group("county")?.option("twitter")?.count)
        #expect(counties * 2 > twitter.reduce(0, +))
    }

    @Test func onlyTheLargestCitiesHaveDedicatedStaff() throws {
        let withStaff = BaselineFixture.answerSets.filter { $0.answers["dedicated_staff"] == .choice("yes") }
        #expect(!withStaff.isEmpty)
        let units = try withStaff.map { try dataset.respondent($0.respondentCode) }
        #expect(units.allSatisfy { $0.sizeClass == .large && $0.population >= 50_000 })
    }

    @Test func fansRiseWithSizeAndCountiesHaveFewest() throws {
        let fans = try dataset.distribution(of: "facebook_fans", groupBy: .sizeClass)
        let mean = { (key: String) in fans.group(key)?.summary?.mean ?? 0 }
        #expect(mean("small") < mean("medium") && mean("medium") < mean("large"))
        #expect(mean("county") < mean("small"))
    }
}
