import Foundation
import Survey

/// One implication every 2011 answer set satisfies (a row of `Data/coherence-rules.json`): where
/// `if` holds, `then` holds. Both are conditions in the questionnaire's JSON form, so a rule is
/// data, checked the same way skip logic is.
public struct CoherenceRule: Sendable, Decodable {
    public let id: String
    /// What the rule says, in words.
    public let text: String
    public let `if`: Condition
    public let then: Condition

    /// Whether the rule concerns this answer set (its `if` holds).
    public func applies(to answers: [String: AnswerValue]) -> Bool {
        self.if.isSatisfied(by: answers)
    }

    /// Whether the answer set breaks the rule: `if` holds and `then` does not.
    public func isViolated(by answers: [String: AnswerValue]) -> Bool {
        applies(to: answers) && !then.isSatisfied(by: answers)
    }
}

/// The rules of `Data/coherence-rules.json`.
public struct CoherenceRuleTable: Sendable, Decodable {
    public let rules: [CoherenceRule]

    public static let fileName = "coherence-rules.json"

    public static func load(dataDirectory: URL) throws -> CoherenceRuleTable {
        try JSONDecoder().decode(CoherenceRuleTable.self, from: Data(contentsOf: dataDirectory.appendingPathComponent(fileName)))
    }

    /// Every (rule, respondent) pair where a set breaks a rule, in rule then respondent order.
    public func violations(in answerSets: [AnswerSet]) -> [(rule: String, respondent: String)] {
        rules.flatMap { rule in
            answerSets.filter { rule.isViolated(by: $0.answers) }.map { (rule.id, $0.respondentCode) }
        }
    }
}
