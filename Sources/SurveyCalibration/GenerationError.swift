/// Why the calibrated data could not be built; each case names the step, so a broken quota table
/// or an unsatisfiable named-municipality fact is found at once.
public enum GenerationError: Error, Equatable, CustomStringConvertible {
    /// A cell's quotas do not add up to its members.
    case quotaMismatch(question: String, cell: String, members: Int, quotas: Int)
    /// More respondents are forced to an option than its quota allows.
    case forcedOverQuota(question: String, option: String, cell: String)
    /// A respondent the facts require is missing from the municipality list.
    case missingRespondent(String)
    /// A multiple choice answer came out empty.
    case emptySelection(question: String, respondent: String)
    /// A mean could not be hit within the question's bounds.
    case unreachableSum(question: String, cell: String)
    /// A generated answer set breaks a rule of `Data/coherence-rules.json`.
    case incoherent(rule: String, respondent: String)

    public var description: String {
        switch self {
        case let .quotaMismatch(question, cell, members, quotas): return "\(question) [\(cell)]: \(members) members but quotas sum to \(quotas)"
        case let .forcedOverQuota(question, option, cell): return "\(question) [\(cell)]: more respondents forced to '\(option)' than its quota"
        case let .missingRespondent(code): return "respondent \(code) is not in the municipality list"
        case let .emptySelection(question, respondent): return "\(question): respondent \(respondent) selected nothing"
        case let .unreachableSum(question, cell): return "\(question) [\(cell)]: target sum unreachable within bounds"
        case let .incoherent(rule, respondent): return "respondent \(respondent) breaks coherence rule '\(rule)'"
        }
    }
}
