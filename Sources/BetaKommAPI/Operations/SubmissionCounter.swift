import CoreMetrics
import Prometheus

/// Counts submissions by outcome for `betakomm_submissions_total{outcome=…}`.
///
/// The submission routes reach it as `context.submissions` (``APIContext``): call
/// `record(.accepted)` after the answers are committed and `record(.rejected)` when a
/// submission is refused (validation, conflict, authorization); nothing for a request that
/// never reached the submission logic.
public final class SubmissionCounter: Sendable {
    public enum Outcome: String, Sendable, CaseIterable {
        case accepted, rejected
    }

    private let accepted: CoreMetrics.Counter
    private let rejected: CoreMetrics.Counter

    /// Counters in `registry` (a registry of their own when none is given).
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), factory: PrometheusMetricsFactory? = nil) {
        let factory = factory ?? PrometheusMetricsFactory(registry: registry)
        func counter(_ outcome: Outcome) -> CoreMetrics.Counter {
            ServiceMetrics.counter(ServiceMetrics.named(nil, "submissions", unit: "total", help: "Answer submissions, by outcome."),
                                   labels: [("outcome", outcome.rawValue)], registry, factory)
        }
        accepted = counter(.accepted)
        rejected = counter(.rejected)
    }

    public func record(_ outcome: Outcome) {
        switch outcome {
        case .accepted: accepted.increment()
        case .rejected: rejected.increment()
        }
    }
}
