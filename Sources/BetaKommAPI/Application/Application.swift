import Foundation
import HTTPServer
import Logging
import Storage

/// The running service: the HTTP server, the database pool and the in-memory survey data.
/// Made by ``buildApplication(configuration:tokenResolver:onRequestCompleted:logs:)``; the
/// executable and the tests start it the same way.
public final class Application: Sendable {
    public let configuration: ServiceConfiguration
    public let server: Server
    public let pool: DatabasePool
    /// The survey data and rendered-response cache; call `store.markStale()` after writing answers.
    public let store: SurveyDataStore
    /// The migrations applied while building (empty when the database was up to date).
    public let appliedMigrations: [Migration]
    /// The counters behind `GET /metrics`.
    public let metrics: ServiceMetrics
    /// The access and event logs.
    public let logs: ServiceLogs
    /// Every route, with where it runs.
    let router: Router
    /// Every method and route pattern served (checked against the OpenAPI document by its tests).
    public var routes: [(method: HTTPMethod, pattern: String)] { router.routes }

    init(
        configuration: ServiceConfiguration, server: Server, pool: DatabasePool, store: SurveyDataStore, appliedMigrations: [Migration],
        metrics: ServiceMetrics, logs: ServiceLogs, router: Router
    ) {
        self.configuration = configuration
        self.server = server
        self.pool = pool
        self.store = store
        self.appliedMigrations = appliedMigrations
        self.metrics = metrics
        self.logs = logs
        self.router = router
    }

    /// The bound port once started (the real one when configured with port 0).
    public var port: UInt16 { server.port }

    /// Binds and starts serving; returns the bound port.
    @discardableResult
    public func start() throws -> UInt16 {
        try server.start()
    }

    /// Starts (if needed) and blocks until the server has shut down, then closes the database.
    public func run() throws {
        try server.run()
        closeDatabase()
    }

    /// Shuts down gracefully on SIGTERM and SIGINT: requests in progress get up to `timeout`
    /// seconds (default: the configured shutdown timeout); ``run()`` then closes the database.
    public func installSignalHandlers(timeout: Double? = nil) {
        let timeout = timeout ?? configuration.shutdownTimeout
        let events = logs.events
        let server = server
        server.installSignalHandlers(timeout: timeout) { signal in
            events.info("shutting down", metadata: [
                "signal": "\(signal == SIGTERM ? "SIGTERM" : signal == SIGINT ? "SIGINT" : String(signal))",
                "open_connections": "\(server.metrics.openConnections)", "timeout_seconds": "\(timeout)",
            ])
        }
    }

    /// Stops accepting, lets requests in progress finish for up to `timeout` seconds, closes the database.
    public func shutdown(timeout: Double = 10) {
        server.shutdown(timeout: timeout)
        closeDatabase()
    }

    /// Folds the write-ahead log back into the database file and truncates it, so that the file
    /// alone is a complete copy once the process is gone (sqlite.org/pragma.html#pragma_wal_checkpoint:
    /// "TRUNCATE … blocks … until all readers are finished … then truncates the log file to zero
    /// bytes"), then closes every connection. Safe to call twice: the second finds the pool closed.
    private func closeDatabase() {
        do {
            try pool.writeWithoutTransaction { try $0.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
            logs.events.info("database checkpointed", metadata: ["database": "\(configuration.databasePath)"])
        } catch StorageError.poolClosed {
            return
        } catch {
            logs.events.warning("checkpoint failed", error: error, metadata: ["database": "\(configuration.databasePath)"])
        }
        pool.close()
        logs.flush()
    }
}
