import HTTPServer

/// CORS for the configured origin allowlist (Fetch standard, "CORS protocol").
///
/// - A preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) from an allowed
///   origin for an allowed method and allowed headers gets 204 with the `Access-Control-Allow-*`
///   fields and `Max-Age`; from any other origin, or asking for more, 403.
/// - An actual request from an allowed origin gets `Access-Control-Allow-Origin` and the headers
///   a script may read (`ETag`, `Data-Version`, `Link`); from another origin it is served
///   without them, so the browser withholds the response from the script.
/// - Every response carries `Vary: Origin`, since the allow header depends on it.
struct CORSMiddleware: Middleware {
    /// Methods a cross-origin script may use (the submissions feature writes with PUT and PATCH).
    static let allowedMethods = ["GET", "HEAD", "PUT", "PATCH", "OPTIONS"]
    /// Request headers a cross-origin script may send, lowercased.
    static let allowedHeaders = ["authorization", "content-type", "if-match", "if-none-match", "idempotency-key"]
    static let exposedHeaders = "ETag, Data-Version, Link"
    static let maxAgeSeconds = 600

    private let origins: Set<String>
    private let anyOrigin: Bool

    /// - Parameter origins: allowed origins (`https://ks.no`); `*` allows any; empty allows none.
    init(origins: [String]) {
        self.anyOrigin = origins.contains("*")
        self.origins = Set(origins)
    }

    func allows(_ origin: String) -> Bool { anyOrigin || origins.contains(origin) }

    func handle(_ request: inout Request, next: RequestResponder) throws -> Response {
        guard let origin = request.headers["Origin"] else {
            var response = next(&request)
            response.headers.addVary("Origin")
            return response
        }
        if request.method == .options, let method = request.headers["Access-Control-Request-Method"] {
            return preflight(origin: origin, method: method, request: request)
        }
        var response = next(&request)
        response.headers.addVary("Origin")
        if allows(origin) {
            response.headers.set("Access-Control-Allow-Origin", anyOrigin ? "*" : origin)
            response.headers.set("Access-Control-Expose-Headers", Self.exposedHeaders)
        }
        return response
    }

    private func preflight(origin: String, method: String, request: Request) -> Response {
        let requested = request.headers.tokens(for: "Access-Control-Request-Headers")
        let refused: String?
        if !allows(origin) {
            refused = "Origin \(origin) is not allowed."
        } else if !Self.allowedMethods.contains(method) {
            refused = "Method \(method) is not allowed cross-origin."
        } else if let header = requested.first(where: { !Self.allowedHeaders.contains($0) }) {
            refused = "Header \(header) is not allowed cross-origin."
        } else {
            refused = nil
        }
        if let refused {
            var response = APIError.forbidden(refused).makeResponse(instance: request.path)
            response.headers.addVary("Origin")
            return response
        }
        var headers: HTTPHeaders = [
            "Access-Control-Allow-Origin": anyOrigin ? "*" : origin,
            "Access-Control-Allow-Methods": Self.allowedMethods.joined(separator: ", "),
            "Access-Control-Max-Age": String(Self.maxAgeSeconds),
        ]
        if !requested.isEmpty { headers.add("Access-Control-Allow-Headers", requested.joined(separator: ", ")) }
        var response = Response(status: .noContent, headers: headers)
        response.headers.addVary("Origin")
        return response
    }
}
