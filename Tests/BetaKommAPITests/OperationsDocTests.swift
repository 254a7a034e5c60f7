import Foundation
import Testing
@testable import BetaKommAPI

/// The configuration tables of README.md and docs/operations.md must list every ``Setting`` with
/// its flag, environment variable and default, so the documents cannot drift from the code.
@Suite struct OperationsDocTests {
    @Test(arguments: ["README.md", "docs/operations.md"])
    func theConfigurationTableListsEverySetting(_ file: String) throws {
        let document = try String(contentsOf: TestApplication.repository.appendingPathComponent(file), encoding: .utf8)
        let rows = document.split(separator: "\n").filter { $0.hasPrefix("| `--") }
        for setting in Setting.allCases {
            let row = rows.first { $0.hasPrefix("| `--\(setting.flag)` |") }
            #expect(row != nil, "\(file) has no row for --\(setting.flag)")
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
