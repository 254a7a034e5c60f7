import HTTPServer

/// `GET /health`: 200 `{"status":"ok","data_version":…,"database":"ok"}` when the database file
/// passes ``DatabaseHealth`` (checked afresh on every call) and the pool still answers a read;
/// otherwise a 503 problem document saying why. Never cached.
enum HealthRoutes {
    static func register(on router: inout Router, context: APIContext) {
        let health = DatabaseHealth(path: context.store.databasePath)
        // On a worker: each check opens a fresh database connection.
        router.get("/health", runsOn: .worker) { request in
            try QueryCheck.requireKnown(request.query, allowed: [])
            let version: Int
            do {
                version = try health.check()
                // The pool too: it is closed once shutdown has begun.
                _ = try context.store.storedVersion()
            } catch let failure as DatabaseHealth.Failure {
                throw APIError.unavailable("The database is unavailable: \(failure.description).")
            } catch {
                throw APIError.unavailable("The database is unavailable: the server's connections cannot read it.")
            }
            let document: JSONValue = ["status": "ok", "data_version": .int(version), "database": "ok"]
            var response = Response.json(document.serialized())
            response.headers.set("Cache-Control", "no-store")
            return response
        }
    }
}
