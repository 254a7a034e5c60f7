/// Reads CSV as ``CSVWriter`` writes it, in either dialect: RFC 4180 (`,`) or Norwegian Excel
/// (UTF-8 byte order mark, `;`). The separator is taken from the header line: `;` when it has
/// a `;` and no `,`. Quoted fields may hold separators, doubled quotes and line breaks (§2.5–2.7);
/// lines may end in CRLF or LF (a spreadsheet saved on another system).
enum CSVReader {
    /// Why the text is not CSV; `row` is 1-based, counting the header.
    struct Failure: Error, Equatable {
        let row: Int
        let detail: String
    }

    /// The records, header first; a final empty line is not a record.
    static func records(_ text: String) throws(Failure) -> [[String]] {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        let headerLine = scalars.prefix { $0 != "\n" && $0 != "\r" }
        let separator: Unicode.Scalar = headerLine.contains(";") && !headerLine.contains(",") ? ";" : ","
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var index = scalars.startIndex
        func endRecord() {
            record.append(String(field))
            field = String.UnicodeScalarView()
            records.append(record)
            record = []
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if quoted {
                if scalar == "\"" {
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        field.append("\"")
                        index = scalars.index(after: index)
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case "\"": throw Failure(row: records.count + 1, detail: "a quote inside an unquoted field; quote the whole field and double the inner quotes")
            case separator:
                record.append(String(field))
                field = String.UnicodeScalarView()
            case "\r":
                if index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
                endRecord()
            case "\n": endRecord()
            default: field.append(scalar)
            }
        }
        if quoted { throw Failure(row: records.count + 1, detail: "a quoted field is not closed") }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        return records
    }
}
