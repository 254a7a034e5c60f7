import ArgumentParser
import Foundation
import Survey
import SurveyData

/// `betakomm population import FILE --map 2024`: today's population from Statistics Norway
/// (statistikkbanken, table 07459, population 1 January by region), so size classes follow it.
struct PopulationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "population",
        abstract: "Load population figures for the units of a map.",
        subcommands: [Import.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load SSB's table 07459 (CSV as statistikkbanken exports it) for every unit of a map; all or nothing.",
            discussion: "Every problem of a bad file is listed with its line and nothing is loaded. Example: betakomm population import 07459.csv --map 2024"
        )
        @Argument(help: ArgumentHelp("The CSV file exported from statistikkbanken (table 07459).", valueName: "file")) var file: String
        @Option(help: ArgumentHelp("The map whose units the file gives: 2024 (today's) or 2011.", valueName: "map")) var map: Int = 2024
        @Option(help: ArgumentHelp("The year to load when the file has several (default: the latest).", valueName: "year")) var year: Int?
        @Flag(name: .customLong("dry-run"), help: "Check the file and report, but load nothing.") var dryRun = false
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            let pool = try database.openMigrated()
            defer { pool.close() }
            let units = try pool.read { try UnitRepository.units($0, map: map) }
            guard !units.isEmpty else { throw ValidationError("There is no map \(map); maps are 2011 and 2024.") }
            let parsed: PopulationFile.Result
            switch PopulationFile.parse(bytes, knownCodes: Set(units.map(\.code)), year: year) {
            case let .success(result): parsed = result
            case let .failure(error):
                FileHandle.standardError.write(Data("\(file): nothing loaded, \(error.problems.count) problem\(error.problems.count == 1 ? "" : "s"):\n\(error.description)\n".utf8))
                throw ExitCode(65)
            }
            let reclassed = units.filter { unit in
                parsed.populations[unit.code].map { SizeClass(kind: unit.kind, population: $0) != unit.sizeClass } ?? false
            }
            for note in parsed.notes { print("note: \(note)") }
            let source = "SSB statistikkbanken table 07459, 1 January \(parsed.year) (\(URL(fileURLWithPath: file).lastPathComponent))"
            if !dryRun {
                try pool.write { try UnitRepository.setPopulations($0, map: map, populations: parsed.populations, source: source) }
            }
            print("\(dryRun ? "checked" : "loaded") \(parsed.populations.count) units of the \(map) map, population 1 January \(parsed.year); "
                + "\(reclassed.count) change size class\(reclassed.isEmpty ? "" : ": " + reclassed.map { "\($0.code) \($0.name)" }.joined(separator: ", "))")
        }
    }
}
