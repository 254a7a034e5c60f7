import Synchronization

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

    private let accepted = Atomic<Int>(0)
    private let rejected = Atomic<Int>(0)

    public init() {}

    public func record(_ outcome: Outcome) {
        switch outcome {
        case .accepted: accepted.add(1, ordering: .relaxed)
        case .rejected: rejected.add(1, ordering: .relaxed)
        }
    }

    public func count(_ outcome: Outcome) -> Int {
        switch outcome {
        case .accepted: accepted.load(ordering: .relaxed)
        case .rejected: rejected.load(ordering: .relaxed)
        }
    }
}
