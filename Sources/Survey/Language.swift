/// A language the survey's texts are kept in: Norwegian Bokmål (the report's own words) and English.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case nb
    case en

    /// The text of this language out of a Norwegian and English pair.
    public func pick(nb: String, en: String) -> String {
        switch self {
        case .nb: nb
        case .en: en
        }
    }
}
