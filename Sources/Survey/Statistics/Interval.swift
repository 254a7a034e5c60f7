import Foundation

/// A two-sided confidence interval on the scale of its estimate (a share 0…1, or a mean).
public struct ConfidenceInterval: Sendable, Hashable {
    public let low: Double
    public let high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// Whether `value` lies strictly outside the interval (for a difference: `excludes(0)`).
    public func excludes(_ value: Double) -> Bool { value < low || value > high }
}

/// The finite population a group's respondents were drawn from: the units of the group on the
/// wave's map (`units`, N) of which `answered` (m) answered the wave. Respondents are treated as a
/// simple random sample without replacement of those units (non-response ignorable within the
/// group; `weights=` is what relaxes that).
///
/// A question's base (skip logic) or an answer filter is a *domain* whose size on the map is not
/// known; it is estimated at the group's sampling fraction f = m / N: N_d = n · N / m. For a base
/// that is the whole group (n = m) N_d = N exactly.
public struct FinitePopulation: Sendable, Hashable {
    public let units: Int
    public let answered: Int

    public init(units: Int, answered: Int) {
        self.units = units
        self.answered = answered
    }

    /// No correction (an infinite population): the textbook intervals.
    public static let infinite = FinitePopulation(units: 0, answered: 0)

    /// The sampling fraction f = m / N (0 when unknown).
    public var samplingFraction: Double {
        guard units > 0, answered > 0 else { return 0 }
        return min(1, Double(answered) / Double(units))
    }

    /// Estimated units of a domain of `n` respondents: N_d = n / f (infinite when f is unknown).
    public func domainUnits(n: Int) -> Double {
        let f = samplingFraction
        return f > 0 ? Double(n) / f : .infinity
    }

    /// The correction of the variance of a share, (N_d − n) / (N_d − 1) (Cochran 1977, §3.2,
    /// V(p) = (N − n)/(N − 1) · PQ/n); 1 for an infinite population, 0 for a census.
    public func proportionCorrection(n: Int) -> Double {
        let domain = domainUnits(n: n)
        guard domain.isFinite else { return 1 }
        guard domain > 1 else { return 0 }
        return max(0, min(1, (domain - Double(n)) / (domain - 1)))
    }

    /// The correction of the variance of a mean, 1 − f (Cochran 1977, Theorem 2.2,
    /// v(ȳ) = (1 − f) s² / n); the same for a domain, whose fraction is the group's.
    public var meanCorrection: Double { 1 - samplingFraction }
}

/// Confidence intervals for shares and means of a finite population.
///
/// **Shares — Wilson score interval with a finite-population correction.** With p̂ = x/n, the
/// quantile z = Φ⁻¹(1 − α/2) and the effective sample size n′ = n / c where
/// c = (N_d − n)/(N_d − 1) is the finite-population correction of the variance of p̂
/// (``FinitePopulation/proportionCorrection(n:)``):
///
///     centre    = (p̂ + z²/(2n′)) / (1 + z²/n′)
///     half      = z / (1 + z²/n′) · √( p̂(1 − p̂)/n′ + z²/(4n′²) )
///     interval  = [centre − half, centre + half]
///
/// Wilson, E. B. (1927), "Probable inference, the law of succession, and statistical
/// inference", JASA 22:209–212; the n′ form is Wilson's interval with the design variance
/// (as in Kott & Carr's / Korn & Graubard's effective-n adaptations, and the n_eff = n·(N−1)/(N−n)
/// scaling of Cochran's FPC). With c = 1 it equals statsmodels' `proportion_confint(method="wilson")`;
/// a census (c = 0) gives [p̂, p̂].
///
/// **Means — t interval with the same population.** ȳ ± t_{n−1, 1−α/2} · s/√n · √(1 − f).
public enum Interval {
    /// The Wilson score interval of `count` of `n` at `level` (0 < level < 1); nil when n = 0.
    public static func wilson(count: Int, n: Int, level: Double, population: FinitePopulation = .infinite) -> ConfidenceInterval? {
        guard n > 0, level > 0, level < 1 else { return nil }
        let p = Double(count) / Double(n)
        let correction = population.proportionCorrection(n: n)
        guard correction > 0 else { return ConfidenceInterval(low: p, high: p) }
        let nEff = Double(n) / correction
        let z = Quantile.normal(1 - (1 - level) / 2)
        let z2 = z * z
        let denominator = 1 + z2 / nEff
        let centre = (p + z2 / (2 * nEff)) / denominator
        let half = z / denominator * (p * (1 - p) / nEff + z2 / (4 * nEff * nEff)).squareRoot()
        // At x = 0 (x = n) the lower (upper) limit is exactly 0 (1); rounding would leave 1e-17.
        return ConfidenceInterval(low: count == 0 ? 0 : max(0, centre - half), high: count == n ? 1 : min(1, centre + half))
    }

    /// The t interval of a mean of `n` values with sample standard deviation `sd`; nil when n < 2.
    public static func mean(_ mean: Double, standardDeviation sd: Double, n: Int, level: Double,
                            population: FinitePopulation = .infinite) -> ConfidenceInterval? {
        guard n >= 2, level > 0, level < 1 else { return nil }
        let t = Quantile.studentT(1 - (1 - level) / 2, degreesOfFreedom: n - 1)
        let half = t * sd / Double(n).squareRoot() * max(0, population.meanCorrection).squareRoot()
        return ConfidenceInterval(low: mean - half, high: mean + half)
    }

    /// Newcombe's hybrid score interval for the difference of two independent shares p̂₁ − p̂₂
    /// from their Wilson intervals [l₁, u₁] and [l₂, u₂] (Newcombe 1998, "Interval estimation for
    /// the difference between independent proportions", Stat. Med. 17:873–890, method 10):
    ///
    ///     low  = d − √((p̂₁ − l₁)² + (u₂ − p̂₂)²)
    ///     high = d + √((u₁ − p̂₁)² + (p̂₂ − l₂)²)
    ///
    /// Each Wilson interval carries its own wave's finite-population correction.
    public static func newcombe(p1: Double, interval1: ConfidenceInterval, p2: Double, interval2: ConfidenceInterval) -> ConfidenceInterval {
        let d = p1 - p2
        let low = d - ((p1 - interval1.low) * (p1 - interval1.low) + (interval2.high - p2) * (interval2.high - p2)).squareRoot()
        let high = d + ((interval1.high - p1) * (interval1.high - p1) + (p2 - interval2.low) * (p2 - interval2.low)).squareRoot()
        return ConfidenceInterval(low: low, high: high)
    }

    /// Welch's interval for the difference of two independent means, each variance with its own
    /// finite-population correction; Welch–Satterthwaite degrees of freedom. Nil when either n < 2.
    public static func meanDifference(mean1: Double, sd1: Double, n1: Int, population1: FinitePopulation,
                                      mean2: Double, sd2: Double, n2: Int, population2: FinitePopulation,
                                      level: Double) -> ConfidenceInterval? {
        guard n1 >= 2, n2 >= 2, level > 0, level < 1 else { return nil }
        let v1 = max(0, population1.meanCorrection) * sd1 * sd1 / Double(n1)
        let v2 = max(0, population2.meanCorrection) * sd2 * sd2 / Double(n2)
        let d = mean1 - mean2
        let variance = v1 + v2
        guard variance > 0 else { return ConfidenceInterval(low: d, high: d) }
        let df = variance * variance / (v1 * v1 / Double(n1 - 1) + v2 * v2 / Double(n2 - 1))
        let t = Quantile.studentT(1 - (1 - level) / 2, degreesOfFreedom: max(1, Int(df.rounded(.down))))
        let half = t * variance.squareRoot()
        return ConfidenceInterval(low: d - half, high: d + half)
    }
}

/// Quantile functions of the standard normal and Student's t distributions.
public enum Quantile {
    /// Φ⁻¹(p), 0 < p < 1: Acklam's rational approximation (relative error < 1.15e−9; P. J. Acklam,
    /// "An algorithm for computing the inverse normal cumulative distribution function", 2003)
    /// refined by one Halley step on erfc, which brings it to machine precision.
    public static func normal(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "a quantile needs 0 < p < 1")
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5
            let r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        // Halley's step (Acklam's refinement).
        let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }

    /// The p-quantile of Student's t with `df` ≥ 1 degrees of freedom: Hill's algorithm
    /// (G. W. Hill, "Algorithm 396: Student's t-quantiles", CACM 13(10):619–620, 1970, as R's
    /// `qt` starts from it), then Newton steps on the exact distribution function for integer
    /// degrees of freedom (Abramowitz & Stegun 26.7.3–4).
    public static func studentT(_ p: Double, degreesOfFreedom df: Int) -> Double {
        precondition(p > 0 && p < 1 && df >= 1, "a quantile needs 0 < p < 1 and df ≥ 1")
        if p == 0.5 { return 0 }
        let upper = p > 0.5
        let twoSided = 2 * (upper ? 1 - p : p)   // P(|T| > q)
        var q = hill(twoSided: twoSided, df: Double(df))
        for _ in 0..<4 {
            let error = (1 - twoSided / 2) - studentTDistribution(q, df: df)
            let step = error / studentTDensity(q, df: df)
            q += step
            if abs(step) < 1e-13 * max(1, abs(q)) { break }
        }
        return upper ? q : -q
    }

    /// Hill (1970): the upper quantile q with P(|T| > q) = `twoSided`.
    static func hill(twoSided p: Double, df n: Double) -> Double {
        if n == 1 { let angle = p * Double.pi / 2; return cos(angle) / sin(angle) }
        if n == 2 { return (2 / (p * (2 - p)) - 2).squareRoot() }
        let a = 1 / (n - 0.5)
        let b = 48 / (a * a)
        var c = ((20700 * a / b - 98) * a - 16) * a + 96.36
        let d = ((94.5 / (b + c) - 3) / b + 1) * (a * Double.pi / 2).squareRoot() * n
        var y = pow(d * p, 2 / n)
        if y > 0.05 + a {
            let x = normal(0.5 * p)
            y = x * x
            if n < 5 { c += 0.3 * (n - 4.5) * (x + 0.6) }
            c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c
            y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x
            y = expm1(a * y * y)
        } else {
            y = ((1 / (((n + 6) / (n * y) - 0.089 * d - 0.822) * (n + 2) * 3) + 0.5 / (n + 4)) * y - 1) * (n + 1) / (n + 2) + 1 / y
        }
        return (n * y).squareRoot()
    }

    /// P(T ≤ t) for integer degrees of freedom (Abramowitz & Stegun 26.7.3 and 26.7.4).
    static func studentTDistribution(_ t: Double, df: Int) -> Double {
        let theta = atan(t / Double(df).squareRoot())
        let cos2 = cos(theta) * cos(theta)
        var a: Double   // A(t|ν) = P(|T| ≤ |t|) signed with t
        if df % 2 == 1 {
            var sum = 0.0
            if df > 1 {
                var term = 1.0
                sum = 1
                var k = 2
                while k <= df - 3 {
                    term *= Double(k) / Double(k + 1) * cos2
                    sum += term
                    k += 2
                }
            }
            a = 2 / Double.pi * (theta + (df > 1 ? sin(theta) * cos(theta) * sum : 0))
        } else {
            var term = 1.0
            var sum = 1.0
            var k = 1
            while k <= df - 3 {
                term *= Double(k) / Double(k + 1) * cos2
                sum += term
                k += 2
            }
            a = sin(theta) * sum
        }
        return 0.5 + a / 2
    }

    static func studentTDensity(_ t: Double, df: Int) -> Double {
        let v = Double(df)
        let logC = lgamma((v + 1) / 2) - lgamma(v / 2) - 0.5 * log(v * Double.pi)
        return exp(logC - (v + 1) / 2 * log1p(t * t / v))
    }
}
