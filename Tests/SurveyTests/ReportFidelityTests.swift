import Foundation
import Testing
import Survey
import SurveyCalibration

/// A listed contradiction: the report's value cannot hold, the data hold `held`.
struct ReportContradiction: Decodable {
    let id: String
    let report: Int
    let held: Int
    let arithmetic: String
}

struct ReportContradictionList: Decodable {
    let contradictions: [ReportContradiction]
}

/// Compares every number of Data/report-numbers.json with the value computed from a dataset.
enum ReportFidelity {
    /// The count README and docs/data.md state: the report's numbers reproduced as printed, of all
    /// of them; the rest are the listed contradictions.
    static let expected = (reproduced: 134, total: 141)

    static func numbers() throws -> [ReportNumber] {
        try JSONDecoder().decode(ReportNumberTable.self, from: Data(contentsOf: RepositoryFiles.data.appendingPathComponent("report-numbers.json"))).numbers
    }

    static func contradictions() throws -> [String: ReportContradiction] {
        let list = try JSONDecoder().decode(ReportContradictionList.self,
                                            from: Data(contentsOf: RepositoryFiles.data.appendingPathComponent("report-contradictions.json")))
        return Dictionary(uniqueKeysWithValues: list.contradictions.map { ($0.id, $0) })
    }

    /// Checks every number; returns how many were reproduced as printed, recording an issue for
    /// any number that is neither reproduced nor a listed contradiction holding its `held` value.
    static func check(_ dataset: SurveyDataset, label: String) throws -> (reproduced: Int, total: Int) {
        let numbers = try numbers()
        let contradictions = try contradictions()
        var reproduced = 0
        for number in numbers {
            let value = try number.computed(in: dataset)
            if abs(value - number.value) <= (number.tolerance ?? 0) {
                reproduced += 1
                #expect(contradictions[number.id] == nil, "\(number.id) is listed as a contradiction but reproduces")
            } else if let contradiction = contradictions[number.id] {
                #expect(value == contradiction.held, "\(number.id): held value \(contradiction.held) expected, data give \(value)")
                #expect(contradiction.report == number.value)
            } else {
                Issue.record("\(number.id) (line \(number.line)): report \(number.value), data \(value) — \(number.quote)")
            }
        }
        print("\(label): \(reproduced) of \(numbers.count) report numbers reproduced (\(contradictions.count) listed contradictions)")
        #expect(reproduced == numbers.count - contradictions.count)
        return (reproduced, numbers.count)
    }
}

@Suite struct ReportFidelityTests {
    @Test func inMemoryBaselineReproducesTheReport() throws {
        let result = try ReportFidelity.check(BaselineFixture.dataset, label: "in-memory baseline")
        #expect(result.reproduced == ReportFidelity.expected.reproduced && result.total == ReportFidelity.expected.total)
    }

    /// Guards the table against typos in `line`/`value`: each cited line of the report shows the number.
    @Test func everyNumberCitesALineThatContainsItsValue() throws {
        let reportText = RepositoryFiles.root.appendingPathComponent("Data/report-2011.txt")
        let report = try String(contentsOf: reportText, encoding: .utf8).components(separatedBy: "\n")
        for number in try ReportFidelity.numbers() {
            #expect(number.line <= report.count)
            guard number.line <= report.count else { continue }
            let line = report[number.line - 1]
            let shown = line.contains(String(number.value)) || (number.value == 50 && line.contains("halvparten"))
            #expect(shown, "\(number.id): line \(number.line) does not show \(number.value)")
        }
    }
}
