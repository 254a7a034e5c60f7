/// Which success criteria one respondent meets, from its answers.
public struct SuccessScore: Sendable, Hashable {
    public let respondentCode: String
    public let sizeClass: SizeClass
    public let met: [SuccessCriterion]
    /// Applicable criteria not met; each carries the report's advice.
    public let missed: [SuccessCriterion]
    public let notApplicable: [SuccessCriterion]

    /// Evaluates every criterion for one respondent.
    public init(respondent: Respondent, answers: [String: AnswerValue]) {
        let applicable = SuccessCriterion.allCases.filter { $0.isApplicable(to: answers) }
        self.respondentCode = respondent.code
        self.sizeClass = respondent.sizeClass
        self.met = applicable.filter { $0.isMet(by: answers) }
        self.missed = applicable.filter { !$0.isMet(by: answers) }
        self.notApplicable = SuccessCriterion.allCases.filter { !$0.isApplicable(to: answers) }
    }

    public var applicableCount: Int { met.count + missed.count }
    /// Criteria met out of applicable (0…1).
    public var score: Double { applicableCount > 0 ? Double(met.count) / Double(applicableCount) : 0 }
    /// The score in whole percent, rounded half up.
    public var percent: Int { Percent.roundHalfUp(met.count, of: applicableCount) }

    /// Exact comparison of met/applicable fractions (no floating-point ties).
    public func isHigher(than other: SuccessScore) -> Bool {
        met.count * other.applicableCount > other.met.count * applicableCount
    }
}

/// A score with its competition rank ("3 of 51") among respondents of the same size class.
public struct RankedSuccessScore: Sendable, Hashable {
    public let score: SuccessScore
    /// 1 + the number of peers with a strictly higher score; ties share a rank.
    public let rank: Int
    /// Answering respondents of the same size class (including this one).
    public let peers: Int
}

extension SurveyDataset {
    /// Scores and ranks every respondent that answered, keyed by respondent code.
    public func successScores() -> [String: RankedSuccessScore] {
        let scores = answered.map { SuccessScore(respondent: $0.respondent, answers: $0.answers) }
        let bySize = Dictionary(grouping: scores, by: \.sizeClass)
        var ranked: [String: RankedSuccessScore] = [:]
        for peers in bySize.values {
            for score in peers {
                let higher = peers.filter { $0.isHigher(than: score) }.count
                ranked[score.respondentCode] = RankedSuccessScore(score: score, rank: higher + 1, peers: peers.count)
            }
        }
        return ranked
    }

    /// The ranked score of one respondent; throws if it is unknown or has not answered.
    public func successScore(for code: String) throws -> RankedSuccessScore {
        _ = try respondent(code)
        guard let ranked = successScores()[code] else { throw SurveyError.noAnswers(code) }
        return ranked
    }
}
