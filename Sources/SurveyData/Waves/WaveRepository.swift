import Storage
import Survey

/// Owns the SQL of `waves` (0013): the waves, their maps, questionnaires, status and dates.
public enum WaveRepository {
    /// Every wave, by id (the legacy wave 1 first, then 2011, 2026, …).
    public static func all(_ db: Connection) throws -> [Wave] {
        try db.query(allSQL).map(wave)
    }

    /// The wave with this id, or `nil`.
    public static func find(_ db: Connection, id: Int) throws -> Wave? {
        try db.queryOne(findSQL, [id]).map(wave)
    }

    /// Stores a new wave (status draft unless given); throws ``WaveError`` if the id is taken or
    /// the map or questionnaire does not exist.
    public static func insert(_ db: Connection, _ wave: Wave, createdAt: String) throws {
        guard try find(db, id: wave.id) == nil else { throw WaveError.exists(wave.id) }
        guard try db.scalar(Int.self, mapExistsSQL, [wave.map]) == 1 else { throw WaveError.unknownMap(wave.map) }
        try db.execute(insertSQL, [wave.id, wave.titleNb, wave.titleEn, wave.map, wave.questionnaireID, wave.status.rawValue,
                                   wave.opensOn, wave.closesOn, createdAt])
    }

    /// Moves a wave along draft → open → closed; returns the changed wave.
    @discardableResult
    public static func setStatus(_ db: Connection, id: Int, to status: Wave.Status) throws -> Wave {
        guard let wave = try find(db, id: id) else { throw WaveError.unknownWave(id) }
        guard wave.status.canBecome(status) else { throw WaveError.invalidTransition(wave: id, from: wave.status, to: status) }
        try db.execute(setStatusSQL, [status.rawValue, id])
        return try find(db, id: id) ?? wave
    }

    /// Marks a wave as published at unit level (0030); refuses the waves that never may be
    /// (``Wave/unitPublicationRefusal``; the table's CHECK refuses 2011 too). Returns the changed wave.
    @discardableResult
    public static func publishUnits(_ db: Connection, id: Int) throws -> Wave {
        guard let wave = try find(db, id: id) else { throw WaveError.unknownWave(id) }
        if let reason = wave.unitPublicationRefusal { throw WaveError.cannotPublish(wave: id, reason: reason) }
        try db.execute(publishSQL, [id])
        return try find(db, id: id) ?? wave
    }

    /// Answers per wave: units that answered (any version) and versions stored.
    public static func answerCounts(_ db: Connection) throws -> [Int: (units: Int, versions: Int)] {
        var counts: [Int: (units: Int, versions: Int)] = [:]
        for row in try db.query(answerCountsSQL) {
            counts[try row.get(at: 0)] = (try row.get(at: 1), try row.get(at: 2))
        }
        return counts
    }

    static func wave(_ row: Row) throws -> Wave {
        let id: Int = try row.get(named: "id")
        guard let status = Wave.Status(rawValue: try row.get(named: "status")) else {
            throw StoreError.invalidRow(table: "waves", key: String(id), reason: "unknown status")
        }
        return Wave(id: id, titleNb: try row.get(named: "title_nb"), titleEn: try row.get(named: "title_en"), map: try row.get(named: "map"),
                    questionnaireID: try row.get(named: "questionnaire"), status: status,
                    opensOn: try row.get(named: "opens_on"), closesOn: try row.get(named: "closes_on"),
                    publishedUnits: (try row.get(named: "published_units") as Int) == 1)
    }

    private static let columns = "id, title_nb, title_en, map, questionnaire, status, opens_on, closes_on, published_units"
    private static let allSQL = CachedSQL("SELECT \(columns) FROM waves ORDER BY id")
    private static let findSQL = CachedSQL("SELECT \(columns) FROM waves WHERE id = ?")
    private static let mapExistsSQL: CachedSQL = "SELECT count(*) FROM unit_maps WHERE id = ?"
    private static let insertSQL: CachedSQL = """
        INSERT INTO waves (id, title_nb, title_en, map, questionnaire, status, opens_on, closes_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    private static let publishSQL: CachedSQL = "UPDATE waves SET published_units = 1 WHERE id = ?"
    private static let setStatusSQL: CachedSQL = "UPDATE waves SET status = ? WHERE id = ?"
    private static let answerCountsSQL: CachedSQL = "SELECT wave, count(DISTINCT respondent_code), count(*) FROM answer_sets GROUP BY wave"
}
