import HTTPServer
import Survey
import SurveyData

/// The one privacy rule on a unit's own data, in one place (README "Privacy", docs/privacy.md).
///
/// A unit's answers, drafts, versions, score and rank, and anything derived from them (answer
/// filters over units, met or missed criteria) are visible to **its own token and to staff**.
/// Staff may publish a wave at unit level (`POST /v1/waves/{id}/publish`, when KS has the units'
/// consent); then anyone may read that wave's answers-derived unit data. The synthetic 2011
/// baseline can never be published (``Wave/unitPublicationRefusal``, and the CHECK of migration
/// 0030). Public unit data: the register facts, predecessors and successors, and whether the
/// unit answered a closed wave (`answered_2011`).
///
/// Aggregates are another matter: the public sees them with small cells suppressed and, for
/// ad-hoc tables, disclosure control (``Suppression``).
enum UnitPrivacy {
    /// Whether `role` may see unit `code`'s answers-derived data in `wave`.
    static func mayRead(unit code: String, wave: Wave, role: Role) -> Bool {
        switch role {
        case .staff: true
        case let .respondent(own, _): own == code || wave.publishedUnits
        case .public: wave.publishedUnits
        }
    }

    /// Throws 401 (the public) or 403 (another unit's token) with the reason, unless ``mayRead(unit:wave:role:)``.
    static func requireRead(unit code: String, wave: Wave, role: Role) throws(APIError) {
        guard !mayRead(unit: code, wave: wave, role: role) else { return }
        let why = wave.unitPublicationRefusal.map { " " + $0 } ?? " KS has not published wave \(wave.id) at unit level."
        switch role {
        case .public:
            throw .unauthorized("A unit's answers and score are private: only its own token and KS staff may read them.\(why) "
                + "Send the unit's token as 'Authorization: Bearer <token>'.")
        case let .respondent(own, _):
            throw .forbidden("This token may read only the answers and score of unit \(own), not \(code).\(why)")
        case .staff: return
        }
    }

    /// Whether `role` may filter units by their answers in `wave` (every unit's answer to a
    /// question can be read off such a list, one filter at a time): staff, or a published wave.
    static func mayFilterByAnswers(wave: Wave, role: Role) -> Bool {
        role == .staff || wave.publishedUnits
    }

    /// The 400 for an answer filter `parameter` the caller may not use.
    static func answerFilterRefused(_ parameter: String, wave: Wave) -> APIError {
        let why = wave.unitPublicationRefusal ?? "KS has not published wave \(wave.id) at unit level."
        return .invalidParameter(parameter, detail: "'\(parameter)' filters units by their answers, and a unit's answers are private "
            + "(visible to its own token and to KS staff). \(why) Use /v1/statistics/\(parameter) for the aggregate.")
    }

    /// Whether `role` may see how often unit `code` submitted (`latest_version`, `latest_wave`):
    /// its own token and staff.
    static func maySeeVersions(unit code: String, role: Role) -> Bool {
        switch role {
        case .staff: true
        case let .respondent(own, _): own == code
        case .public: false
        }
    }
}
