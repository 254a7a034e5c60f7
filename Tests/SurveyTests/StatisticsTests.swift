import Testing
import Survey

@Suite struct StatisticsTests {
    let dataset = BaselineFixture.dataset

    @Test func roundHalfUpAsTheReportPrints() {
        #expect(Percent.roundHalfUp(13, of: 23) == 57)   // 56.52
        #expect(Percent.roundHalfUp(1, of: 8) == 13)     // 12.5 exactly, rounds up
        #expect(Percent.roundHalfUp(25, of: 40) == 63)   // 62.5
        #expect(Percent.roundHalfUp(0, of: 0) == 0)
        #expect(Percent.roundHalfUp(505.5) == 506)
    }

    @Test func distributionCountsOnlyTheBase() throws {
        let group = try #require(try dataset.distribution(of: "strategy_known").group("all"))
        #expect(group.baseN == 46)
        #expect(group.options.map(\.count).reduce(0, +) == 46)
        #expect(group.options.map(\.code) == ["very_large", "fairly_large", "small", "very_small", "dont_know"])
        let share = try #require(group.option("small"))
        #expect(abs(share.share - Double(share.count) / 46) < 1e-12)
    }

    @Test func multipleChoiceSharesAreOfRespondents() throws {
        let group = try #require(try dataset.distribution(of: "channels").group("all"))
        #expect(group.baseN == 159)
        #expect(group.options.map(\.count).reduce(0, +) > 159)
    }

    @Test func crosstabByAnotherQuestionAndFilter() throws {
        let crosstab = try dataset.distribution(of: "has_guidelines", groupBy: .question("has_strategy"))
        #expect(crosstab.group("yes")?.option("yes")?.count == 36)
        #expect(crosstab.group("no")?.option("yes")?.count == 22)
        let filtered = try dataset.distribution(of: "has_guidelines", filter: .answer("has_strategy", "yes"), groupBy: .sizeClass)
        #expect(filtered.groups.map(\.baseN).reduce(0, +) == 46)
        let byCounty = try dataset.distribution(of: "uses_social_media", groupBy: .county)
        #expect(byCounty.groups.count == 19)
        #expect(byCounty.groups.map(\.baseN).reduce(0, +) == 274)
    }

    @Test func numericSummaries() throws {
        let summary = try #require(try dataset.distribution(of: "facebook_fans").group("all")?.summary)
        #expect(summary.n == 107 && summary.sum == 54_142)
        #expect(summary.standardDeviation > 0 && summary.minimum <= 506 && summary.maximum >= 1_795)
        let importance = try #require(try dataset.distribution(of: "importance_clear_roles").group("all")?.summary)
        #expect(importance.n == 159 && importance.minimum >= 0 && importance.maximum <= 100)
    }

    @Test func typedErrorsNameWhatIsUnknown() throws {
        #expect(throws: SurveyError.unknownQuestion("colour")) { try dataset.distribution(of: "colour") }
        #expect(throws: SurveyError.unknownOption(question: "has_strategy", option: "maybe")) {
            try dataset.distribution(of: "uses", filter: .answer("has_strategy", "maybe"))
        }
        #expect(throws: SurveyError.unknownGroup("facebook_fans")) {
            try Grouping(parameter: "facebook_fans", questionnaire: .report2011)
        }
        #expect(throws: SurveyError.unknownGroup("weather")) { try Grouping(parameter: "weather", questionnaire: .report2011) }
        #expect(throws: SurveyError.unknownFigure(27)) { try dataset.figure(27) }
    }

    @Test func responsesCountAllUnits() throws {
        let rows = try dataset.responses(groupBy: .kind)
        #expect(rows.first { $0.key == "kommune" }?.answered == Proportion(count: 258, n: 430))
        #expect(rows.first { $0.key == "fylkeskommune" }?.answered == Proportion(count: 16, n: 19))
    }

    @Test func everyFigureComputesWithItsBase() throws {
        for figure in Figure.report2011 {
            let result = try dataset.figure(figure.number)
            #expect(!result.panels.isEmpty)
            let bases = result.panels.first.map { $0.distribution.groups.map(\.baseN).reduce(0, +) } ?? 0
            if figure.seriesQuestionID == nil, figure.number != 4 {
                #expect(bases == figure.printedBaseN, "Fig. \(figure.number)")
            }
        }
        #expect(try dataset.figure(24).panels.count == 4)
        #expect(try dataset.figure(26).panels.count == 10)
    }
}
