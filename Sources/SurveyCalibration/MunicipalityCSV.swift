import Foundation
import Survey

/// Reads `Data/municipalities-2011.csv` (and its sources file) into respondents.
public enum MunicipalityCSV {
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case badHeader(file: String)
        case badRow(file: String, line: Int)

        public var description: String {
            switch self {
            case let .badHeader(file): return "\(file): unexpected header"
            case let .badRow(file, line): return "\(file):\(line): malformed row"
            }
        }
    }

    /// Parses the municipality list; `sources` (the companion file) supplies `population_is_estimate`.
    /// The municipality file quotes no field (no name contains a comma), so a plain split is exact.
    public static func respondents(csv: String, sources: String) throws -> [Respondent] {
        let estimateByCode = try parseSources(sources)
        var lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        guard lines.first == "code,name,kind,county_code,county_name,population_2011" else {
            throw ParseError.badHeader(file: "municipalities-2011.csv")
        }
        lines.removeFirst()
        return try lines.enumerated().map { offset, line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6, let kind = RespondentKind(rawValue: fields[2]), let population = Int(fields[5]) else {
                throw ParseError.badRow(file: "municipalities-2011.csv", line: offset + 2)
            }
            return Respondent(code: fields[0], name: fields[1], kind: kind, countyCode: fields[3], countyName: fields[4],
                              population: population, populationIsEstimate: estimateByCode[fields[0]] ?? false)
        }
    }

    /// Reads both files from a directory.
    public static func respondents(dataDirectory: URL) throws -> [Respondent] {
        try respondents(
            csv: String(contentsOf: dataDirectory.appendingPathComponent("municipalities-2011.csv"), encoding: .utf8),
            sources: String(contentsOf: dataDirectory.appendingPathComponent("municipalities-2011-sources.csv"), encoding: .utf8))
    }

    private static func parseSources(_ text: String) throws -> [String: Bool] {
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard lines.first == "code,kind,population_source,population_is_estimate" else {
            throw ParseError.badHeader(file: "municipalities-2011-sources.csv")
        }
        lines.removeFirst()
        var result: [String: Bool] = [:]
        for (offset, line) in lines.enumerated() {
            // Only the free-text source column (third) may be quoted and contain commas, so the
            // code is the first field and the flag the last.
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 4, let code = fields.first, let flag = fields.last, flag == "yes" || flag == "no" else {
                throw ParseError.badRow(file: "municipalities-2011-sources.csv", line: offset + 2)
            }
            result[String(code)] = flag == "yes"
        }
        return result
    }
}
