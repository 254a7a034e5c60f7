/// The `wave` query parameter: the 2011 baseline or each respondent's latest answers.
public enum WaveSelection: String, Sendable, Hashable, CaseIterable {
    case wave2011 = "2011"
    case current

    /// The value as served in `wave` members.
    public var name: String { rawValue }

    /// Parses `wave=2011|current`; absent means `current`.
    static func parse(_ value: String?) throws(APIError) -> WaveSelection {
        guard let value else { return .current }
        guard let wave = WaveSelection(rawValue: value) else {
            throw .invalidParameter("wave", detail: "expected 2011 or current, got '\(value)'.")
        }
        return wave
    }
}
