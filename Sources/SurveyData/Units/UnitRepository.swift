import Storage
import Survey

/// Owns the SQL of the unit maps: `unit_maps`, `map_units`, `unit_successions` (0013, 0014) and
/// the 2011 units' `parallel_names` (0012).
public enum UnitRepository {
    /// The ids of the maps (2011, 2024), oldest first.
    public static func maps(_ db: Connection) throws -> [Int] {
        try db.query(mapsSQL).map { try $0.get(Int.self, at: 0) }
    }

    /// Every unit of `map`, by code, with its facts on that map.
    public static func units(_ db: Connection, map: Int) throws -> [Respondent] {
        var parallelNames: [String: [String]] = [:]
        if map == 2011 {
            // SSB's parallel names of 2011 are kept apart from the name; the 2024 register writes
            // them into the name itself (`Trondheim - Tråante`).
            for row in try db.query(parallelNamesSQL) {
                parallelNames[try row.get(named: "respondent_code"), default: []].append(try row.get(named: "name"))
            }
        }
        return try db.query(unitsSQL, [map]).map { row in
            let code: String = try row.get(named: "code")
            guard let kind = RespondentKind(rawValue: try row.get(named: "kind")) else {
                throw StoreError.invalidRow(table: "map_units", key: "\(map)/\(code)", reason: "unknown kind")
            }
            let unit = Respondent(code: code, map: map, name: try row.get(named: "name"), parallelNames: parallelNames[code] ?? [],
                                  kind: kind, countyCode: try row.get(named: "county_code"), countyName: try row.get(named: "county_name"),
                                  population: try row.get(named: "population"),
                                  populationIsEstimate: try row.get(Bool.self, named: "population_is_estimate"))
            // The class is derived from kind and population; a stored class that disagrees means
            // the thresholds changed without a migration.
            guard unit.sizeClass.rawValue == (try row.get(String.self, named: "size_class")) else {
                throw StoreError.invalidRow(table: "map_units", key: "\(map)/\(code)", reason: "size_class disagrees with population")
            }
            return unit
        }
    }

    /// Where each map's population figures come from, by map (one line per distinct source).
    public static func populationSources(_ db: Connection, map: Int) throws -> [String] {
        try db.query(populationSourcesSQL, [map]).map { try $0.get(String.self, at: 0) }
    }

    /// Every succession between maps.
    public static func correspondence(_ db: Connection) throws -> Correspondence {
        let successions = try db.query(successionsSQL).map { row -> Succession in
            let from = UnitReference(map: try row.get(named: "from_map"), code: try row.get(named: "from_code"))
            let to = UnitReference(map: try row.get(named: "to_map"), code: try row.get(named: "to_code"))
            guard let change = Succession.Change(rawValue: try row.get(named: "change")) else {
                throw StoreError.invalidRow(table: "unit_successions", key: "\(from)->\(to)", reason: "unknown change")
            }
            return Succession(from: from, to: to, change: change)
        }
        return Correspondence(successions: successions)
    }

    /// The 2011 units whose area the unit `code` of a later map holds, with their names
    /// (empty for a 2011 unit or an unknown code).
    public static func predecessorsWithNames(_ db: Connection, code: String) throws -> [(code: String, map: Int, name: String, change: Succession.Change)] {
        try db.query(predecessorsSQL, [code]).map { row in
            guard let change = Succession.Change(rawValue: try row.get(named: "change")) else {
                throw StoreError.invalidRow(table: "unit_successions", key: code, reason: "unknown change")
            }
            return (try row.get(named: "from_code"), try row.get(named: "from_map"), try row.get(named: "name"), change)
        }
    }

    /// Replaces the population of every unit of `map` (each code must be a unit of the map),
    /// marks it as counted rather than estimated, re-derives the size class and records `source`.
    /// Call inside a write transaction: all or nothing.
    public static func setPopulations(_ db: Connection, map: Int, populations: [String: Int], source: String) throws {
        for (code, population) in populations.sorted(by: { $0.key < $1.key }) {
            guard let kindText = try db.scalar(String.self, kindSQL, [map, code]), let kind = RespondentKind(rawValue: kindText) else {
                throw StoreError.invalidRow(table: "map_units", key: "\(map)/\(code)", reason: "no such unit")
            }
            let sizeClass = SizeClass(kind: kind, population: population)
            try db.execute(setPopulationSQL, [population, source, sizeClass.rawValue, map, code])
        }
    }

    private static let mapsSQL: CachedSQL = "SELECT id FROM unit_maps ORDER BY id"
    private static let parallelNamesSQL: CachedSQL = "SELECT respondent_code, name FROM parallel_names ORDER BY respondent_code, position"
    private static let unitsSQL: CachedSQL = """
        SELECT code, name, kind, county_code, county_name, population, population_is_estimate, size_class
        FROM map_units WHERE map = ? ORDER BY code
        """
    private static let populationSourcesSQL: CachedSQL = "SELECT DISTINCT population_source FROM map_units WHERE map = ? ORDER BY 1"
    private static let successionsSQL: CachedSQL = """
        SELECT from_map, from_code, to_map, to_code, change FROM unit_successions ORDER BY from_map, from_code, to_map, to_code
        """
    private static let predecessorsSQL: CachedSQL = """
        SELECT s.from_code, s.from_map, u.name, s.change FROM unit_successions AS s
        JOIN map_units AS u ON u.map = s.from_map AND u.code = s.from_code
        WHERE s.to_code = ? AND s.to_map = (SELECT max(id) FROM unit_maps) ORDER BY s.from_code
        """
    private static let kindSQL: CachedSQL = "SELECT kind FROM map_units WHERE map = ? AND code = ?"
    private static let setPopulationSQL: CachedSQL = """
        UPDATE map_units SET population = ?, population_is_estimate = 0, population_source = ?, size_class = ? WHERE map = ? AND code = ?
        """
}
