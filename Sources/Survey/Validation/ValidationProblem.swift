/// One reason a submitted answer set cannot be stored: where (an RFC 6901 pointer into the
/// submitted document, e.g. `/answers/channels/1`) and why, in a sentence a person understands.
public struct ValidationProblem: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is, for programs and tests.
    public enum Kind: String, Sendable, Hashable {
        case notAnObject
        case unknownMember
        case unknownQuestion
        case wrongType
        case unknownOption
        case duplicateOption
        case noOptionChosen
        case notWholeNumber
        case outOfRange
        case tooLong
        case outsideBase
        case missingAnswer
    }

    public let kind: Kind
    public let pointer: String
    public let detail: String

    public init(_ kind: Kind, pointer: String, detail: String) {
        self.kind = kind
        self.pointer = pointer
        self.detail = detail
    }

    public var description: String { "\(pointer): \(detail)" }
}
