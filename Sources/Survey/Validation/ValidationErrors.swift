/// Every problem found in one submitted answer set, in a stable order (document members first,
/// then questions in questionnaire order). Thrown or returned as a whole: nothing is stored
/// unless there are none.
public struct ValidationErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public let problems: [ValidationProblem]

    public init(_ problems: [ValidationProblem]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.description).joined(separator: "; ")
    }
}
