import Foundation
import Testing
@testable import BetaKommAPI

/// docs/operations.md's configuration table must list every ``Setting`` with its flag,
/// environment variable and default, so the document cannot drift from the code.
@Suite struct OperationsDocTests {
    @Test func theConfigurationTableListsEverySetting() throws {
        let document = try String(contentsOf: TestApplication.repository.appendingPathComponent("docs/operations.md"), encoding: .utf8)
        let rows = document.split(separator: "\n").filter { $0.hasPrefix("| `--") }
        for setting in Setting.allCases {
            let row = rows.first { $0.hasPrefix("| `--\(setting.flag)` |") }
            #expect(row != nil, "docs/operations.md has no row for --\(setting.flag)")
            guard let row else { continue }
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(cells.count >= 4)
            guard cells.count >= 4 else { continue }
            #expect(cells[1] == "`\(setting.environmentVariable)`")
            #expect(cells[2] == (setting.defaultValue.isEmpty ? "(empty)" : "`\(setting.defaultValue)`"))
        }
        #expect(rows.count == Setting.allCases.count, "rows for settings that no longer exist")
    }
}
