import Foundation
import HTTPServer
import Logging
import SurveyData
import Storage

/// Opens (creating) the database at `configuration.databasePath`, applies the migrations in
/// `configuration.migrationsDirectory`, loads the survey data, and builds the server with the
/// middleware and every route. Call `start()` or `run()` on the result.
///
/// - Parameters:
///   - tokenResolver: the bearer-token lookup; `nil` means the hashed tokens of the database (``TokenStore``).
///   - onRequestCompleted: called after every response (besides the access log and metrics); keep it cheap.
///   - logs: where the access and event logs go; `nil` means standard output and standard error.
public func buildApplication(
    configuration: ServiceConfiguration, tokenResolver: TokenResolver? = nil,
    onRequestCompleted: (@Sendable (CompletedRequest) -> Void)? = nil, logs: ServiceLogs? = nil
) throws -> Application {
    let logs = logs ?? .standard(configuration)
    let pool = try DatabasePool(path: configuration.databasePath, configuration: .init(vfsName: configuration.databaseVFS))
    do {
        let applied = try DatabaseMigrator(directory: URL(fileURLWithPath: configuration.migrationsDirectory)).migrate(pool)
        for migration in applied {
            logs.events.info("migration applied", metadata: ["migration": "\(migration.name)"])
        }
        let store = try SurveyDataStore(pool: pool)
        let metrics = ServiceMetrics()
        let context = APIContext(store: store, minimumCellSize: configuration.minimumCellSize, submissions: metrics.submissions,
                                 cellKey: CellKeyPerturbation(secret: configuration.cellKeySecret))
        let compression = configuration.serverConfiguration.compression
        var router = Router()
        APIRoutes.register(
            on: &router, context: context, metrics: metrics,
            submissions: SubmissionService(pool: pool, store: store),
            rateLimiter: WriteRateLimiter(perMinute: configuration.writeRateLimit),
            publicDirectory: configuration.publicDirectory
        )
        let middleware: [any Middleware] = [
            RequestIDMiddleware(),
            CORSMiddleware(origins: configuration.corsOrigins),
            RoleMiddleware(resolve: tokenResolver ?? { [tokens = TokenStore(pool: pool)] in try tokens.resolve($0) }),
            ConditionalGETMiddleware(),
            ResponseCacheMiddleware(store: store, compresses: compression.enabled, uncachedRoutes: APIRoutes.uncachedRoutes),
            CompressionMiddleware(configuration: compression),
        ]
        let routes = router
        let logsAccess = configuration.accessLog == .on
        // Every error, from a handler or any middleware, becomes its problem here (ErrorProblems.swift);
        // an unexpected one (a 500) is logged with the request id.
        var serverConfiguration = configuration.serverConfiguration
        serverConfiguration.logger = logs.events  // the server's and the sockets' events join the event log
        let server = Server(
            configuration: serverConfiguration, router: routes, middleware: middleware, errors: .logging(to: logs.events),
            onRequestCompleted: { completed in
                metrics.record(completed)
                if logsAccess { logs.access.record(completed) }
                onRequestCompleted?(completed)
            }
        )
        metrics.attach(server.metrics)
        return Application(
            configuration: configuration, server: server, pool: pool, store: store, appliedMigrations: applied,
            metrics: metrics, logs: logs, router: routes
        )
    } catch {
        pool.close()
        throw error
    }
}
