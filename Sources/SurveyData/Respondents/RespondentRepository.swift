import Storage
import Survey

/// All SQL on `respondents` (0003) and `parallel_names` (0012): the units that can answer.
public enum RespondentRepository {
    /// All respondent units with their parallel names, by code.
    public static func load(_ db: Connection) throws -> [Respondent] {
        var parallelNames: [String: [String]] = [:]
        for row in try db.query(parallelNamesSQL) {
            parallelNames[try row.get(named: "respondent_code"), default: []].append(try row.get(named: "name"))
        }
        return try db.query(respondentsSQL).map { row in
            let code: String = try row.get(named: "code")
            guard let kind = RespondentKind(rawValue: try row.get(named: "kind")) else {
                throw StoreError.invalidRow(table: "respondents", key: code, reason: "unknown kind")
            }
            let respondent = Respondent(code: code, name: try row.get(named: "name"), parallelNames: parallelNames[code] ?? [], kind: kind,
                                        countyCode: try row.get(named: "county_code"), countyName: try row.get(named: "county_name"),
                                        population: try row.get(named: "population"),
                                        populationIsEstimate: try row.get(Bool.self, named: "population_is_estimate"))
            // The class is derived from kind and population; a stored class that disagrees means
            // the thresholds changed without a migration.
            guard respondent.sizeClass.rawValue == (try row.get(String.self, named: "size_class")) else {
                throw StoreError.invalidRow(table: "respondents", key: code, reason: "size_class disagrees with population")
            }
            return respondent
        }
    }

    /// Whether a unit with this code exists.
    public static func exists(_ db: Connection, code: String) throws -> Bool {
        try db.scalar(Int.self, existsSQL, [code]) == 1
    }

    /// Every unit's code.
    public static func codes(_ db: Connection) throws -> Set<String> {
        Set(try db.query(codesSQL).map { try $0.get(String.self, at: 0) })
    }

    static let parallelNamesSQL: CachedSQL = "SELECT respondent_code, name FROM parallel_names ORDER BY respondent_code, position"
    static let respondentsSQL: CachedSQL = """
        SELECT code, name, kind, county_code, county_name, population, population_is_estimate, size_class FROM respondents ORDER BY code
        """
    static let existsSQL: CachedSQL = "SELECT count(*) FROM respondents WHERE code = ?"
    static let codesSQL: CachedSQL = "SELECT code FROM respondents"
}
