import Foundation
import Storage
import Testing

@Suite struct DatabaseErrorTests {
    private func makeSchema(_ connection: Connection) throws {
        try connection.executeScript("""
            CREATE TABLE county (code TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE);
            CREATE TABLE unit (code TEXT PRIMARY KEY, county TEXT NOT NULL REFERENCES county(code));
            INSERT INTO county VALUES ('05', 'Oppland');
            """)
    }

    @Test func uniqueViolationCarriesTheExtendedCodeAndNotTheValues() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("unique.sqlite"))
        try makeSchema(connection)
        let sql = "INSERT INTO county (code, name) VALUES (?, ?)"
        let error = try #require(throws: DatabaseError.self) {
            try connection.execute(sql, ["99", "Oppland"])
        }
        #expect(error.extendedResultCode == ResultCode.constraintUnique)
        #expect(error.isUniqueViolation && error.isConstraintViolation)
        #expect(!error.isForeignKeyViolation)
        #expect(error.message.contains("UNIQUE constraint failed: county.name"))
        #expect(error.sql == sql)
        #expect(!error.description.contains("99"))
    }

    @Test func foreignKeyViolationIsEnforcedAndTyped() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("fk.sqlite"))
        try makeSchema(connection)
        let error = try #require(throws: DatabaseError.self) {
            try connection.execute("INSERT INTO unit (code, county) VALUES (?, ?)", ["0514", "77"])
        }
        #expect(error.extendedResultCode == ResultCode.constraintForeignKey)
        #expect(error.isForeignKeyViolation && error.isConstraintViolation && !error.isUniqueViolation)
        let notNull = try #require(throws: DatabaseError.self) {
            try connection.execute("INSERT INTO unit (code, county) VALUES (?, ?)", ["0514", nil])
        }
        #expect(notNull.isNotNullViolation)
    }

    @Test func syntaxErrorHasMessageAndSQLButNoBoundValues() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("syntax.sqlite"))
        let sql = "SELEC name FROM county WHERE code = ?"
        let error = try #require(throws: DatabaseError.self) {
            try connection.query(sql, ["secret-token-123"])
        }
        #expect(error.resultCode == 1) // SQLITE_ERROR
        #expect(error.message.contains("syntax error"))
        #expect(error.sql == sql)
        #expect(error.description.contains(sql))
        #expect(!error.description.contains("secret-token-123"))
    }

    @Test func scriptFailureNamesTheFailingStatement() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("script.sqlite"))
        try makeSchema(connection)
        let runtime = try #require(throws: DatabaseError.self) {
            try connection.executeScript("""
                INSERT INTO county VALUES ('02', 'Akershus');
                INSERT INTO county VALUES ('03', 'Akershus');
                INSERT INTO county VALUES ('04', 'Hedmark');
                """)
        }
        #expect(runtime.sql == "INSERT INTO county VALUES ('03', 'Akershus');")
        #expect(runtime.isUniqueViolation)
        let prepare = try #require(throws: DatabaseError.self) {
            try connection.executeScript("SELECT 1;\n  SELECT 'a;b' FROM nowhere;\nSELECT 2;")
        }
        #expect(prepare.sql == "SELECT 'a;b' FROM nowhere;")
        #expect(prepare.message.contains("no such table: nowhere"))
    }
}
