import Foundation
import Storage
import Testing

@Suite struct RoundTripTests {
    @Test func everyTypeRoundTripsThroughAFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("types.sqlite"))
        try connection.execute("CREATE TABLE v (i INTEGER, r REAL, t TEXT, b BLOB, n TEXT, flag INTEGER, d BLOB)")
        let bytes: [UInt8] = [0, 1, 2, 0xFF, 0, 7]
        let text = "Vågå og Råde – æøå ÆØÅ 🇳🇴 \u{0}slutt"
        let optionalText: String? = nil
        try connection.execute("INSERT INTO v VALUES (?, ?, ?, ?, ?, ?, ?)",
                               [Int64.min, 0.1 + 0.2, text, bytes, optionalText, true, Data([9, 8])])
        let row = try #require(try connection.queryOne("SELECT * FROM v"))
        #expect(try row.get(Int64.self, named: "i") == Int64.min)
        #expect(try row.get(Double.self, named: "r") == 0.1 + 0.2)
        #expect(try row.get(String.self, named: "t") == text)
        #expect(try row.get([UInt8].self, named: "b") == bytes)
        #expect(try row.get(String?.self, named: "n") == nil)
        #expect(row["n"] == .null)
        #expect(try row.get(Bool.self, named: "flag") == true)
        #expect(try row.get(Data.self, named: "d") == Data([9, 8]))
        #expect(try connection.scalar(String.self, "SELECT typeof(b) || typeof(n) FROM v") == "blobnull")
        // Stored as all its UTF-8 bytes, the embedded NUL included.
        #expect(try connection.scalar(Int.self, "SELECT length(CAST(t AS BLOB)) FROM v") == text.utf8.count)
    }

    @Test func emptyTextAndEmptyBlobAreNotNull() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("empty.sqlite"))
        let row = try #require(try connection.queryOne("SELECT ? AS t, ? AS b, typeof(?) AS tb", ["", [UInt8](), [UInt8]()]))
        #expect(row["t"] == .text(""))
        #expect(row["b"] == .blob([]))
        #expect(row["tb"] == .text("blob"))
    }

    @Test func columnsByNameAreCaseInsensitiveAndMismatchesAreTyped() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("names.sqlite"))
        let sql = "SELECT 42 AS Answer, 'x' AS label"
        let row = try #require(try connection.queryOne(sql))
        #expect(try row.get(Int.self, named: "answer") == 42)
        #expect(throws: StorageError.typeMismatch(column: "label", expected: "Int", found: "text", sql: sql)) {
            try row.get(Int.self, named: "label")
        }
        #expect(throws: StorageError.columnNotFound(name: "missing", sql: sql)) {
            try row.get(Int.self, named: "missing")
        }
        let statement = try connection.cachedStatement(sql)
        #expect(try statement.step())
        #expect(try statement.get(String.self, named: "LABEL") == "x")
        #expect(try statement.get(Int.self, at: 0) == 42)
    }

    @Test func nullIntoNonOptionalIsATypeMismatch() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("null.sqlite"))
        let row = try #require(try connection.queryOne("SELECT NULL AS n"))
        #expect(throws: StorageError.self) { try row.get(String.self, at: 0) }
        #expect(try row.get(Int?.self, at: 0) == nil)
        #expect(try connection.scalar(Int.self, "SELECT NULL") == nil)
    }
}
