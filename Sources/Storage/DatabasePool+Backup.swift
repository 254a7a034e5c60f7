import CSQLite
import Foundation

extension DatabasePool {
    /// Copies the database to a new file at `destinationPath` while the pool keeps serving,
    /// with SQLite's online backup API (https://www.sqlite.org/backup.html).
    ///
    /// The copy is a consistent snapshot: the source connection holds one read transaction
    /// for the whole backup, so every `sqlite3_backup_step` reads the same WAL snapshot and
    /// the backup never restarts; in WAL mode that read transaction does not block the
    /// writer. It copies `pagesPerStep` pages per step and pauses briefly between steps.
    /// The file is written under a temporary name and renamed into place when complete, so
    /// `destinationPath` never holds a partial copy. An existing destination is refused.
    public func backup(to destinationPath: String, pagesPerStep: Int32 = 256) throws {
        try checkOpen()
        guard !FileManager.default.fileExists(atPath: destinationPath) else {
            throw StorageError.destinationExists(path: destinationPath)
        }
        let directory = URL(fileURLWithPath: destinationPath).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: directory) else {
            throw StorageError.parentDirectoryMissing(path: destinationPath)
        }
        let partialPath = destinationPath + ".partial"
        try? FileManager.default.removeItem(atPath: partialPath)

        // A connection of its own, so the backup neither takes a reader from the pool for its
        // whole duration nor shares a connection with another thread.
        let source = try Connection(path: path, configuration: .init(
            busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds, queryOnly: true))
        defer { source.close() }
        try source.transaction(kind: .deferred) { source in
            // A read starts the read transaction (BEGIN DEFERRED alone takes no snapshot).
            _ = try source.scalar(Int.self, "SELECT count(*) FROM sqlite_schema")
            do {
                try copyPages(from: source, toNewFile: partialPath, pagesPerStep: pagesPerStep)
            } catch {
                try? FileManager.default.removeItem(atPath: partialPath)
                throw error
            }
        }
        guard rename(partialPath, destinationPath) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: partialPath)
            throw DatabaseError(extendedResultCode: SQLITE_IOERR, message: "rename to \(destinationPath): \(reason)", sql: nil)
        }
        // The copy's pages were synced by SQLite; sync the directory too so that the rename
        // itself survives a crash (fsync(2): syncing a file does not sync its directory entry).
        if let directoryHandle = FileHandle(forReadingAtPath: directory) {
            try? directoryHandle.synchronize()
            try? directoryHandle.close()
        }
    }

    private func copyPages(from source: Connection, toNewFile path: String, pagesPerStep: Int32) throws {
        // The destination gets the source's pages, header included, so it needs no set-up
        // of its own: it will be a WAL database when opened.
        let destination = try Connection(path: path, configuration: .init(writeAheadLog: false))
        defer { destination.close() }
        guard let backup = sqlite3_backup_init(destination.handle, "main", source.handle, "main") else {
            let code = sqlite3_extended_errcode(destination.handle)
            throw DatabaseError.current(destination.handle, code: code, sql: nil)
        }
        var code = SQLITE_OK
        var busyMilliseconds: Int32 = 0
        repeat {
            code = sqlite3_backup_step(backup, pagesPerStep)
            switch code {
            case SQLITE_OK:
                busyMilliseconds = 0
                // Pause so the writer and readers get the cores between steps.
                usleep(1_000)
            case SQLITE_BUSY, SQLITE_LOCKED:
                // "the call to sqlite3_backup_step() can be retried later"
                // (https://www.sqlite.org/c3ref/backup_finish.html); for up to the busy timeout.
                busyMilliseconds += 1
                usleep(1_000)
            default:
                break
            }
        } while code == SQLITE_OK
            || ((code == SQLITE_BUSY || code == SQLITE_LOCKED) && busyMilliseconds < configuration.busyTimeoutMilliseconds)
        // finish reports the error of the failed step, if any, and frees the backup.
        let finishCode = sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE, finishCode == SQLITE_OK else {
            let failure = finishCode != SQLITE_OK ? finishCode : code
            throw DatabaseError.current(destination.handle, code: failure, sql: nil)
        }
    }
}
