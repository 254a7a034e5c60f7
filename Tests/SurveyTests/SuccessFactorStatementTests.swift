import Testing
import Survey

/// Lines 940–949 and 480/509: who succeeds, and who uses more channels and uses.
@Suite struct SuccessFactorStatementTests {
    let dataset = BaselineFixture.dataset
    static let high = Condition.answer("goal_attainment", "very_large", "fairly_large")
    static let low = Condition.answer("goal_attainment", "small", "very_small")

    @Test(arguments: [
        ("strategy and guidelines", Condition.all([.answer("has_strategy", "yes"), .answer("has_guidelines", "yes")])),
        ("enthusiasts", Condition.answer("enthusiasts", "yes")),
        ("trained staff", Condition.answer("staff_trained", "yes")),
        ("well-rooted guidelines", Condition.answer("guidelines_anchoring", "very_large", "fairly_large")),
        ("politicians publish", Condition.answer("publishers", "politicians")),
        ("service desk publishes", Condition.answer("publishers", "service_desk")),
        ("marketed Facebook", Condition.answer("facebook_marketing", "very_large", "fairly_large")),
    ])
    func highAchieversHaveEachFactorMoreOften(factor: String, condition: Condition) throws {
        let high = try dataset.proportion(of: condition, among: Self.high)
        let low = try dataset.proportion(of: condition, among: Self.low)
        #expect(high.share > low.share, "\(factor): high \(high.count)/\(high.n), low \(low.count)/\(low.n)")
    }

    func meanSelections(_ question: String, among condition: Condition) -> Double {
        let counts = BaselineFixture.answerSets.filter { condition.isSatisfied(by: $0.answers) }
            .compactMap { $0.answers[question]?.selectedCodes.count }
        return Double(counts.reduce(0, +)) / Double(max(counts.count, 1))
    }

    @Test(arguments: ["channels", "uses"])
    func strategyHoldersUseMoreChannelsAndUses(question: String) {
        let with = meanSelections(question, among: .answer("has_strategy", "yes"))
        let without = meanSelections(question, among: .all([.answer("has_strategy", "no"), .answer("uses_social_media", "yes")]))
        #expect(with > without, "\(question): \(with) vs \(without)")
    }

    @Test func largeKommunerUseMoreChannelsThanSmall() throws {
        let codes = { (sizeClass: SizeClass) in
            Set(BaselineFixture.respondents.filter { $0.sizeClass == sizeClass }.map(\.code))
        }
        let mean = { (members: Set<String>) -> Double in
            let counts = BaselineFixture.answerSets.filter { members.contains($0.respondentCode) }
                .compactMap { $0.answers["channels"]?.selectedCodes.count }
            return Double(counts.reduce(0, +)) / Double(max(counts.count, 1))
        }
        #expect(mean(codes(.large)) > mean(codes(.small)))
    }
}
