import Foundation

/// CSV in two dialects: RFC 4180 (`,`, `.` decimals, CRLF), and the one Norwegian Excel opens
/// correctly by double-click (UTF-8 byte order mark, `;`, decimal comma, CRLF), where text cells
/// that a spreadsheet would run as a formula are defused with a leading `'` (OWASP, "CSV Injection").
struct CSVWriter: Sendable {
    enum Variant: String, Sendable {
        case rfc4180
        case excel
    }

    enum Cell: Sendable {
        case text(String)
        case integer(Int)
        case decimal(Double)
        case empty
    }

    let variant: Variant

    var contentType: String {
        "text/csv; charset=utf-8; header=present"
    }

    private var separator: String { variant == .excel ? ";" : "," }

    func document(header: [String], rows: [[Cell]]) -> [UInt8] {
        var text = variant == .excel ? "\u{FEFF}" : ""
        text += header.map { field(.text($0)) }.joined(separator: separator) + "\r\n"
        for row in rows {
            text += row.map(field).joined(separator: separator) + "\r\n"
        }
        return Array(text.utf8)
    }

    func field(_ cell: Cell) -> String {
        switch cell {
        case .empty: return ""
        case let .integer(value): return String(value)
        case let .decimal(value): return formatted(value)
        case let .text(value):
            var text = value
            if variant == .excel, let first = text.unicodeScalars.first, Self.formulaStarts.contains(first) {
                text = "'" + text
            }
            // RFC 4180 §2.6–2.7: quote fields holding the separator, a quote or a line break; double inner quotes.
            // Scalars, not Characters: "\r\n" is one Character and would equal neither "\r" nor "\n".
            let special: Set<Unicode.Scalar> = ["\"", "\n", "\r", variant == .excel ? ";" : ","]
            guard text.unicodeScalars.contains(where: special.contains) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }

    /// Up to four decimals, trailing zeros dropped; a decimal comma for Excel.
    private func formatted(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        if text == "-0" { text = "0" }
        return variant == .excel ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// `=`, `+`, `-`, `@`, tab and carriage return start a formula or a cell Excel reinterprets.
    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}
