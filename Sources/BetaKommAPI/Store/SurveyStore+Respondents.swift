import Storage
import Survey

extension SurveyStore {
    /// All respondent units (0003) with their parallel names (0012), by code.
    public static func loadRespondents(_ db: Connection) throws -> [Respondent] {
        var parallelNames: [String: [String]] = [:]
        for row in try db.query("SELECT respondent_code, name FROM parallel_names ORDER BY respondent_code, position") {
            parallelNames[try row.get(named: "respondent_code"), default: []].append(try row.get(named: "name"))
        }
        let sql = "SELECT code, name, kind, county_code, county_name, population, population_is_estimate, size_class FROM respondents ORDER BY code"
        return try db.query(sql).map { row in
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
}
