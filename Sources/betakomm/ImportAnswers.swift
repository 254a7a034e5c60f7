import ArgumentParser
import BetaKommAPI
import Foundation

/// `betakomm import FILE.csv [--dry-run]`: the same validation and transaction as `POST /v1/import`.
struct ImportAnswers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate a wide answers CSV (as 'export' writes it) and, unless --dry-run or invalid, store one new version per row."
    )

    @Argument(help: "The CSV file (RFC 4180 or the Excel variant).")
    var file: String
    @Flag(help: "Validate and report only; store nothing.")
    var dryRun = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ValidationError("Cannot read \(file) as UTF-8 text.")
        }
        let pool = try database.openMigrated()
        defer { pool.close() }
        let report = try AnswerImport(pool: pool).run(text, dryRun: dryRun, tokenID: nil, remoteAddress: "cli")
        for problem in report.problems {
            print("row \(problem.row)\(problem.column.map { ", column \($0)" } ?? ""): \(problem.detail)")
        }
        guard report.isValid else {
            print("\(report.problems.count) problem(s) in \(report.rows) rows; nothing imported")
            throw ExitCode(1)
        }
        if dryRun {
            print("\(report.rows) rows valid; nothing imported (dry run)")
        } else {
            print("imported \(report.created.count) answer sets (source 'import')")
        }
    }
}
