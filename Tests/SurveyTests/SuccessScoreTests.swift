import Testing
import Survey

@Suite struct SuccessScoreTests {
    @Test func highGoalAttainmentScoresHigherOnAverage() throws {
        let scores = BaselineFixture.dataset.successScores()
        var high: [Double] = []
        var low: [Double] = []
        for set in BaselineFixture.answerSets {
            guard let score = scores[set.respondentCode]?.score.score else { continue }
            if Condition.answer("goal_attainment", "very_large", "fairly_large").isSatisfied(by: set.answers) { high.append(score) }
            if Condition.answer("goal_attainment", "small", "very_small").isSatisfied(by: set.answers) { low.append(score) }
        }
        #expect(high.count == 91 && low.count == 68)
        let meanHigh = high.reduce(0, +) / Double(high.count)
        let meanLow = low.reduce(0, +) / Double(low.count)
        print("mean success score: high attainment \(meanHigh), low \(meanLow)")
        #expect(meanHigh > meanLow + 0.1)
    }

    @Test func criteriaAdviceAndApplicability() throws {
        let oslo = try BaselineFixture.dataset.successScore(for: "0301")
        #expect(oslo.score.notApplicable.contains(.marketing))
        #expect(oslo.score.met.count + oslo.score.missed.count == SuccessCriterion.allCases.count - 1)
        for criterion in SuccessCriterion.allCases {
            #expect(!criterion.adviceNb.isEmpty && !criterion.adviceEn.isEmpty)
        }
        let nonUser = try #require(BaselineFixture.answerSets.first { $0.answers["uses_social_media"] == .choice("no") })
        let score = try BaselineFixture.dataset.successScore(for: nonUser.respondentCode).score
        #expect(Set(score.notApplicable) == [.enthusiasts, .breadth, .broadInvolvement, .dialogue, .marketing])
    }

    @Test func competitionRanksWithinSizeClass() throws {
        let scores = BaselineFixture.dataset.successScores()
        let large = scores.values.filter { $0.score.sizeClass == .large }
        #expect(large.count == 36 && large.allSatisfy { $0.peers == 36 })
        for ranked in large {
            let higher = large.filter { $0.score.isHigher(than: ranked.score) }.count
            #expect(ranked.rank == higher + 1)
        }
        #expect(large.contains { $0.rank == 1 })
        #expect(throws: SurveyError.noAnswers("03")) { try BaselineFixture.dataset.successScore(for: "03") }
        #expect(throws: SurveyError.unknownRespondent("9999")) { try BaselineFixture.dataset.successScore(for: "9999") }
    }
}
