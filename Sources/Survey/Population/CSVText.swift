/// A small reader of delimited text (CSV as spreadsheets and statistikkbanken write it), kept in the
/// domain target so that parsers of downloaded files need no other target.
///
/// Fields are separated by one character; a field may be quoted with `"` and then holds separators,
/// line ends and doubled quotes (`""` is one `"`), as in RFC 4180. Lines end with LF, CRLF or CR.
/// Every record carries the 1-based line of the file it starts on.
package enum CSVText {
    /// One record: its fields, unquoted, and the line (1-based) it starts on.
    package struct Record: Sendable, Equatable {
        package let line: Int
        package let fields: [String]

        /// True when the record has no characters but separators and spaces (an empty line).
        package var isBlank: Bool { fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
    }

    /// A quoted field that the text never closes: the line it opens on.
    package struct UnclosedQuote: Error, Sendable, Equatable {
        package let line: Int
    }

    /// Splits `text` into records. Text after a closing quote and before the next separator is kept
    /// (`"a"b` reads as `ab`), as spreadsheets do.
    package static func records(_ text: String, separator: Unicode.Scalar) throws(UnclosedQuote) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var inQuotes = false
        var afterQuote = false // the previous scalar closed a quote, or was a quote that may be doubled
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            records.append(Record(line: recordLine, fields: fields))
            fields = []
        }

        while let scalar = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                if afterQuote {
                    afterQuote = false
                    if scalar == "\"" { field.append("\""); continue } // "" inside quotes
                    inQuotes = false // the quote closed the field; handle this scalar outside quotes
                } else if scalar == "\"" {
                    afterQuote = true
                    continue
                } else {
                    if scalar == "\n" || (scalar == "\r") { line += 1 }
                    if scalar == "\r" {
                        // CRLF inside quotes: one line end, kept as LF.
                        if let next = scalars.next() { if next != "\n" { pending = next } }
                        field.append("\n")
                        continue
                    }
                    field.append(scalar)
                    continue
                }
            }
            switch scalar {
            case separator:
                fields.append(String(field))
                field = String.UnicodeScalarView()
            case "\"" where field.isEmpty || field.allSatisfy({ $0 == " " }):
                field = String.UnicodeScalarView()
                inQuotes = true
                quoteLine = line
            case "\n", "\r":
                if scalar == "\r", let next = scalars.next(), next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(scalar)
            }
        }
        if inQuotes && !afterQuote { throw UnclosedQuote(line: quoteLine) }
        if !fields.isEmpty || !field.isEmpty { endRecord() }
        return records
    }

    /// Decodes file bytes: UTF-8 (without its byte order mark) when they are valid UTF-8, else
    /// Windows-1252, the superset of Latin-1 (ISO-8859-1) that Norwegian Windows writes.
    /// `isUTF8` tells which.
    package static func decode(_ bytes: [UInt8]) -> (text: String, isUTF8: Bool) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return (text, true) }
        var scalars = String.UnicodeScalarView()
        for byte in body {
            if (0x80...0x9F).contains(byte), let mapped = windows1252[Int(byte - 0x80)] {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte)) // Latin-1 is the first 256 code points
            }
        }
        return (String(scalars), false)
    }

    /// Windows-1252's characters for the bytes 0x80–0x9F (nil: undefined, read as in Latin-1).
    private static let windows1252: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
