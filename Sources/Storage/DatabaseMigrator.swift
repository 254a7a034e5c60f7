import Foundation

/// Applies migrations in version order, each in its own immediate transaction, and records
/// each in `schema_migrations` with its full SQL text.
///
/// The recorded text is compared with the current file on every start, so an edited applied
/// migration stops start-up (`MigrationError.changedSinceApplied`) instead of leaving
/// databases that ran different versions of it — GRDB's rule that shipped migrations never
/// change. The text itself is stored rather than a hash: it needs no hash code here, and
/// shows exactly what ran.
public struct DatabaseMigrator: Sendable {
    /// The migrations, sorted by version.
    public let migrations: [Migration]

    /// A migrator for these migrations; their versions must be unique.
    public init(migrations: [Migration]) throws {
        let sorted = migrations.sorted { $0.version < $1.version }
        for (previous, next) in zip(sorted, sorted.dropFirst()) where previous.version == next.version {
            throw MigrationError.duplicateVersion(version: next.version, files: [previous.name, next.name])
        }
        self.migrations = sorted
    }

    /// A migrator for the `NNNN_name.sql` files of `directory`.
    public init(directory: URL) throws {
        try self.init(migrations: try Migration.load(directory: directory))
    }

    /// Migrates the pool's database on its writer connection; returns the migrations applied now.
    @discardableResult
    public func migrate(_ pool: DatabasePool) throws -> [Migration] {
        try pool.writeWithoutTransaction { try migrate($0) }
    }

    /// Checks the applied migrations against the known ones, then applies the pending ones in
    /// order; returns those applied now (empty when the schema was current). A failing
    /// migration is rolled back entirely — DDL is transactional in SQLite — and reported
    /// with its file and statement; migrations before it stay applied.
    @discardableResult
    public func migrate(_ connection: Connection) throws -> [Migration] {
        try connection.transaction(kind: .immediate) { connection in
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    sql TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                )
                """)
        }
        let applied = try connection.query("SELECT version, name, sql FROM schema_migrations ORDER BY version")
        var latestApplied: Int?
        var appliedVersions: Set<Int> = []
        for row in applied {
            let version = try row.get(Int.self, named: "version")
            let name = try row.get(String.self, named: "name")
            guard let known = migrations.first(where: { $0.version == version }), known.name == name else {
                throw MigrationError.missingOnDisk(file: name, version: version)
            }
            guard try row.get(String.self, named: "sql") == known.sql else {
                throw MigrationError.changedSinceApplied(file: name)
            }
            appliedVersions.insert(version)
            latestApplied = version
        }

        var appliedNow: [Migration] = []
        for migration in migrations where !appliedVersions.contains(migration.version) {
            if let latestApplied, migration.version < latestApplied {
                throw MigrationError.outOfOrder(file: migration.name, latestAppliedVersion: latestApplied)
            }
            let didApply = try connection.transaction(kind: .immediate) { connection in
                // Another process may have applied it since the check above; the immediate
                // transaction holds the write lock, so this second look is authoritative.
                let recorded = try connection.scalar(Int.self, "SELECT count(*) FROM schema_migrations WHERE version = ?",
                                                     [migration.version])
                guard recorded == 0 else { return false }
                do {
                    try connection.executeScript(migration.sql)
                } catch let error as DatabaseError {
                    throw MigrationError.failed(file: migration.name, statement: error.sql, error: error)
                }
                try connection.execute("""
                    INSERT INTO schema_migrations (version, name, sql, applied_at)
                    VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    """, [migration.version, migration.name, migration.sql])
                return true
            }
            if didApply {
                appliedNow.append(migration)
            }
            latestApplied = migration.version
        }
        return appliedNow
    }
}
