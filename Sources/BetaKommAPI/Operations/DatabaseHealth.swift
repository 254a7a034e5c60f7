import Foundation
import Storage
import SurveyData

/// Checks, afresh on every call, that the database file the server opened can still be used.
///
/// The pool's connections cannot tell: an open SQLite connection holds its file descriptor and
/// keeps reading after the file was chmod-ed, renamed or deleted, while new connections, backups
/// and the next start would fail, and writes would go to a file nobody can find. So each check
/// (1) `stat`s the path and compares device and inode with those seen at start (renamed, deleted,
/// replaced), (2) asks `access(R_OK|W_OK)` (permissions; root passes this whatever the mode),
/// (3) opens a new connection and reads the data version (a damaged header, an unreadable file).
struct DatabaseHealth: Sendable {
    enum Failure: Error, CustomStringConvertible {
        case missing(errno: Int32)
        case notARegularFile
        case replaced
        case notAccessible(errno: Int32)
        case unreadable(any Error)

        var description: String {
            switch self {
            case .missing(let code): "the database file is missing (\(String(cString: strerror(code))))"
            case .notARegularFile: "the database path is not a regular file"
            case .replaced: "the database file was replaced or moved since the server opened it"
            case .notAccessible(let code): "the database file is not readable and writable (\(String(cString: strerror(code))))"
            case .unreadable(let error): "the database cannot be read (\(error))"
            }
        }
    }

    let path: String
    private let identity: (device: UInt64, inode: UInt64)?

    /// Remembers the identity of the file now at `path` (call it once the pool has opened it).
    init(path: String) {
        self.path = path
        identity = Self.fileStatus(path).map { (UInt64($0.st_dev), UInt64($0.st_ino)) }
    }

    /// The data version read through a fresh connection, or why the database is not usable.
    func check() throws(Failure) -> Int {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .missing(errno: errno) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile }
        if let identity, identity != (UInt64(status.st_dev), UInt64(status.st_ino)) { throw .replaced }
        guard access(path, R_OK | W_OK) == 0 else { throw .notAccessible(errno: errno) }
        do {
            // No WAL switch (it is persistent in the file already) and read-only: a probe, not a user.
            let connection = try Connection(path: path, configuration: .init(busyTimeoutMilliseconds: 1000, writeAheadLog: false, queryOnly: true))
            defer { connection.close() }
            return try DataVersionRepository.current(connection)
        } catch {
            throw .unreadable(error)
        }
    }

    /// Bytes of the database file plus its write-ahead log (`nil` when the file is gone).
    func sizeInBytes() -> Int? {
        guard let main = Self.fileStatus(path) else { return nil }
        let wal = Self.fileStatus(path + "-wal").map { Int($0.st_size) } ?? 0
        return Int(main.st_size) + wal
    }

    private static func fileStatus(_ path: String) -> stat? {
        var status = stat()
        return stat(path, &status) == 0 ? status : nil
    }
}
