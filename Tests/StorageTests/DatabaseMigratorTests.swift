import Foundation
import Storage
import Testing

@Suite struct DatabaseMigratorTests {
    private let first = "CREATE TABLE respondent (code TEXT PRIMARY KEY, name TEXT NOT NULL);\n"
    private let second = """
        CREATE TABLE answer (respondent TEXT NOT NULL REFERENCES respondent(code), question TEXT NOT NULL);
        CREATE INDEX answer_by_question ON answer (question);
        """

    private func write(_ files: [String: String], to directory: TemporaryDirectory) throws -> URL {
        let migrations = directory.url.appendingPathComponent("Migrations")
        try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
        for (name, sql) in files {
            try sql.write(to: migrations.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return migrations
    }

    private func tableNames(_ pool: DatabasePool) throws -> [String] {
        try pool.read { connection in
            try connection.query("SELECT name FROM sqlite_schema WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name")
                .map { try $0.get(String.self, at: 0) }
        }
    }

    @Test func appliesOnceRecordsAndSecondStartAppliesNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = try write(["0001_respondents.sql": first, "0002_answers.sql": second, "README.md": "not SQL"], to: directory)
        let pool = try DatabasePool(path: directory.path("db.sqlite"))
        let applied = try DatabaseMigrator(directory: folder).migrate(pool)
        #expect(applied.map(\.name) == ["0001_respondents.sql", "0002_answers.sql"])
        #expect(try tableNames(pool) == ["answer", "answer_by_question", "respondent", "schema_migrations"])
        let recorded = try pool.read { try $0.query("SELECT version, name, sql, applied_at FROM schema_migrations ORDER BY version") }
        #expect(try recorded.map { try $0.get(Int.self, named: "version") } == [1, 2])
        #expect(try recorded[1].get(String.self, named: "sql") == second)
        #expect(try recorded[0].get(String.self, named: "applied_at").hasSuffix("Z"))
        pool.close()

        let reopened = try DatabasePool(path: directory.path("db.sqlite"))
        #expect(try DatabaseMigrator(directory: folder).migrate(reopened).isEmpty)
        #expect(try reopened.read { try $0.scalar(Int.self, "SELECT count(*) FROM schema_migrations") } == 2)
    }

    @Test func changedAppliedFileRefusesStart() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = try write(["0001_respondents.sql": first], to: directory)
        let pool = try DatabasePool(path: directory.path("db.sqlite"))
        try DatabaseMigrator(directory: folder).migrate(pool)
        _ = try write(["0001_respondents.sql": first + "-- an edit\n", "0002_answers.sql": second], to: directory)
        #expect(throws: MigrationError.changedSinceApplied(file: "0001_respondents.sql")) {
            try DatabaseMigrator(directory: folder).migrate(pool)
        }
        // Nothing after the changed file ran either.
        #expect(try !tableNames(pool).contains("answer"))
    }

    @Test func appliedMigrationMissingOnDiskRefusesStart() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("db.sqlite"))
        try DatabaseMigrator(migrations: [Migration(version: 1, name: "0001_respondents.sql", sql: first),
                                          Migration(version: 2, name: "0002_answers.sql", sql: second)]).migrate(pool)
        #expect(throws: MigrationError.missingOnDisk(file: "0002_answers.sql", version: 2)) {
            try DatabaseMigrator(migrations: [Migration(version: 1, name: "0001_respondents.sql", sql: first)]).migrate(pool)
        }
    }

    @Test func failingMigrationLeavesSchemaAsBeforeAndNamesFileAndStatement() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("db.sqlite"))
        let broken = """
            CREATE TABLE answer (respondent TEXT NOT NULL, question TEXT NOT NULL);
            ALTER TABLE respondent ADD COLUMN county TEXT;
            INSERT INTO respondent (code, name) VALUES ('0301', 'Oslo');
            CREATE INDEX answer_by_question ON answer (no_such_column);
            """
        let migrator = try DatabaseMigrator(migrations: [
            Migration(version: 1, name: "0001_respondents.sql", sql: first),
            Migration(version: 2, name: "0002_broken.sql", sql: broken),
        ])
        let error = try #require(throws: MigrationError.self) { try migrator.migrate(pool) }
        guard case .failed(let file, let statement, let underlying) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(file == "0002_broken.sql")
        #expect(statement == "CREATE INDEX answer_by_question ON answer (no_such_column);")
        #expect(underlying.message.contains("no_such_column"))
        #expect(error.description.contains("0002_broken.sql"))
        // Migration 1 stays applied; all of migration 2 was rolled back.
        #expect(try tableNames(pool) == ["respondent", "schema_migrations"])
        let columns = try pool.read { try $0.query("SELECT name FROM pragma_table_info('respondent')").count }
        #expect(columns == 2)
        #expect(try pool.read { try $0.scalar(Int.self, "SELECT count(*) FROM respondent") } == 0)
        #expect(try pool.read { try $0.scalar(Int.self, "SELECT max(version) FROM schema_migrations") } == 1)
    }

    @Test func newMigrationNumberedBelowAnAppliedOneIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("db.sqlite"))
        try DatabaseMigrator(migrations: [Migration(version: 5, name: "0005_respondents.sql", sql: first)]).migrate(pool)
        let late = Migration(version: 3, name: "0003_answers.sql", sql: second)
        #expect(throws: MigrationError.outOfOrder(file: "0003_answers.sql", latestAppliedVersion: 5)) {
            try DatabaseMigrator(migrations: [late, Migration(version: 5, name: "0005_respondents.sql", sql: first)]).migrate(pool)
        }
    }

    @Test func badFileNamesAndDuplicateVersionsAreRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let badName = try write(["create.sql": first], to: directory)
        #expect(throws: MigrationError.invalidFileName("create.sql")) { try DatabaseMigrator(directory: badName) }
        #expect(throws: MigrationError.duplicateVersion(version: 1, files: ["0001_a.sql", "0001_b.sql"])) {
            try DatabaseMigrator(migrations: [Migration(version: 1, name: "0001_a.sql", sql: first),
                                              Migration(version: 1, name: "0001_b.sql", sql: second)])
        }
    }
}
