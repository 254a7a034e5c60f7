import Foundation
import HTTPServer
import Storage

/// The running service: the HTTP server, the database pool and the in-memory survey data.
/// Made by ``buildApplication(configuration:tokenResolver:)``; the executable and the tests
/// start it the same way.
public final class Application: Sendable {
    public let configuration: ServiceConfiguration
    public let server: Server
    public let pool: DatabasePool
    /// The survey data and rendered-response cache; call `store.invalidate()` after writing answers.
    public let store: SurveyDataStore
    /// The migrations applied while building (empty when the database was up to date).
    public let appliedMigrations: [Migration]

    init(configuration: ServiceConfiguration, server: Server, pool: DatabasePool, store: SurveyDataStore, appliedMigrations: [Migration]) {
        self.configuration = configuration
        self.server = server
        self.pool = pool
        self.store = store
        self.appliedMigrations = appliedMigrations
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
        pool.close()
    }

    /// Shuts down gracefully on SIGTERM and SIGINT: requests in progress get up to `timeout` seconds.
    public func installSignalHandlers(timeout: Double = 10) {
        server.installSignalHandlers(timeout: timeout)
    }

    /// Stops accepting, lets requests in progress finish for up to `timeout` seconds, closes the database.
    public func shutdown(timeout: Double = 10) {
        server.shutdown(timeout: timeout)
        pool.close()
    }
}
