import Foundation
import Testing
import SurveyCalibration

@Suite struct RegenerationTests {
    /// The committed migrations are exactly what the committed generator produces.
    @Test func committedMigrationsAreByteIdenticalToRegenerated() throws {
        for (name, contents) in try BaselineMigrations.files(dataDirectory: RepositoryFiles.data) {
            let committed = try Data(contentsOf: RepositoryFiles.migrations.appendingPathComponent(name))
            #expect(committed == Data(contents.utf8), "\(name) differs from the generator's output: run `betakomm generate-data`")
        }
    }

    /// Two runs give the same bytes (no dictionary order or clock leaks in).
    @Test func generationIsDeterministic() throws {
        let first = try BaselineMigrations.files(dataDirectory: RepositoryFiles.data)
        let second = try BaselineMigrations.files(dataDirectory: RepositoryFiles.data)
        #expect(first.map(\.name) == second.map(\.name))
        #expect(first.map(\.contents) == second.map(\.contents))
    }

    @Test func writeCreatesTheThreeFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("betakomm-gen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let urls = try BaselineMigrations.write(dataDirectory: RepositoryFiles.data, outputDirectory: directory)
        #expect(urls.map(\.lastPathComponent) == ["0002_questionnaire.sql", "0003_respondents.sql", "0004_answers_2011.sql"])
        for url in urls { #expect(try Data(contentsOf: url).count > 1_000) }
    }
}
