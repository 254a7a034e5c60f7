/// Who is asking: what a bearer token grants. It decides suppression, caching and what may be
/// read and written.
public enum Role: Sendable, Hashable {
    /// No credentials: aggregates with small cells suppressed, respondent names, scores.
    case `public`
    /// A municipality or county with its token: its own answers, in the wave the token names
    /// (`nil` for a token issued before waves existed: any open wave its unit is asked in).
    case respondent(code: String, wave: Int?)
    /// KS staff: everything, unsuppressed.
    case staff

    /// A short tag for cache keys and ETags.
    public var tag: String {
        switch self {
        case .public: "public"
        case let .respondent(code, wave): "r\(code)" + (wave.map { "-w\($0)" } ?? "")
        case .staff: "staff"
        }
    }

    /// Whether aggregates shown to this role hide groups below the minimum cell size.
    public var seesSuppressedAggregates: Bool { self != .staff }
}
