import Storage
import Survey

/// Where a write of one unit's answers goes: which wave, checked against the unit's map and the
/// wave's status. Read inside the write transaction, so a wave closed meanwhile refuses the write.
public enum WaveTarget {
    /// The wave `requested` names, else the token's wave, else the one open wave.
    /// - Parameter mustBeOpen: `false` for staff, who may correct any wave (the audit log records it).
    public static func resolve(_ db: Connection, code: String, requested: Int?, tokenWave: Int?, mustBeOpen: Bool) throws -> Wave {
        if let tokenWave, let requested, tokenWave != requested {
            throw WaveError.tokenForOtherWave(tokenWave: tokenWave, requested: requested)
        }
        let wave: Wave
        if let id = requested ?? tokenWave {
            guard let found = try WaveRepository.find(db, id: id) else { throw WaveError.unknownWave(id) }
            wave = found
        } else {
            let open = try WaveRepository.all(db).filter { $0.status == .open }
            guard let only = open.first else { throw WaveError.noWaveOpen }
            guard open.count == 1 else { throw WaveError.severalOpen(open.map(\.id)) }
            wave = only
        }
        if mustBeOpen, wave.status != .open { throw WaveError.notOpen(wave) }
        try requireUnit(db, code: code, onMapOf: wave)
        return wave
    }

    /// Throws ``WaveError/notOnMap(code:name:map:successors:)`` naming the unit's successors when
    /// `code` is not a unit of the wave's map ("1601 is Trondheim on an earlier map; on the 2024
    /// map this wave asks it is 5001 (Trondheim - Tråante)").
    public static func requireUnit(_ db: Connection, code: String, onMapOf wave: Wave) throws {
        guard try db.scalar(Int.self, unitExistsSQL, [wave.map, code]) != 1 else { return }
        let name = try db.scalar(String.self, anyNameSQL, [code])
        let successors = try db.query(successorsSQL, [code, wave.map]).map { row in
            (code: try row.get(String.self, at: 0), name: try row.get(String.self, at: 1))
        }
        throw WaveError.notOnMap(code: code, name: name, map: wave.map, successors: successors)
    }

    private static let unitExistsSQL: CachedSQL = "SELECT count(*) FROM map_units WHERE map = ? AND code = ?"
    private static let anyNameSQL: CachedSQL = "SELECT name FROM map_units WHERE code = ? ORDER BY map LIMIT 1"
    private static let successorsSQL: CachedSQL = """
        SELECT s.to_code, u.name FROM unit_successions AS s JOIN map_units AS u ON u.map = s.to_map AND u.code = s.to_code
        WHERE s.from_code = ? AND s.to_map = ? ORDER BY s.to_code
        """
}
