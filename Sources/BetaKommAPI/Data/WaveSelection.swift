/// The `wave` query parameter: a wave's id (2011, 2026, …). Absent means 2011, the report's wave.
/// There is no "current" mixture of waves: each wave counts only its own respondents.
public struct WaveSelection: Sendable, Hashable {
    public let id: Int

    public static let report = WaveSelection(id: 2011)

    /// The value as served in `wave` members.
    public var name: String { String(id) }

    /// Parses `wave=<id>`; whether the wave exists is checked against the snapshot
    /// (``DataSnapshot/waveData(_:)``).
    static func parse(_ value: String?, parameter: String = "wave") throws(APIError) -> WaveSelection {
        guard let value else { return .report }
        guard let id = Int(value), id > 0 else {
            let hint = value == "current" || value == "latest"
                ? " Each wave counts only its own respondents, so there is no '\(value)': name a wave, e.g. 2011 or 2026 (see /v1/waves)."
                : " Name a wave by its id, e.g. 2011 or 2026 (see /v1/waves)."
            throw .invalidParameter(parameter, detail: "'\(value)' is not a wave." + hint)
        }
        return WaveSelection(id: id)
    }
}
