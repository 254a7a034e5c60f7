import Foundation
import Testing
import Survey
import SurveyCalibration

@Suite struct RegenerationTests {
    /// The committed generated migrations (0002, 0003, 0020) are exactly what the committed generator produces.
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

    @Test func writeCreatesTheThreeGeneratedFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("betakomm-gen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let urls = try BaselineMigrations.write(dataDirectory: RepositoryFiles.data, outputDirectory: directory)
        #expect(urls.map(\.lastPathComponent) == ["0002_questionnaire.sql", "0003_respondents.sql", "0020_answers_2011_coherent.sql"])
        for url in urls { #expect(try Data(contentsOf: url).count > 1_000) }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(BaselineMigrations.frozenAnswersFile).path))
    }

    /// 0004 is the shipped first calibration: frozen, never regenerated or edited (the migrator
    /// refuses to start on an edited migration, and deployed databases have applied it). Its
    /// length and FNV-1a hash were taken when it was frozen; 0020 replaces its rows in place.
    @Test func frozen0004IsUnchanged() throws {
        let bytes = try Data(contentsOf: RepositoryFiles.migrations.appendingPathComponent(BaselineMigrations.frozenAnswersFile))
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        #expect(bytes.count == 255_480)
        #expect(hash == 0x2A80_C60A_60D6_6C4F, "0004_answers_2011.sql was edited: shipped migrations are never changed")
    }

    /// 0020 updates exactly the 274 baseline rows 0004 inserted, one statement each, and only
    /// synthetic baseline rows (never an import or a submission).
    @Test func migration0020ReplacesEveryRowOf0004InPlace() throws {
        let frozen = try String(contentsOf: RepositoryFiles.migrations.appendingPathComponent(BaselineMigrations.frozenAnswersFile), encoding: .utf8)
        let replacement = try String(contentsOf: RepositoryFiles.migrations.appendingPathComponent(BaselineMigrations.answersFile), encoding: .utf8)
        let inserted = frozen.split(separator: "\n").filter { $0.hasPrefix("INSERT INTO answer_sets") }
            .compactMap { $0.split(separator: "'").dropFirst().first.map(String.init) }
        let updates = replacement.split(separator: "\n").filter { !$0.hasPrefix("--") && !$0.isEmpty }
        #expect(updates.allSatisfy { $0.hasPrefix("UPDATE answer_sets SET answers = ") && $0.hasSuffix("AND wave = 2011 AND version = 1 AND source = 'baseline-2011';") })
        let updated = updates.compactMap { line -> String? in
            guard let range = line.range(of: "WHERE respondent_code = '") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != "'" })
        }
        #expect(inserted.count == 274)
        #expect(updated == inserted)
        #expect(updated == BaselineFixture.answerSets.map(\.respondentCode))
    }
}
