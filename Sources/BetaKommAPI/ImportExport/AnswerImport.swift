import Foundation
import Storage
import Survey
import SurveyData

/// Bulk import of answer sets from the wide CSV (``AnswerCSV``): every row is validated with the
/// same ``AnswerValidator`` as a submission, every problem is reported by row and column, and
/// only a file without problems is stored — in one transaction, one new version per row
/// (source `import`). A file holds one wave (its `wave` column): the wave must exist, each code
/// must be a unit of its map, and the answers follow its questionnaire.
///
/// This is how KS replaces the calibrated 2011 data with the real microdata: rows with wave
/// 2011 become new versions with wave 2011; the generated rows stay as history, and every
/// `wave=2011` statistic uses each respondent's latest version whose wave is 2011.
public struct AnswerImport: Sendable {
    let pool: DatabasePool
    let store: SurveyDataStore?

    /// - Parameter store: the running server's data store, invalidated after a real import;
    ///   `nil` from the command line (a server notices the new data version within a second).
    public init(pool: DatabasePool, store: SurveyDataStore? = nil) {
        self.pool = pool
        self.store = store
    }

    /// Validates `text`, and unless `dryRun` or a problem was found, stores it.
    public func run(_ text: String, dryRun: Bool, tokenID: Int?, remoteAddress: String) throws -> ImportReport {
        let waves = try pool.read { db -> [Int: WaveContext] in
            var contexts: [Int: WaveContext] = [:]
            for wave in try WaveRepository.all(db) {
                contexts[wave.id] = WaveContext(wave: wave, questionnaire: try QuestionnaireRepository.load(db, id: wave.questionnaireID),
                                                units: Set(try UnitRepository.units(db, map: wave.map).map(\.code)))
            }
            return contexts
        }
        let parsed = Self.parse(text, waves: waves)
        guard !dryRun, parsed.problems.isEmpty else {
            return ImportReport(dryRun: dryRun, rows: parsed.dataRows, problems: parsed.problems, created: [])
        }
        let created = try pool.write { db in
            try parsed.rows.map { row -> ImportReport.Created in
                // The audit diff is against the same wave's latest version (for 2011 microdata:
                // the generated 2011 answers); a unit new to the wave starts from nothing.
                let previous = try AnswerSetRepository.latest(db, respondentCode: row.respondentCode, wave: row.wave)
                let set = try AnswerVersions.store(
                    db, respondentCode: row.respondentCode, answers: row.answers, wave: row.wave, source: .import, previous: previous,
                    questionnaire: waves[row.wave]?.questionnaire ?? Questionnaire.report2011, action: "import", tokenID: tokenID,
                    remoteAddress: remoteAddress)
                return ImportReport.Created(respondentCode: set.respondentCode, version: set.version, wave: set.wave)
            }
        }
        store?.markStale()
        return ImportReport(dryRun: false, rows: parsed.dataRows, problems: [], created: created)
    }

    /// What rows of one wave are checked against.
    struct WaveContext {
        let wave: Wave
        let questionnaire: Questionnaire
        /// The codes of the units of the wave's map.
        let units: Set<String>
    }

    struct ValidRow {
        let respondentCode: String
        let wave: Int
        let answers: [String: AnswerValue]
    }

    /// The valid rows, the number of data rows, and every problem of the file.
    static func parse(_ text: String, waves: [Int: WaveContext]) -> (rows: [ValidRow], dataRows: Int, problems: [ImportProblem]) {
        let records: [[String]]
        do {
            records = try CSVReader.records(text)
        } catch {
            return ([], 0, [ImportProblem(row: error.row, column: nil, detail: "The file is not valid CSV: \(error.detail).")])
        }
        guard let header = records.first else {
            return ([], 0, [ImportProblem(row: 1, column: nil, detail: "The file is empty; the first line must be the header.")])
        }
        var problems: [ImportProblem] = []
        let columns = header.map { $0.trimmingCharacters(in: .whitespaces) }
        if Array(columns.prefix(2)) != AnswerCSV.fixedColumns {
            problems.append(ImportProblem(row: 1, column: nil, detail: "The header must start with respondent_code,wave (as /v1/export.csv writes it)."))
        }
        // One wave per file: its questionnaire names the columns, its map the codes. The file's
        // wave is the one most rows name (the first of equals); a row naming another is a problem
        // of that row, and every other row is still checked against the file's wave.
        var rowsByWave: [Int: [Int]] = [:]
        for (offset, record) in records.enumerated().dropFirst() {
            if record.count > 1, let wave = Int(record[1].trimmingCharacters(in: .whitespaces)) { rowsByWave[wave, default: []].append(offset + 1) }
        }
        let known = waves.keys.filter { $0 != 1 }.sorted().map(String.init).joined(separator: ", ")
        let fileWave = rowsByWave.max { ($0.value.count, -($0.value.first ?? 0)) < ($1.value.count, -($1.value.first ?? 0)) }?.key
        let context = fileWave.flatMap { waves[$0] }
        if let fileWave, context == nil, let first = rowsByWave[fileWave]?.first {
            problems.append(ImportProblem(row: first, column: "wave", detail: "There is no wave \(fileWave); waves: \(known). Staff create a wave with `betakomm wave create`."))
        }
        let questionnaire = context?.questionnaire ?? Questionnaire.report2011
        var questions: [Int: Question] = [:]
        for (index, name) in columns.enumerated().dropFirst(2) {
            if columns[..<index].contains(name) {
                problems.append(ImportProblem(row: 1, column: name, detail: "The column \"\(name)\" appears twice."))
            } else if let question = try? questionnaire.question(name) {
                questions[index] = question
            } else {
                problems.append(ImportProblem(row: 1, column: name, detail: "There is no question \"\(name)\" in the questionnaire."))
            }
        }
        guard problems.isEmpty else { return ([], max(records.count - 1, 0), problems) }
        let validator = AnswerValidator(questionnaire: questionnaire)
        var rows: [ValidRow] = []
        var seen: [String: Int] = [:]
        var dataRows = 0
        for (offset, record) in records.enumerated().dropFirst() {
            let row = offset + 1
            if record.count == 1, record[0].isEmpty { continue }
            dataRows += 1
            guard record.count == columns.count else {
                problems.append(ImportProblem(row: row, column: nil, detail: "The row has \(record.count) fields; the header has \(columns.count)."))
                continue
            }
            var rowProblems: [ImportProblem] = []
            let code = record[0].trimmingCharacters(in: .whitespaces)
            if let context, !context.units.contains(code) {
                rowProblems.append(ImportProblem(row: row, column: "respondent_code", detail: "There is no unit with code \"\(code)\" on the \(context.wave.map) map that wave \(context.wave.id) asks (kommunenummer, 4 digits; county 2 digits)."))
            } else if let first = seen[code] {
                rowProblems.append(ImportProblem(row: row, column: "respondent_code", detail: "Respondent \(code) appears again (first on row \(first)); give one row per respondent."))
            } else {
                seen[code] = row
            }
            let wave = Int(record[1].trimmingCharacters(in: .whitespaces))
            if wave == nil {
                rowProblems.append(ImportProblem(row: row, column: "wave", detail: "The wave is a wave's id (\(known)), not \"\(record[1])\"."))
            } else if let wave, let fileWave, wave != fileWave {
                rowProblems.append(ImportProblem(row: row, column: "wave", detail: "The file holds wave \(fileWave) and this row wave \(wave); import one wave per file."))
            }
            var answers: [String: SubmittedValue] = [:]
            for (index, question) in questions {
                if let value = AnswerCSV.submittedValue(record[index], for: question) { answers[question.id] = value }
            }
            switch validator.validate(answers: .object(answers)) {
            case let .success(valid):
                if rowProblems.isEmpty, let wave { rows.append(ValidRow(respondentCode: code, wave: wave, answers: valid)) }
            case let .failure(errors):
                rowProblems += errors.problems.map { problem in
                    // `/answers/<question>[/<index>]` names the column.
                    ImportProblem(row: row, column: JSONPointer.tokens(problem.pointer).dropFirst().first, detail: problem.detail)
                }
            }
            problems += rowProblems
        }
        return (rows, dataRows, problems)
    }
}
