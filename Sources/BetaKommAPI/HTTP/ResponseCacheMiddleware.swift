import HTTPServer
import SurveyData

/// Keeps each successful data document a handler rendered and answers the same `GET` or `HEAD`
/// with it while the data version lasts, before routing: the handler's work for a hit (routing,
/// query checks, rendering) is skipped. A response is a data document when it is a 200 with
/// `ETag` and `Data-Version` (``APIContext/respond(to:format:contentType:extraHeaders:render:)``).
///
/// Placed after ``RoleMiddleware`` (the role is part of the key) and around
/// `CompressionMiddleware` (a client that takes gzip is a key of its own, so a coded copy is
/// compressed once per data version, not per hit); ``ConditionalGETMiddleware`` outside it turns a
/// hit into a 304. Measured with `Benchmarks/callgrind.sh`: a cached `/v1/figures/7` went from
/// 38.3 k to 34.4 k instructions per request when hits were first served before routing.
struct ResponseCacheMiddleware: Middleware {
    let store: SurveyDataStore
    /// Whether the chain inside compresses (the key then tells gzip clients apart).
    let compresses: Bool
    /// Routes whose responses are not kept: their targets are unbounded (a search) or their bytes
    /// are fixed anyway.
    let uncachedRoutes: [String]

    func handle(_ request: inout Request, next: RequestResponder) throws -> Response {
        guard request.method == .get || request.method == .head else { return next(&request) }
        let key = ResponseCache.Key(role: request.role, target: request.target, gzip: compresses && request.acceptsGzip)
        // The cache is asked first: only a target that has an entry makes it consult the data
        // version. A request that was never cached (a respondent's own answers, a write's
        // preceding `GET`) must not pay for the snapshot — after a write that is a reload of
        // every answer set.
        if let entry = store.responses.entry(for: key), entry.version == (try store.snapshot()).version {
            // A hit names the route that rendered it on `request`, as routing would have.
            request.route = entry.route
            var response = entry.response
            // The request id and Server-Timing follow on the way out: room for them in one allocation.
            response.headers.reserveCapacity(adding: 3)
            return response
        }
        let response = next(&request)
        guard response.status == .ok, let etag = response.headers["ETag"],
              let version = response.headers["Data-Version"].flatMap({ Int($0) }),
              !(request.route.map(uncachedRoutes.contains) ?? true) else {
            return response
        }
        // The CORS middleware outside adds `Vary: Origin` to every response: stored once with the
        // fields instead (one line, `Origin` first), so a hit copies the prepared field lines
        // rather than adding one.
        var headers = response.headers
        if !headers.tokens(for: "Vary").contains("origin") {
            let vary = (["Origin"] + headers.values(for: "Vary")).joined(separator: ", ")
            headers.remove("Vary")
            headers.add("Vary", vary)
        }
        let entry = ResponseCache.Entry(version: version, etag: etag, headers: headers, body: response.body, route: request.route)
        store.responses.store(entry, for: key)
        return entry.response
    }
}
