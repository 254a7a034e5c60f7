/// The population file KS staff download from Statistics Norway's statistikkbanken: table 07459,
/// population 1 January by region, exported as CSV.
///
/// Accepted variants of the export:
/// - title lines and empty lines before the header (the header is the first line with a column `region`);
/// - `;` or `,` as separator (whichever splits the header), fields quoted with `"` (`""` inside),
///   CRLF or LF line ends, an optional UTF-8 byte order mark;
/// - UTF-8, or Windows-1252 / Latin-1 when the bytes are not valid UTF-8;
/// - a year column (`år`/`year`/`tid`) and one value column, optionally a `statistikkvariabel` column;
///   or the year in each value column's header (`Personer 2024`, `Befolkning 2025`, `2024`);
/// - regions as `5001 Trondheim - Tråante`, `K-5001 …`, `5001`, `50 Trøndelag - Trööndelage`, `F-50 …`;
///   the whole country (`0 Hele landet`) is skipped with a note;
/// - numbers with spaces or non-breaking spaces between thousands (`207 595`); `.`, `..`, `...`, `:`
///   and `-` mean no value.
///
/// A file broken down by sex or age (columns `kjønn`, `alder`) is refused: the export must have
/// those variables eliminated (totals only).
public struct PopulationFile: Sendable {
    /// One thing wrong with a file, worded for the staff member who downloaded it.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The 1-based line of the file, or nil for a problem of the whole file (e.g. a unit missing).
        public let line: Int?
        public let message: String

        public init(line: Int?, message: String) {
            self.line = line
            self.message = message
        }

        /// `line 14: "9999 Atlantis" is not a unit of the map`, or the message alone without a line.
        public var description: String { line.map { "line \($0): \(message)" } ?? message }
    }

    /// A file read without problems.
    public struct Result: Sendable, Equatable {
        /// The year whose population was taken (population on 1 January of that year).
        public let year: Int
        /// Population by unit code, exactly the known codes.
        public let populations: [String: Int]
        /// What was done that is not an error: which year was used and why, rows skipped, the encoding.
        public let notes: [String]
    }

    /// Parses the bytes of a statistikkbanken CSV export of table 07459.
    ///
    /// - Parameters:
    ///   - knownCodes: the codes of the map's units (`"5001"`, `"50"`); every unit must appear exactly
    ///     once for the year (a missing unit is a problem without a line); unknown codes are problems
    ///     with their line; duplicates (same code, same year) are problems on each of their lines.
    ///   - year: the year to take; nil takes the latest year in the file.
    /// - Returns: the populations, or every problem found, sorted by line (problems without a line
    ///   last); nothing is loaded when there is any problem.
    public static func parse(_ bytes: [UInt8], knownCodes: Set<String>, year: Int? = nil) -> Swift.Result<Result, PopulationFileError> {
        var reader = Reader(knownCodes: knownCodes)
        if let result = reader.read(bytes, year: year), reader.problems.isEmpty {
            return .success(result)
        }
        return .failure(PopulationFileError(problems: reader.problems))
    }
}

/// Every problem of a population file, sorted by line (problems without a line last).
public struct PopulationFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [PopulationFile.Problem]

    public init(problems: [PopulationFile.Problem]) {
        self.problems = problems.enumerated().sorted { a, b in
            switch (a.element.line, b.element.line) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// One problem a line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

extension PopulationFile {
    /// One value cell of the file: whose, which year, where, and what it says.
    private struct Cell {
        let line: Int
        let region: String // the region cell as written, for messages
        let code: String
        let year: Int
        let value: String
    }

    /// The columns of the header.
    private struct Columns {
        var region: Int
        var count: Int
        /// Long shape: the year column and the value column.
        var yearAndValue: (year: Int, value: Int)?
        /// Wide shape: the value columns and the year each holds.
        var yearColumns: [(column: Int, year: Int)] = []
    }

    private struct Reader {
        let knownCodes: Set<String>
        var problems: [Problem] = []
        var notes: [String] = []

        init(knownCodes: Set<String>) { self.knownCodes = knownCodes }

        mutating func problem(_ line: Int?, _ message: String) {
            problems.append(Problem(line: line, message: message))
        }

        mutating func read(_ bytes: [UInt8], year wantedYear: Int?) -> Result? {
            let (text, isUTF8) = CSVText.decode(bytes)
            if !isUTF8 { notes.append("the file is not UTF-8; read it as Latin-1 (Windows-1252)") }
            if text.allSatisfy(\.isWhitespace) {
                problem(nil, "the file is empty")
                return nil
            }
            guard let (records, separator, headerIndex) = findHeader(text) else { return nil }
            let header = records[headerIndex]
            guard let columns = readHeader(header, separator: separator) else { return nil }

            // The value cells of every data row.
            var cells: [Cell] = []
            var rows = 0
            for record in records[(headerIndex + 1)...] where !record.isBlank {
                rows += 1
                guard record.fields.count == columns.count else {
                    problem(record.line, "has \(record.fields.count) \(record.fields.count == 1 ? "column" : "columns"), the header (line \(header.line)) has \(columns.count); is a \(separator == ";" ? "semicolon" : "comma") missing or one too many?")
                    continue
                }
                let region = clean(record.fields[columns.region])
                guard let code = unitCode(region, line: record.line) else { continue }
                if let (yearColumn, valueColumn) = columns.yearAndValue {
                    let yearText = clean(record.fields[yearColumn])
                    guard let year = Int(yearText), (1000...9999).contains(year) else {
                        problem(record.line, "the year \"\(yearText)\" is not a year")
                        continue
                    }
                    cells.append(Cell(line: record.line, region: region, code: code, year: year, value: record.fields[valueColumn]))
                } else {
                    for (column, year) in columns.yearColumns {
                        cells.append(Cell(line: record.line, region: region, code: code, year: year, value: record.fields[column]))
                    }
                }
            }
            if rows == 0 {
                problem(nil, "the file has no rows of population after the header (line \(header.line))")
                return nil
            }

            // The year to take.
            let years = Set(cells.map(\.year)).sorted()
            guard !years.isEmpty else {
                // Every row had a problem already, or was skipped (the whole country only).
                if problems.isEmpty { problem(nil, "the file has no population of any unit of the map, only of the whole country") }
                return nil
            }
            let year: Int
            if let wantedYear {
                guard years.contains(wantedYear) else {
                    problem(nil, "the file has no population for \(wantedYear); it has \(yearList(years))")
                    return nil
                }
                year = wantedYear
                notes.append("took the population of 1 January \(year), the year asked for")
            } else {
                year = years[years.count - 1]
                notes.append(years.count == 1
                    ? "took the population of 1 January \(year), the only year in the file"
                    : "took the population of 1 January \(year), the latest year in the file (it has \(yearList(years)))")
            }

            // Values: numbers in every year; duplicates in every year; missing values in the year taken.
            var populations: [String: Int] = [:]
            var firstLine: [String: [Int]] = [:] // "code year" -> lines
            for cell in cells {
                firstLine["\(cell.code) \(cell.year)", default: []].append(cell.line)
                let value = number(cell.value)
                switch value {
                case let .number(n):
                    if cell.year == year { populations[cell.code] = n }
                case .missing:
                    if cell.year == year {
                        problem(cell.line, "\"\(cell.region)\" has no value for \(year) (\"\(clean(cell.value))\")")
                    }
                case .notANumber:
                    problem(cell.line, "the population of \"\(cell.region)\" for \(cell.year), \"\(clean(cell.value))\", is not a whole number")
                }
            }
            for cell in cells {
                let lines = firstLine["\(cell.code) \(cell.year)"]!
                guard lines.count > 1, let first = lines.first else { continue }
                if cell.line == first {
                    let others = lines.dropFirst().map(String.init).joined(separator: ", ")
                    problem(cell.line, "unit \(cell.code) appears more than once for \(cell.year): again on line\(lines.count > 2 ? "s" : "") \(others)")
                } else {
                    problem(cell.line, "unit \(cell.code) appears more than once for \(cell.year): first on line \(first)")
                }
            }

            // Every unit of the map.
            let inFile = Set(cells.filter { $0.year == year }.map(\.code))
            for code in knownCodes.subtracting(inFile).sorted() {
                problem(nil, "unit \(code) of the map is not in the file for \(year)")
            }
            return Result(year: year, populations: populations, notes: notes)
        }

        /// The records with the separator that splits the header, and the header's index.
        mutating func findHeader(_ text: String) -> (records: [CSVText.Record], separator: Unicode.Scalar, header: Int)? {
            var unclosed: CSVText.UnclosedQuote?
            for separator: Unicode.Scalar in [";", ","] {
                do {
                    let records = try CSVText.records(text, separator: separator)
                    if let header = records.firstIndex(where: { record in
                        record.fields.count >= 2 && record.fields.contains { name($0) == "region" }
                    }) {
                        return (records, separator, header)
                    }
                } catch {
                    unclosed = unclosed ?? error
                }
            }
            if let unclosed {
                problem(unclosed.line, "a quote (\") opens a field that is never closed")
            } else {
                problem(nil, "the file has no header line: no line has a column named \"region\"; expected the CSV that statistikkbanken exports of table 07459 (separated by ; or ,)")
            }
            return nil
        }

        /// The header's columns, or nil with problems.
        mutating func readHeader(_ header: CSVText.Record, separator: Unicode.Scalar) -> Columns? {
            let names = header.fields.map(name)
            let region = names.firstIndex(of: "region")!
            var columns = Columns(region: region, count: names.count)
            var yearColumn: Int?
            var others: [Int] = []
            var ok = true
            for (index, name) in names.enumerated() where index != region {
                switch name {
                case "år", "aar", "year", "tid", "time":
                    yearColumn = index
                case "statistikkvariabel", "contents", "statistikkvariabel (personer)":
                    continue
                case "kjønn", "sex", "alder", "age":
                    problem(header.line, "the file is broken down by \(header.fields[index].trimmed); export table 07459 with \(header.fields[index].trimmed) eliminated (totals only)")
                    ok = false
                default:
                    others.append(index)
                }
            }
            guard ok else { return nil }
            if let yearColumn {
                guard others.count == 1, let value = others.first else {
                    let list = others.map { "\"\(header.fields[$0].trimmed)\"" }.joined(separator: ", ")
                    problem(header.line, others.isEmpty
                        ? "the header has a year column but no column of population"
                        : "the header has a year column and more than one other column (\(list)); expected one column of population")
                    return nil
                }
                columns.yearAndValue = (yearColumn, value)
                return columns
            }
            for index in others {
                guard let year = yearIn(header.fields[index]) else {
                    problem(header.line, "the column \"\(header.fields[index].trimmed)\" has no year; expected a column \"år\" or the year in each population column's header (\"Personer 2024\")")
                    ok = false
                    continue
                }
                columns.yearColumns.append((index, year))
            }
            if others.isEmpty {
                problem(header.line, "the header has no column of population")
                ok = false
            }
            var seen: [Int: String] = [:]
            for (index, year) in columns.yearColumns {
                if let before = seen[year] {
                    problem(header.line, "the columns \"\(before)\" and \"\(header.fields[index].trimmed)\" are both for \(year)")
                    ok = false
                }
                seen[year] = header.fields[index].trimmed
            }
            return ok ? columns : nil
        }

        /// The unit code of a region cell, or nil (with a problem, or a note for the whole country).
        mutating func unitCode(_ region: String, line: Int) -> String? {
            var rest = Substring(region)
            if let first = rest.first, "KkFf".contains(first), rest.dropFirst().first == "-" {
                rest = rest.dropFirst(2)
            }
            let code = String(rest.prefix { $0.isASCII && $0.isNumber })
            let after = rest.dropFirst(code.count)
            let isWholeCountry = code == "0" || (code.isEmpty && region.lowercased().contains("hele landet"))
            if isWholeCountry {
                notes.append("skipped line \(line), \"\(region)\": the whole country is not a unit of the map")
                return nil
            }
            guard !code.isEmpty, after.first.map({ $0 == " " || $0 == "\t" }) ?? true else {
                problem(line, "\"\(region)\" does not start with a unit code (4 digits for a kommune, 2 for a county)")
                return nil
            }
            guard knownCodes.contains(code) else {
                if code.count == 4 || code.count == 2 {
                    problem(line, "\"\(region)\" is not a unit of the map")
                } else {
                    problem(line, "\"\(region)\": \(code) is not a unit code (4 digits for a kommune, 2 for a county)")
                }
                return nil
            }
            return code
        }
    }

    private enum Value { case number(Int), missing, notANumber }

    /// A value cell: a whole number, with spaces or non-breaking spaces between thousands; or missing.
    private static func number(_ cell: String) -> Value {
        let text = clean(cell)
        if ["", ".", "..", "...", ":", "-"].contains(text) { return .missing }
        let digits = text.filter { !spaces.contains($0) }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return .notANumber }
        return .number(n)
    }

    /// Spaces found between thousands: space, no-break space, narrow no-break space, thin space.
    private static let spaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}"]

    /// A cell without the spaces around it.
    private static func clean(_ cell: String) -> String { cell.trimmed }

    /// A header cell as compared: trimmed, lowercased.
    private static func name(_ cell: String) -> String { cell.trimmed.lowercased() }

    /// The year in a column header (`Personer 2024`): its only run of exactly four digits, 1000–2999.
    private static func yearIn(_ header: String) -> Int? {
        var years: [Int] = []
        var run = ""
        for character in header + " " {
            if character.isASCII && character.isNumber { run.append(character); continue }
            if run.count == 4, let year = Int(run), (1000...2999).contains(year) { years.append(year) }
            run = ""
        }
        return years.count == 1 ? years[0] : nil
    }

    private static func yearList(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "no years" }
        if years.count == 1 { return "\(first)" }
        if years.count == last - first + 1 && years.count > 2 { return "\(first)–\(last)" }
        return years.map(String.init).joined(separator: ", ")
    }
}

private extension String {
    /// Without spaces (incl. no-break spaces) and line ends around it.
    var trimmed: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
