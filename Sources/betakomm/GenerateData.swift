import ArgumentParser
import Foundation
import SurveyCalibration

/// `betakomm generate-data --output DIR`: regenerates the questionnaire, respondent and 2011
/// answer migrations (0002, 0003, 0020) from `Data/` (deterministic; see docs/data.md). The shipped
/// 0004 is frozen and not written.
struct GenerateData: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-data",
        abstract: "Write the generated data migrations (0002, 0003, 0014, 0020) into DIR."
    )

    @Option(help: ArgumentHelp("Directory to write the migration files to.", valueName: "DIR"))
    var output: String
    @Option(help: ArgumentHelp("Directory holding municipalities-2011*.csv.", valueName: "DIR"))
    var data: String = "./Data"

    func run() throws {
        let dataDirectory = URL(fileURLWithPath: data), outputDirectory = URL(fileURLWithPath: output)
        var written = try BaselineMigrations.write(dataDirectory: dataDirectory, outputDirectory: outputDirectory)
        for (name, contents) in try UnitMap2024.files(dataDirectory: dataDirectory) {
            let url = outputDirectory.appendingPathComponent(name)
            try Data(contents.utf8).write(to: url, options: .atomic)
            written.append(url)
        }
        for url in written { print("wrote \(url.path)") }
    }
}
