import Testing
import Survey

/// The interval arithmetic of `Sources/Survey/Statistics/Interval.swift`, against values from
/// statsmodels 0.14.4 / scipy (`proportion_confint(method="wilson")`, `scipy.stats.t.ppf`).
@Suite struct IntervalTests {
    @Test func normalQuantileToMachinePrecision() {
        #expect(abs(Quantile.normal(0.975) - 1.959963984540054) < 1e-12)
        #expect(abs(Quantile.normal(0.5)) < 1e-15)
        #expect(abs(Quantile.normal(0.001) + 3.090232306167813) < 1e-11)
        #expect(abs(Quantile.normal(0.95) - 1.6448536269514722) < 1e-12)
    }

    @Test func studentTQuantilesAgreeWithScipy() {
        let cases: [(Double, Int, Double)] = [
            (0.975, 1, 12.706204736174705), (0.975, 2, 4.302652729749464), (0.975, 10, 2.228138851986274),
            (0.975, 22, 2.0738730679040254), (0.995, 5, 4.032142983555228), (0.025, 3, -3.1824463052837086),
            (0.975, 400, 1.9659123432294627),
        ]
        for (p, df, expected) in cases {
            #expect(abs(Quantile.studentT(p, degreesOfFreedom: df) - expected) < 1e-9, "t(\(p), \(df))")
        }
    }

    @Test func wilsonWithoutCorrectionIsStatsmodels() throws {
        let a = try #require(Interval.wilson(count: 13, n: 23, level: 0.95))
        #expect(abs(a.low - 0.3681137508501646) < 1e-12 && abs(a.high - 0.743653646743258) < 1e-12)
        let b = try #require(Interval.wilson(count: 0, n: 10, level: 0.95))
        #expect(b.low == 0 && abs(b.high - 0.27753279986288926) < 1e-12)
        let c = try #require(Interval.wilson(count: 150, n: 274, level: 0.90))
        #expect(abs(c.low - 0.4977611327511291) < 1e-12 && abs(c.high - 0.5962015673648275) < 1e-12)
        #expect(Interval.wilson(count: 0, n: 0, level: 0.95) == nil)
    }

    @Test func theFinitePopulationCorrectionNarrowsAndACensusHasNoSamplingError() throws {
        let plain = try #require(Interval.wilson(count: 150, n: 274, level: 0.95))
        let population = FinitePopulation(units: 449, answered: 274)
        let corrected = try #require(Interval.wilson(count: 150, n: 274, level: 0.95, population: population))
        #expect(corrected.low > plain.low && corrected.high < plain.high)
        // The same as Wilson with n' = n (N − 1)/(N − n), the effective n of Cochran's correction.
        let correction = Double(449 - 274) / Double(449 - 1)
        #expect(abs(population.proportionCorrection(n: 274) - correction) < 1e-12)
        let census = try #require(Interval.wilson(count: 5, n: 19, level: 0.95, population: FinitePopulation(units: 19, answered: 19)))
        #expect(census.low == census.high && abs(census.low - 5.0 / 19) < 1e-15)
        // A domain (skip logic) of 23 among 274 of 449 is estimated at N_d = 23 · 449 / 274.
        let domain = 23.0 * 449 / 274
        #expect(abs(population.proportionCorrection(n: 23) - (domain - 23) / (domain - 1)) < 1e-12)
    }

    @Test func meanIntervalUsesTAndOneMinusF() throws {
        let interval = try #require(Interval.mean(10, standardDeviation: 4, n: 11, level: 0.95))
        let half = 2.228138851986274 * 4 / 11.0.squareRoot()
        #expect(abs(interval.low - (10 - half)) < 1e-9 && abs(interval.high - (10 + half)) < 1e-9)
        let corrected = try #require(Interval.mean(10, standardDeviation: 4, n: 11, level: 0.95,
                                                   population: FinitePopulation(units: 44, answered: 11)))
        #expect(abs((corrected.high - 10) - half * 0.75.squareRoot()) < 1e-9)
        #expect(Interval.mean(10, standardDeviation: 0, n: 1, level: 0.95) == nil)
    }

    @Test func newcombeDifferenceOfIndependentShares() throws {
        // Newcombe (1998), table II example (a): 56/70 − 48/80, method 10: 0.0524 to 0.3339.
        let first = try #require(Interval.wilson(count: 56, n: 70, level: 0.95))
        let second = try #require(Interval.wilson(count: 48, n: 80, level: 0.95))
        let difference = Interval.newcombe(p1: 0.8, interval1: first, p2: 0.6, interval2: second)
        #expect(abs(difference.low - 0.0524) < 5e-5 && abs(difference.high - 0.3339) < 5e-5)
        #expect(difference.excludes(0))
    }

    @Test func groupsCarryTheirUnitsOnTheMap() throws {
        let dataset = BaselineFixture.dataset
        let all = try #require(try dataset.distribution(of: "uses_social_media").group("all"))
        #expect(all.population == FinitePopulation(units: 449, answered: 274))
        let bySize = try dataset.distribution(of: "uses_social_media", groupBy: .sizeClass)
        #expect(bySize.group("county")?.population == FinitePopulation(units: 19, answered: 16))
        #expect(bySize.groups.map(\.population.units).reduce(0, +) == 449)
    }
}
