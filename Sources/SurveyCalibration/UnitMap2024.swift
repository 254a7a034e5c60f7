import Foundation
import Survey

/// Today's map (since 1 January 2024: 357 kommuner, 15 counties) and how the 2011 units became
/// its units, read from `Data/units-2024.csv` and `Data/units-2011-to-2024.csv`
/// (`Data/README-units-2024.md`), and emitted as migration 0014.
public enum UnitMap2024 {
    public static let map = 2024
    public static let migrationFile = "0014_units_2024.sql"
    static let populationSource = "sum of the 2011 predecessors' population on 1 January 2011 (Data/units-2024.csv): an estimate until SSB's figures are loaded"

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let reason: String
        public var description: String { "\(file):\(line): \(reason)" }
    }

    /// The units of the 2024 map, by code (population: the 2011-border sums, an estimate).
    public static func units(csv: String) throws -> [Respondent] {
        try rows(csv, file: "units-2024.csv", header: "code,name,kind,county_code,county_name,codes_2011,population_2011_within_2024_borders,population_note", columns: 8)
            .map { line, fields in
                guard let kind = RespondentKind(rawValue: fields[2]), let population = Int(fields[6]) else {
                    throw ParseError(file: "units-2024.csv", line: line, reason: "kind or population is not valid")
                }
                return Respondent(code: fields[0], map: map, name: fields[1], kind: kind, countyCode: fields[3], countyName: fields[4],
                                  population: population, populationIsEstimate: true)
            }
    }

    /// Every (2011 unit, 2024 unit) pair.
    public static func successions(csv: String) throws -> [Succession] {
        try rows(csv, file: "units-2011-to-2024.csv", header: "code_2011,name_2011,kind,code_2024,name_2024,change", columns: 6)
            .map { line, fields in
                guard let change = Succession.Change(rawValue: fields[5]) else {
                    throw ParseError(file: "units-2011-to-2024.csv", line: line, reason: "unknown change '\(fields[5])'")
                }
                return Succession(from: UnitReference(map: 2011, code: fields[0]), to: UnitReference(map: map, code: fields[3]), change: change)
            }
    }

    /// The migration's file name and text, from `Data/`; `existingCodes` are the codes the
    /// register (`respondents`) holds already (the 2011 units).
    public static func files(dataDirectory: URL) throws -> [(name: String, contents: String)] {
        let units = try units(csv: String(contentsOf: dataDirectory.appendingPathComponent("units-2024.csv"), encoding: .utf8))
        let successions = try successions(csv: String(contentsOf: dataDirectory.appendingPathComponent("units-2011-to-2024.csv"), encoding: .utf8))
        let existing = Set(try MunicipalityCSV.respondents(dataDirectory: dataDirectory).map(\.code))
        return [(migrationFile, migrationSQL(units: units, successions: successions, existingCodes: existing))]
    }

    static func migrationSQL(units: [Respondent], successions: [Succession], existingCodes: Set<String>) -> String {
        let literal = BaselineMigrations.literal
        var sql = BaselineMigrations.header("Today's map: the 357 kommuner and 15 counties since 1 January 2024, and how the 2011 units became them (Data/units-2024.csv, Data/units-2011-to-2024.csv).")
        sql += "-- Codes new in 2024 join the register of codes; a code 2011 used already names the same unit or its successor.\n"
        for unit in units where !existingCodes.contains(unit.code) {
            sql += "INSERT INTO respondents (code, name, kind, county_code, county_name, population, population_is_estimate, size_class) VALUES ("
                + "\(literal(unit.code)), \(literal(unit.name)), \(literal(unit.kind.rawValue)), \(literal(unit.countyCode)), "
                + "\(literal(unit.countyName)), \(unit.population), 1, \(literal(unit.sizeClass.rawValue)));\n"
        }
        for unit in units {
            sql += "INSERT INTO map_units (map, code, name, kind, county_code, county_name, population, population_is_estimate, population_source, size_class) VALUES ("
                + "\(map), \(literal(unit.code)), \(literal(unit.name)), \(literal(unit.kind.rawValue)), \(literal(unit.countyCode)), "
                + "\(literal(unit.countyName)), \(unit.population), 1, \(literal(populationSource)), \(literal(unit.sizeClass.rawValue)));\n"
        }
        for succession in successions {
            sql += "INSERT INTO unit_successions (from_map, from_code, to_map, to_code, change) VALUES ("
                + "\(succession.from.map), \(literal(succession.from.code)), \(succession.to.map), \(literal(succession.to.code)), "
                + "\(literal(succession.change.rawValue)));\n"
        }
        return sql
    }

    /// The data lines of a comma-separated file with a known header (no field is quoted in these
    /// files), each with its 1-based line number; fields trimmed.
    private static func rows(_ text: String, file: String, header: String, columns: Int) throws -> [(line: Int, fields: [String])] {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == header else {
            throw ParseError(file: file, line: 1, reason: "expected the header \(header)")
        }
        return try lines.dropFirst().enumerated().map { offset, line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == columns else {
                throw ParseError(file: file, line: offset + 2, reason: "expected \(columns) fields, found \(fields.count)")
            }
            return (offset + 2, fields)
        }
    }
}
