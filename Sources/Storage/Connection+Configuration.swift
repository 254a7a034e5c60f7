extension Connection {
    /// How a connection is set up after opening.
    public struct Configuration: Sendable {
        /// How long to wait for a lock before SQLITE_BUSY. Default 5000 ms.
        public var busyTimeoutMilliseconds: Int32
        /// Switch the file to write-ahead logging. Default true.
        public var writeAheadLog: Bool
        /// Refuse all writes on this connection (`PRAGMA query_only`). Default false.
        public var queryOnly: Bool
        /// The registered SQLite VFS to open the file through (https://www.sqlite.org/vfs.html);
        /// `nil` is the default (`unix`). The power-loss tests pass their simulating VFS here.
        public var vfsName: String?

        public init(busyTimeoutMilliseconds: Int32 = 5000, writeAheadLog: Bool = true, queryOnly: Bool = false, vfsName: String? = nil) {
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.writeAheadLog = writeAheadLog
            self.queryOnly = queryOnly
            self.vfsName = vfsName
        }
    }
}
