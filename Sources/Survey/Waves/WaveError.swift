/// Why an answer cannot go to a wave, in words a municipality or a KS adviser understands.
public enum WaveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No wave with this id.
    case unknownWave(Int)
    /// The wave is a draft or closed: it takes no answers now.
    case notOpen(Wave)
    /// The code is not a unit of the wave's map; `successors` are its units on that map, if any.
    case notOnMap(code: String, name: String?, map: Int, successors: [(code: String, name: String)])
    /// A status change the wave's life does not allow (closed → open, …).
    case invalidTransition(wave: Int, from: Wave.Status, to: Wave.Status)
    /// A wave with this id exists already.
    case exists(Int)
    /// No map with this id (there are 2011 and 2024).
    case unknownMap(Int)
    /// A write named no wave and none is open.
    case noWaveOpen
    /// A write named no wave and several are open.
    case severalOpen([Int])
    /// The token was issued for another wave.
    case tokenForOtherWave(tokenWave: Int, requested: Int)
    /// The wave may never be published at unit level (the synthetic 2011 answers).
    case cannotPublish(wave: Int, reason: String)

    public var description: String {
        switch self {
        case let .unknownWave(id): return "There is no wave \(id) (see /v1/waves)."
        case let .notOpen(wave):
            return "Wave \(wave.id) is \(wave.status.rawValue) (\(wave.period)): it takes no answers now."
        case let .notOnMap(code, name, map, successors):
            let named = name.map { "\(code) is \($0) on an earlier map" } ?? "\(code) is not a unit"
            guard !successors.isEmpty else { return "\(named); it is not a unit of the \(map) map this wave asks." }
            let now = successors.map { "\($0.code) (\($0.name))" }.joined(separator: " and ")
            return "\(named); on the \(map) map this wave asks it is \(now)."
        case let .invalidTransition(wave, from, to):
            return "Wave \(wave) is \(from.rawValue) and cannot become \(to.rawValue) (draft → open → closed)."
        case let .exists(id): return "Wave \(id) exists already."
        case let .unknownMap(id): return "There is no map \(id); maps are 2011 and 2024."
        case .noWaveOpen: return "No wave is open for answers now."
        case let .severalOpen(ids):
            return "Waves \(ids.map(String.init).joined(separator: " and ")) are open: name one with ?wave=."
        case let .tokenForOtherWave(tokenWave, requested):
            return "This token answers wave \(tokenWave), not wave \(requested)."
        case let .cannotPublish(_, reason):
            return reason
        }
    }

    public static func == (lhs: WaveError, rhs: WaveError) -> Bool {
        lhs.description == rhs.description
    }
}
