/// Why a token command cannot be carried out.
public enum TokenError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownRespondent(String)
    case unknownToken(Int)
    case alreadyRevoked(Int)

    public var description: String {
        switch self {
        case let .unknownRespondent(code): "There is no respondent with code \(code)."
        case let .unknownToken(id): "There is no token with id \(id)."
        case let .alreadyRevoked(id): "Token \(id) is already revoked."
        }
    }
}
