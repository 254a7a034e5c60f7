import Survey

/// One number the report states (a row of `Data/report-numbers.json`), with a machine-evaluable
/// spec of how to compute it from the answers.
public struct ReportNumber: Sendable, Decodable {
    public let id: String
    /// Line of the seed text the number is printed on.
    public let line: Int
    /// The Norwegian sentence, as printed.
    public let quote: String
    /// The value as printed (whole percent, count, n or rounded mean).
    public let value: Int
    /// `percent`, `count`, `n` or `mean`.
    public let unit: String
    /// The base as the report words it.
    public let base: String
    /// Allowed deviation for approximate statements ("ca", "om lag"); 0 otherwise.
    public let tolerance: Int?
    public let spec: Spec

    /// How to compute the number.
    public struct Spec: Sendable, Decodable {
        /// `percent`, `count`, `base`, `mean` (of `question` over its base ∧ `filter`);
        /// `mean_ratio` (mean over `numerator` ÷ mean over `denominator` − 1, in percent);
        /// `proportion`, `proportion_count` (`where` among answering respondents ∧ `among`);
        /// `respondents`, `response_rate` (answered units, of all units in the group).
        public let stat: String
        public let question: String?
        public let options: [String]?
        public let filter: Condition?
        public let numerator: Condition?
        public let denominator: Condition?
        public let `where`: Condition?
        public let among: Condition?
        public let group: Group?
    }

    /// One group of a grouping: `{"by":"size_class","key":"county"}`.
    public struct Group: Sendable, Decodable {
        public let by: String
        public let key: String
    }

    public enum EvaluationError: Error, Equatable {
        case incompleteSpec(String)
        case unknownStat(String)
        case emptyGroup(String)
    }
}

/// The table of report numbers.
public struct ReportNumberTable: Sendable, Decodable {
    public let source: String
    public let numbers: [ReportNumber]
}
