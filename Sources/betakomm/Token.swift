import ArgumentParser
import BetaKommAPI
import Foundation
import Storage
import Survey
import SurveyData

/// `betakomm token issue|list|revoke`: bearer tokens for municipalities and KS staff.
struct Token: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Issue, list and revoke API tokens (stored as SHA-256 hashes; a token is shown once).",
        subcommands: [Issue.self, List.self, Revoke.self]
    )

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a new token once: --respondent CODE, or --staff --name NAME.")

        @Option(help: ArgumentHelp("The unit (kommunenummer or fylkesnummer on its map) whose answers the token may read and write.", valueName: "code"))
        var respondent: String?
        @Option(help: ArgumentHelp("The wave the token answers; the unit must be on its map (1601 is 5001 on the 2024 map).", valueName: "id"))
        var wave: Int?
        @Flag(help: "A KS staff token: reads and writes everything, imports and exports.")
        var staff = false
        @Option(help: ArgumentHelp("Who holds the token (shown by 'token list').", valueName: "name"))
        var name: String?
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard staff != (respondent != nil) else { throw ValidationError("Give exactly one of --respondent CODE and --staff.") }
            if staff, name == nil { throw ValidationError("A staff token needs --name NAME.") }
            if staff, wave != nil { throw ValidationError("--wave is for a unit's token; staff tokens reach every wave.") }
        }

        func run() throws {
            let pool = try database.openMigrated()
            defer { pool.close() }
            do {
                let token = try TokenStore(pool: pool).issue(respondentCode: respondent, wave: wave, name: name ?? "respondent \(respondent ?? "")")
                // Only the token on standard output, so a script can capture it; the note on standard error.
                print(token.text)
                FileHandle.standardError.write(Data("token \(token.id) issued; it is not stored and cannot be shown again.\n".utf8))
            } catch let error as TokenError {
                throw ValidationError(error.description)
            } catch let error as WaveError {
                throw ValidationError(error.description)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens: id, role, respondent, name, created, last used, revoked (never the secret).")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let pool = try database.openMigrated()
            defer { pool.close() }
            print(["id", "role", "respondent", "wave", "name", "created", "last_used", "revoked"].joined(separator: "\t"))
            for token in try TokenStore(pool: pool).list() {
                print([String(token.id), token.role, token.respondentCode ?? "-", token.wave.map(String.init) ?? "-", token.name, token.createdAt,
                       token.lastUsedAt ?? "-", token.revokedAt ?? "-"].joined(separator: "\t"))
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by id: from now on it gets 401.")
        @Argument(help: "The token's id (the number after bk_).")
        var id: Int
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let pool = try database.openMigrated()
            defer { pool.close() }
            do {
                try TokenStore(pool: pool).revoke(id: id)
            } catch let error as TokenError {
                throw ValidationError(error.description)
            }
            print("token \(id) revoked")
        }
    }
}
