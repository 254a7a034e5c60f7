import Testing
import Survey

@Suite struct SuppressionTests {
    @Test func groupsBelowTheMinimumAreWithheldButEmptyOnesAreNot() {
        let decision = Suppression.decide(baseNs: [0, 2, 1, 40], total: nil, minimumCellSize: 3)
        #expect(decision.groups == [1, 2])
        #expect(!decision.total)
    }

    @Test func aSingleWithheldGroupTakesTheNextSmallestWithItWhenATotalIsShown() {
        // Without the second, 60 − (30 + 25) would reveal the withheld group's 2 … and its counts.
        let decision = Suppression.decide(baseNs: [30, 2, 25, 0], total: 57, minimumCellSize: 3)
        #expect(decision.groups == [1, 2])
        #expect(!decision.total)
    }

    @Test func twoWithheldGroupsNeedNoSecondary() {
        let decision = Suppression.decide(baseNs: [30, 2, 1, 25], total: 58, minimumCellSize: 3)
        #expect(decision.groups == [1, 2])
    }

    @Test func withNoOtherGroupTheTotalIsWithheld() {
        let decision = Suppression.decide(baseNs: [2, 0], total: 2, minimumCellSize: 3)
        #expect(decision.groups == [0])
        #expect(decision.total)
        let alone = Suppression.decide(baseNs: [4, 0], total: 6, minimumCellSize: 5)
        #expect(alone.groups == [0])
        #expect(alone.total)
    }

    @Test func aMinimumOfOneWithholdsNothing() {
        #expect(Suppression.decide(baseNs: [1, 2, 0], total: 3, minimumCellSize: 1) == .none)
    }
}
