/// Whether a respondent is a municipality or a county authority.
public enum RespondentKind: String, Sendable, Codable, CaseIterable {
    case kommune
    case fylkeskommune
}
