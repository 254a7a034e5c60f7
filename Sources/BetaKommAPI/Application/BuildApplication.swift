import Foundation
import HTTPServer
import Storage

/// Opens (creating) the database at `configuration.databasePath`, applies the migrations in
/// `configuration.migrationsDirectory`, loads the survey data, and builds the server with the
/// middleware and every route. Call `start()` or `run()` on the result.
///
/// - Parameters:
///   - tokenResolver: the bearer-token lookup; `nil` means the hashed tokens of the database (``TokenStore``).
///   - onRequestCompleted: called after every response (access log, metrics); keep it cheap.
public func buildApplication(
    configuration: ServiceConfiguration, tokenResolver: TokenResolver? = nil,
    onRequestCompleted: (@Sendable (CompletedRequest) -> Void)? = nil
) throws -> Application {
    let pool = try DatabasePool(path: configuration.databasePath)
    do {
        let applied = try DatabaseMigrator(directory: URL(fileURLWithPath: configuration.migrationsDirectory)).migrate(pool)
        let store = try SurveyDataStore(pool: pool)
        let context = APIContext(store: store, minimumCellSize: configuration.minimumCellSize)
        var router = Router()
        APIRoutes.register(on: &router, context: context, publicDirectory: configuration.publicDirectory)
        SubmissionRoutes.register(on: &router, service: SubmissionService(pool: pool, store: store, submissionWave: configuration.submissionWave))
        AuditRoutes.register(on: &router, pool: pool)
        ImportExportRoutes.register(on: &router, pool: pool, store: store)
        var serverConfiguration = ServerConfiguration()
        serverConfiguration.host = configuration.host
        serverConfiguration.port = UInt16(configuration.port)
        let middleware: [any Middleware] = [
            CORSMiddleware(origins: configuration.corsOrigins),
            RoleMiddleware(resolve: tokenResolver ?? TokenStore(pool: pool).resolver),
        ]
        let routes = router
        let server = Server(configuration: serverConfiguration, middleware: middleware, onRequestCompleted: onRequestCompleted) { request in
            do {
                return try routes.respond(to: request)
            } catch {
                return ErrorMapping.response(for: error, request: request)
            }
        }
        return Application(configuration: configuration, server: server, pool: pool, store: store, appliedMigrations: applied)
    } catch {
        pool.close()
        throw error
    }
}
