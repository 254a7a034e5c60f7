import ArgumentParser
import BetaKommAPI
import Foundation
import Survey
import SurveyData

/// `betakomm wave list|create|open|close`: the survey's waves, for KS staff.
struct WaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wave",
        abstract: "List, create, open and close survey waves.",
        subcommands: [List.self, Create.self, Open.self, Close.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the waves: id, status, map, questionnaire, dates, answers.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let pool = try database.openMigrated()
            defer { pool.close() }
            let (waves, counts) = try pool.read { (try WaveRepository.all($0), try WaveRepository.answerCounts($0)) }
            print(["id", "status", "map", "questionnaire", "opens", "closes", "units_answered", "title"].joined(separator: "\t"))
            for wave in waves {
                print([String(wave.id), wave.status.rawValue, String(wave.map), wave.questionnaireID, wave.opensOn ?? "-", wave.closesOn ?? "-",
                       String(counts[wave.id]?.units ?? 0), wave.titleNb].joined(separator: "\t"))
            }
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a wave as a draft, with a stored questionnaire (--questionnaire 2011) or a questionnaire file.",
            discussion: "Example: betakomm wave create 2026 --map 2024 --questionnaire Data/questionnaire-2026.json --opens 2026-01-15 --closes 2026-03-31"
        )
        @Argument(help: "The wave's id, e.g. 2026.") var id: Int
        @Option(help: ArgumentHelp("The map of units the wave asks: 2011 or 2024.", valueName: "map")) var map: Int = 2024
        @Option(help: ArgumentHelp("A stored questionnaire's id (2011), or the path of a questionnaire file (JSON).", valueName: "id|file"))
        var questionnaire: String
        @Option(name: .customLong("title-nb"), help: "Norwegian title (default from the questionnaire).") var titleNb: String?
        @Option(name: .customLong("title-en"), help: "English title (default from the questionnaire).") var titleEn: String?
        @Option(help: ArgumentHelp("First day answers are taken (YYYY-MM-DD).", valueName: "date")) var opens: String?
        @Option(help: ArgumentHelp("Last day answers are taken (YYYY-MM-DD).", valueName: "date")) var closes: String?
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let choice: WaveAdministration.QuestionnaireChoice
            var titles = (nb: "Bølge \(id)", en: "Wave \(id)")
            if FileManager.default.fileExists(atPath: questionnaire) {
                let file = try QuestionnaireFile.decode(try Data(contentsOf: URL(fileURLWithPath: questionnaire)))
                titles = (file.titleNb, file.titleEn)
                choice = .file(file)
            } else {
                choice = .stored(questionnaire)
            }
            let pool = try database.openMigrated()
            defer { pool.close() }
            let wave = try wave {
                try WaveAdministration.create(pool, .init(id: id, titleNb: titleNb ?? titles.nb, titleEn: titleEn ?? titles.en, map: map,
                                                          questionnaire: choice, opensOn: opens, closesOn: closes),
                                              at: Timestamp.now())
            }
            print("wave \(wave.id) created (draft): map \(wave.map), questionnaire \(wave.questionnaireID), \(wave.period)")
        }
    }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a draft wave for answers.")
        @Argument(help: "The wave's id.") var id: Int
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let pool = try database.openMigrated()
            defer { pool.close() }
            let wave = try wave { try WaveAdministration.setStatus(pool, wave: id, to: .open) }
            print("wave \(wave.id) is open (\(wave.period))")
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a wave: it takes no more answers.")
        @Argument(help: "The wave's id.") var id: Int
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let pool = try database.openMigrated()
            defer { pool.close() }
            let wave = try wave { try WaveAdministration.setStatus(pool, wave: id, to: .closed) }
            print("wave \(wave.id) is closed")
        }
    }
}

/// Runs a wave command, turning the domain's refusals into a one-line message and exit code 64.
private func wave(_ body: () throws -> Wave) throws -> Wave {
    do {
        return try body()
    } catch let error as WaveError {
        throw ValidationError(error.description)
    } catch let error as WaveAdministrationError {
        throw ValidationError(error.description)
    } catch let error as QuestionnaireFileError {
        throw ValidationError(error.description)
    }
}
