/// What an import did or would do.
public struct ImportReport: Sendable {
    /// One stored version.
    public struct Created: Sendable, Hashable {
        public let respondentCode: String
        public let version: Int
        public let wave: Int
    }

    public let dryRun: Bool
    /// Data rows read (the header not counted).
    public let rows: Int
    /// Every problem found; nothing was stored when there is any.
    public let problems: [ImportProblem]
    /// The versions stored (empty for a dry run or an invalid file).
    public let created: [Created]

    public var isValid: Bool { problems.isEmpty }
}
