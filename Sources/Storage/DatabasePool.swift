import Foundation

/// The database as the server uses it: one writer connection, serialized, and a few reader
/// connections used concurrently from many threads.
///
/// In WAL mode "readers do not block writers and a writer does not block readers"
/// (https://www.sqlite.org/wal.html), so reads proceed while a write transaction runs. There
/// is only ever one writer connection and it always begins with BEGIN IMMEDIATE, so writers
/// queue on the pool's lock instead of racing for SQLite's write lock; with the busy timeout
/// covering the short checkpoint and open-time locks, SQLITE_BUSY does not surface in normal use.
///
/// Each connection is used by at most one thread at a time (that is what makes
/// `SQLITE_OPEN_NOMUTEX` sound): the writer behind `writerLock`, each reader checked out of
/// `idleReaders` under `state`. That discipline is why this class is `@unchecked Sendable`.
public final class DatabasePool: @unchecked Sendable {
    /// Pool settings.
    public struct Configuration: Sendable {
        /// Reader connections, i.e. reads that can run at the same time. Default 4.
        public var readerCount: Int
        /// How long a connection waits for a lock before SQLITE_BUSY. Default 5000 ms.
        public var busyTimeoutMilliseconds: Int32
        /// The SQLite VFS every connection opens the file through; `nil` (default) is `unix`.
        /// Only the power-loss tests set it (see docs/storage.md).
        public var vfsName: String?

        public init(readerCount: Int = 4, busyTimeoutMilliseconds: Int32 = 5000, vfsName: String? = nil) {
            self.readerCount = readerCount
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.vfsName = vfsName
        }
    }

    /// The database file path.
    public let path: String
    /// The settings the pool was opened with.
    public let configuration: Configuration

    private let writer: Connection
    /// Held for the whole of a write; serializes writers.
    private let writerLock = NSLock()
    /// Guards `idleReaders`, `readersInUse`, `isClosed` and `writerThread`; signalled when a
    /// reader comes back.
    private let state = NSCondition()
    private var idleReaders: [Connection]
    private var readersInUse = 0
    private var isClosed = false
    private var writerThread: pthread_t?

    /// Opens (creating if missing) the database at `path`, switching it to WAL.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        self.path = path
        self.configuration = configuration
        // The writer opens first: it switches the file to WAL before any reader looks at it.
        writer = try Connection(path: path, configuration: .init(busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds,
                                                                 vfsName: configuration.vfsName))
        idleReaders = try (0..<max(1, configuration.readerCount)).map { _ in
            try Connection(path: path, configuration: .init(busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds,
                                                             queryOnly: true, vfsName: configuration.vfsName))
        }
    }

    deinit {
        close()
    }

    /// Runs `body` on a reader connection inside a deferred transaction, so every query in
    /// `body` sees the same committed snapshot. Writes are refused (`PRAGMA query_only`).
    /// Blocks while all readers are busy.
    public func read<Result>(_ body: (Connection) throws -> Result) throws -> Result {
        let reader = try checkOutReader()
        defer { checkIn(reader) }
        return try reader.transaction(kind: .deferred) { connection in
            // Nothing of this read may stay running when the connection returns to the pool.
            defer { connection.resetBusyStatements() }
            return try body(connection)
        }
    }

    /// Runs `body` on the writer connection inside a BEGIN IMMEDIATE transaction: committed
    /// when `body` returns, rolled back when it throws. Writes run one at a time.
    public func write<Result>(_ body: (Connection) throws -> Result) throws -> Result {
        try writeWithoutTransaction { connection in
            try connection.transaction(kind: .immediate) { connection in
                // Before COMMIT: a write statement still running would make COMMIT fail
                // (SQLITE_BUSY), a read one would keep its snapshot open after it.
                defer { connection.resetBusyStatements() }
                return try body(connection)
            }
        }
    }

    /// Runs `body` on the writer connection with no transaction around it, for work that
    /// manages its own transactions (migrations) or may not run in one (VACUUM).
    public func writeWithoutTransaction<Result>(_ body: (Connection) throws -> Result) throws -> Result {
        state.lock()
        if let owner = writerThread, pthread_equal(owner, pthread_self()) != 0 {
            state.unlock()
            throw StorageError.reentrantWrite
        }
        state.unlock()

        writerLock.lock()
        defer { writerLock.unlock() }
        state.lock()
        guard !isClosed else {
            state.unlock()
            throw StorageError.poolClosed
        }
        writerThread = pthread_self()
        state.unlock()
        defer {
            writer.resetBusyStatements()
            state.lock()
            writerThread = nil
            state.unlock()
        }
        return try body(writer)
    }

    /// Closes every connection after the running reads and write have finished; later calls
    /// throw `StorageError.poolClosed`. Calling it twice is harmless.
    public func close() {
        state.lock()
        isClosed = true
        state.broadcast()
        state.unlock()

        writerLock.lock()
        writer.close()
        writerLock.unlock()

        state.lock()
        while readersInUse > 0 {
            state.wait()
        }
        let readers = idleReaders
        idleReaders.removeAll()
        state.unlock()
        readers.forEach { $0.close() }
    }

    /// Throws `StorageError.poolClosed` once `close()` has begun.
    func checkOpen() throws {
        state.lock()
        defer { state.unlock() }
        if isClosed { throw StorageError.poolClosed }
    }

    private func checkOutReader() throws -> Connection {
        state.lock()
        defer { state.unlock() }
        while idleReaders.isEmpty && !isClosed {
            state.wait()
        }
        guard !isClosed, let reader = idleReaders.popLast() else {
            throw StorageError.poolClosed
        }
        readersInUse += 1
        return reader
    }

    private func checkIn(_ reader: Connection) {
        state.lock()
        idleReaders.append(reader)
        readersInUse -= 1
        state.broadcast()
        state.unlock()
    }
}
