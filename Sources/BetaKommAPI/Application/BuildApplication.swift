import Foundation
import HTTPServer
import Logging
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
    let pool = try DatabasePool(path: configuration.databasePath)
    do {
        let applied = try DatabaseMigrator(directory: URL(fileURLWithPath: configuration.migrationsDirectory)).migrate(pool)
        for migration in applied {
            logs.events.info("migration applied", metadata: ["migration": "\(migration.name)"])
        }
        let store = try SurveyDataStore(pool: pool)
        let metrics = ServiceMetrics()
        let context = APIContext(
            store: store, minimumCellSize: configuration.minimumCellSize, submissions: metrics.submissions,
            compression: configuration.serverConfiguration.compression
        )
        var router = Router()
        MetricsRoutes.register(on: &router, context: context, metrics: metrics)
        APIRoutes.register(on: &router, context: context, publicDirectory: configuration.publicDirectory)
        SubmissionRoutes.register(on: &router, service: try SubmissionService(pool: pool, store: store, submissionWave: configuration.submissionWave),
                                  counter: context.submissions)
        AuditRoutes.register(on: &router, pool: pool)
        ImportExportRoutes.register(on: &router, pool: pool, store: store)
        let middleware: [any Middleware] = [
            RequestIDMiddleware(),
            CORSMiddleware(origins: configuration.corsOrigins),
            RoleMiddleware(resolve: tokenResolver ?? TokenStore(pool: pool).resolver, events: logs.events),
            ResponseCacheMiddleware(context: context),
        ]
        let routes = router
        let logsAccess = configuration.accessLog == .on
        var serverConfiguration = configuration.serverConfiguration
        serverConfiguration.logger = logs.events  // the server's and the sockets' events join the event log
        let server = Server(
            configuration: serverConfiguration, middleware: middleware,
            onRequestCompleted: { completed in
                metrics.record(completed)
                if logsAccess { logs.access.record(completed) }
                onRequestCompleted?(completed)
            }
        ) { request in
            routes.respond(to: &request) { error, request in ErrorMapping.response(for: error, request: request, events: logs.events) }
        }
        metrics.attach(server.metrics)
        return Application(
            configuration: configuration, server: server, pool: pool, store: store, appliedMigrations: applied,
            metrics: metrics, logs: logs, routes: routes.routes
        )
    } catch {
        pool.close()
        throw error
    }
}
