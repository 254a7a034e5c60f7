/// Why a name search text cannot be used.
public enum NameSearchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing left to search for once spaces and punctuation are set aside.
    case blank
    /// Longer than ``NameSearch/maximumLength`` characters.
    case tooLong(length: Int)

    public var description: String {
        switch self {
        case .blank: "the search text has no letters or digits"
        case let .tooLong(length): "the search text has \(length) characters; at most \(NameSearch.maximumLength) are allowed"
        }
    }
}
