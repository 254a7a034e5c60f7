import HTTPServer
import SurveyData

extension Request {
    /// The peer's host without the port (`127.0.0.1`, `::1`), for the audit log.
    var remoteHost: String {
        let address = remoteAddress
        if address.hasPrefix("["), let end = address.firstIndex(of: "]") {
            return String(address[address.index(after: address.startIndex)..<end])
        }
        if address.filter({ $0 == ":" }).count == 1, let colon = address.lastIndex(of: ":") {
            return String(address[..<colon])
        }
        return address
    }

    /// Allows the respondent's own token and staff; 401 without a token, 403 for another unit's.
    func requireAccess(toRespondent code: String) throws(APIError) {
        switch role {
        case .public: throw .unauthorized("These answers are private: send the municipality's or staff's token as 'Authorization: Bearer <token>'.")
        case let .respondent(own, _) where own != code: throw .forbidden("This token may read and write only the answers of respondent \(own).")
        case .respondent, .staff: return
        }
    }

    /// The wave the token was issued for, if it names one.
    var tokenWave: Int? {
        if case let .respondent(_, wave) = role { return wave }
        return nil
    }

    /// Allows staff only; 401 without a token, 403 for a respondent's.
    func requireStaff() throws(APIError) {
        switch role {
        case .public: throw .unauthorized("Staff only: send a staff token as 'Authorization: Bearer <token>'.")
        case .respondent: throw .forbidden("Staff only: a municipality's token cannot do this.")
        case .staff: return
        }
    }
}
