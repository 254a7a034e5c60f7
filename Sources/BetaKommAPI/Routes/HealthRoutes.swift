import HTTPServer

/// `GET /health`: 200 `{"status":"ok","data_version":…,"database":"ok"}` when the database
/// answers a read, 503 with `"database":"unavailable"` otherwise. Never cached.
enum HealthRoutes {
    static func register(on router: inout Router, context: APIContext) {
        router.get("/health") { request in
            try QueryCheck.requireKnown(request.query, allowed: [])
            let document: JSONValue
            let status: HTTPStatus
            do {
                let version = try context.store.storedVersion()
                document = ["status": "ok", "data_version": .int(version), "database": "ok"]
                status = .ok
            } catch {
                document = ["status": "unavailable", "data_version": nil, "database": "unavailable"]
                status = .serviceUnavailable
            }
            var response = Response.json(document.serialized(), status: status)
            response.headers.set("Cache-Control", "no-store")
            return response
        }
    }
}
