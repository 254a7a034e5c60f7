// Micro-benchmark: one primary-key read through the Storage layer versus the same read in
// plain SQLite C calls, on the same connection (same page cache), interleaved in rounds.
//
//   swift build -c release --product storage-benchmark && .build/release/storage-benchmark
//
// Five variants per round, each `readsPerRound` reads of ids from the same pseudo-random
// sequence, each producing a Swift String and a Double:
//   raw        sqlite3_bind_int64 / sqlite3_step / sqlite3_column_* / sqlite3_reset
//   held       one cachedStatement(sql) per pass, then per read: bind, step, get(String/Double), reset
//   slot       per read: connection.cachedStatement(CachedSQL), bind, step, get(String/Double), reset
//   text       the same with connection.cachedStatement(String): the cache hashes the SQL text
//   queryOne   connection.queryOne(CachedSQL, [id]) -> Row, then row.get(…, at:)
import CSQLite
import Foundation
import Storage

let rowCount = 10_000
let rounds = 21
let readsPerRound = 100_000
let sql = "SELECT name, value FROM t WHERE id = ?"
let cachedSQL = CachedSQL(sql)

/// This thread's CPU time: the machine is shared, and wall time would count other processes'
/// turns on the core; CPU time counts only the reads' own work (and the kernel's on their behalf).
func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// The ids to read, the same for every variant: a linear congruential walk over 1...rowCount.
let ids: [Int64] = {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    return (0..<readsPerRound).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int64(state >> 33) % Int64(rowCount) + 1
    }
}()

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("storage-benchmark-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

let connection = try Connection(path: directory.appendingPathComponent("bench.sqlite").path)
try connection.transaction(kind: .immediate) { connection in
    try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, value REAL NOT NULL)")
    for id in 1...rowCount {
        try connection.execute("INSERT INTO t (id, name, value) VALUES (?, ?, ?)", [id, "kommune-\(id)-æøå", Double(id) / 7])
    }
}

var rawStatement: OpaquePointer?
guard sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &rawStatement, nil) == SQLITE_OK,
      let raw = rawStatement else {
    fatalError("prepare failed: \(String(cString: sqlite3_errmsg(connection.handle)))")
}
defer { sqlite3_finalize(raw) }

/// Sum of name lengths and values: consumed so the optimizer cannot drop the reads, and
/// compared across variants so all of them provably read the same data.
@MainActor func runRaw() -> Double {
    var checksum = 0.0
    for id in ids {
        sqlite3_bind_int64(raw, 1, id)
        guard sqlite3_step(raw) == SQLITE_ROW else { fatalError("raw: no row for \(id)") }
        let text = sqlite3_column_text(raw, 0)
        let count = Int(sqlite3_column_bytes(raw, 0))
        let name = String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
        let value = sqlite3_column_double(raw, 1)
        sqlite3_reset(raw)
        checksum += Double(name.utf8.count) + value
    }
    return checksum
}

/// The statement looked up per read, by `CachedSQL` slot (`byText == false`) or by text.
@MainActor func runStatement(byText: Bool) throws -> Double {
    var checksum = 0.0
    for id in ids {
        let statement = try byText ? connection.cachedStatement(sql) : connection.cachedStatement(cachedSQL)
        try statement.bind(id, at: 1)
        guard try statement.step() else { fatalError("statement: no row for \(id)") }
        let name = try statement.get(String.self, at: 0)
        let value = try statement.get(Double.self, at: 1)
        statement.reset()
        checksum += Double(name.utf8.count) + value
    }
    return checksum
}

/// As `runStatement`, but the statement is looked up once per pass, as code can within one
/// `DatabasePool.read` closure.
@MainActor func runHeldStatement() throws -> Double {
    var checksum = 0.0
    let statement = try connection.cachedStatement(sql)
    for id in ids {
        try statement.bind(id, at: 1)
        guard try statement.step() else { fatalError("held: no row for \(id)") }
        let name = try statement.get(String.self, at: 0)
        let value = try statement.get(Double.self, at: 1)
        statement.reset()
        checksum += Double(name.utf8.count) + value
    }
    return checksum
}

@MainActor func runQueryOne() throws -> Double {
    var checksum = 0.0
    for id in ids {
        guard let row = try connection.queryOne(cachedSQL, [id]) else { fatalError("queryOne: no row for \(id)") }
        let name = try row.get(String.self, at: 0)
        let value = try row.get(Double.self, at: 1)
        checksum += Double(name.utf8.count) + value
    }
    return checksum
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

let variants: [(String, () throws -> Double)] = [("raw", runRaw), ("held", runHeldStatement),
    ("slot", { try runStatement(byText: false) }), ("text", { try runStatement(byText: true) }), ("queryOne", runQueryOne)]

/// Runs the interleaved rounds and prints the medians. `inTransaction` runs each pass inside
/// one BEGIN … COMMIT, as queries inside `DatabasePool.read` run; otherwise every read is
/// its own implicit transaction, whose WAL read-lock (fcntl calls) dominates its cost.
@MainActor func measure(inTransaction: Bool) throws {
    var timings: [String: [Double]] = [:]
    var checksums: [String: Double] = [:]
    // One warm-up pass of each, then rounds in rotating order so drift hits all alike.
    for (_, run) in variants { _ = try run() }
    for round in 0..<rounds {
        for offset in 0..<variants.count {
            let (name, run) = variants[(round + offset) % variants.count]
            if inTransaction { try connection.execute("BEGIN DEFERRED TRANSACTION") }
            let start = now()
            checksums[name] = try run()
            let elapsed = now() - start
            if inTransaction { try connection.execute("COMMIT TRANSACTION") }
            timings[name, default: []].append(Double(elapsed) / Double(readsPerRound))
        }
    }
    guard Set(checksums.values).count == 1 else { fatalError("variants read different data: \(checksums)") }
    let rawNanoseconds = median(timings["raw"] ?? [])
    print(inTransaction ? "reads inside one transaction (as in DatabasePool.read):" : "reads in autocommit mode (one implicit transaction each):")
    for (name, _) in variants {
        let nanoseconds = median(timings[name] ?? [])
        let label = name.padding(toLength: 10, withPad: " ", startingAt: 0)
        print("  \(label) \(String(format: "%7.1f", nanoseconds)) ns/read   layer/raw \(String(format: "%.3f", nanoseconds / rawNanoseconds))")
    }
}

print("SQLite \(String(cString: sqlite3_libversion())), \(rowCount) rows, \(rounds) interleaved rounds × \(readsPerRound) reads, median CPU ns/read")
try measure(inTransaction: true)
try measure(inTransaction: false)
