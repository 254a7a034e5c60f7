import Foundation
import Storage
import Synchronization
import Testing

@Suite struct BackupTests {
    @Test func backupDuringWritesIsConsistentAndHoldsEverythingCommittedBefore() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("live.sqlite"))
        let filler = [UInt8](repeating: 0xAB, count: 400)
        try pool.write { connection in
            try connection.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)")
            try connection.execute("CREATE TABLE pair (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL)")
            try connection.execute("INSERT INTO pair VALUES (1, 500), (2, 500)")
            for _ in 0..<5_000 {
                try connection.execute("INSERT INTO item (payload) VALUES (?)", [filler])
            }
        }

        let stop = Atomic<Bool>(false)
        let writeErrors = Mutex<[String]>([])
        let writes = Atomic<Int>(0)
        let writerFinished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            defer { writerFinished.signal() }
            while !stop.load(ordering: .acquiring) {
                do {
                    try pool.write { connection in
                        try connection.execute("INSERT INTO item (payload) VALUES (?)", [filler])
                        try connection.execute("UPDATE pair SET amount = amount - 1 WHERE id = 1")
                        try connection.execute("UPDATE pair SET amount = amount + 1 WHERE id = 2")
                    }
                    writes.add(1, ordering: .relaxed)
                } catch {
                    writeErrors.withLock { $0.append("\(error)") }
                }
            }
        }
        // Let the writer get going, then note what is committed before the backup starts.
        while writes.load(ordering: .relaxed) < 5 { usleep(1_000) }
        let committedBefore = try pool.read { try $0.scalar(Int.self, "SELECT max(id) FROM item") } ?? 0
        let writesBeforeBackup = writes.load(ordering: .relaxed)
        let backupPath = directory.path("backup.sqlite")
        // Small steps so that many steps interleave with the writer's commits.
        try pool.backup(to: backupPath, pagesPerStep: 16)
        let writesDuringBackup = writes.load(ordering: .relaxed)
        stop.store(true, ordering: .releasing)
        writerFinished.wait()

        #expect(writeErrors.withLock { $0 }.isEmpty)
        // The writer was not blocked by the backup.
        #expect(writesDuringBackup > writesBeforeBackup, "\(writesBeforeBackup) → \(writesDuringBackup)")
        #expect(!FileManager.default.fileExists(atPath: backupPath + ".partial"))
        let copy = try Connection(path: backupPath)
        #expect(try copy.scalar(String.self, "PRAGMA integrity_check") == "ok")
        #expect(try copy.scalar(Int.self, "SELECT count(*) FROM item WHERE id <= ?", [committedBefore]) == committedBefore)
        #expect(try copy.scalar(Int.self, "SELECT sum(amount) FROM pair") == 1000)
        // The snapshot's rows and pair agree: one write = one item and one unit moved.
        let items = try copy.scalar(Int.self, "SELECT count(*) FROM item") ?? 0
        #expect(try copy.scalar(Int.self, "SELECT amount FROM pair WHERE id = 2") == 500 + items - 5_000)
    }

    @Test func backupRefusesToOverwrite() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("live.sqlite"))
        let existing = directory.path("existing.sqlite")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: existing))
        #expect(throws: StorageError.destinationExists(path: existing)) {
            try pool.backup(to: existing)
        }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me")
    }
}

@Suite struct BackupRefusalTests {
    @Test func backupOfAClosedPoolOrIntoAMissingDirectoryIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("live.sqlite"))
        let nowhere = directory.path("absent/backup.sqlite")
        #expect(throws: StorageError.parentDirectoryMissing(path: nowhere)) { try pool.backup(to: nowhere) }
        pool.close()
        #expect(throws: StorageError.poolClosed) { try pool.backup(to: directory.path("late.sqlite")) }
        #expect(!FileManager.default.fileExists(atPath: directory.path("late.sqlite")))
    }
}
