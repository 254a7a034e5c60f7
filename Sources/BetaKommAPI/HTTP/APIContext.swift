import HTTPServer
import SurveyData
import Survey

/// What every route handler shares: the data store, the suppression threshold, and the one way
/// responses are made (data version, ETag and 304, Cache-Control, the rendered-response cache).
public struct APIContext: Sendable {
    public let store: SurveyDataStore
    /// Public aggregates over fewer respondents than this are suppressed.
    public let minimumCellSize: Int
    /// Submission outcomes for `/metrics`: see ``SubmissionCounter``.
    public let submissions: SubmissionCounter
    /// The server's compression settings, followed when a cached body is kept gzip-coded too.
    public let compression: CompressionConfiguration

    public init(
        store: SurveyDataStore, minimumCellSize: Int, submissions: SubmissionCounter = SubmissionCounter(),
        compression: CompressionConfiguration = CompressionConfiguration()
    ) {
        self.store = store
        self.minimumCellSize = minimumCellSize
        self.submissions = submissions
        self.compression = compression
    }

    /// The cell size below which `role` sees groups suppressed (`nil`: nothing suppressed).
    func suppressionThreshold(for role: Role) -> Int? {
        role.seesSuppressedAggregates ? minimumCellSize : nil
    }

    /// A `GET` response for the current data version: answers `If-None-Match` with 304 before any
    /// work, serves cached bytes when `cached`, and otherwise renders with `render` (and caches).
    /// A client that takes gzip gets a gzip-coded copy kept beside the cached bytes, compressed
    /// once per data version rather than by the server on every request.
    ///
    /// The ETag names the data version, the suppression threshold, the role and the
    /// representation (`format`), so it changes exactly when the bytes can.
    ///
    /// A cached entry is the whole response (with `extraHeaders`), because
    /// ``ResponseCacheMiddleware`` serves it again without calling the handler.
    func respond(
        to request: Request, format: String = "json", contentType: String = "application/json", cached: Bool = true,
        extraHeaders: HTTPHeaders = HTTPHeaders(), render: (DataSnapshot) throws -> [UInt8]
    ) throws -> Response {
        let snapshot = try store.snapshot()
        let role = request.role
        let key = ResponseCache.Key(role: role, target: request.target)
        let conditions = request.headers.values(for: "If-None-Match")
        let gzipKey = cached ? gzipKey(for: request, role: role) : nil
        if cached, let entry = store.responses.entry(for: gzipKey ?? key, version: snapshot.version) {
            return response(from: entry, conditions: conditions)
        }
        if let gzipKey, let identity = store.responses.entry(for: key, version: snapshot.version) {
            return response(from: gzipped(identity, key: gzipKey), conditions: conditions)
        }
        let tag = "\"\(snapshot.version)-k\(minimumCellSize)-\(role.tag)-\(format)\""
        // Any submission changes the data at once, so caches may keep a copy but must revalidate
        // it (a cheap 304 by ETag) before each use: nobody sees an aggregate older than the last write.
        var headers: HTTPHeaders = [
            "ETag": tag, "Data-Version": String(snapshot.version),
            "Cache-Control": role == .public ? "public, no-cache" : "private, no-cache",
            "Content-Type": contentType,
        ]
        for field in extraHeaders { headers.add(field.name, field.value) }
        if ConditionalRequest.noneMatch(conditions, tag) { return notModified(headers) }
        let body = try render(snapshot)
        guard cached else { return Response(status: .ok, headers: headers, body: body) }
        // What the CORS middleware and the server's compression would add on every hit, stored
        // once with the fields instead (which the entry prepares: a hit copies the stored field
        // lines rather than serializing each field again).
        headers.add("Vary", compression.compresses(byteCount: body.count, contentType: contentType) ? "Origin, Accept-Encoding" : "Origin")
        let entry = ResponseCache.Entry(version: snapshot.version, etag: tag, headers: headers, body: body, route: request.route)
        store.responses.store(entry, for: key)
        return response(from: gzipKey.map { gzipped(entry, key: $0) } ?? entry, conditions: conditions)
    }

    /// The stored response for `request` at the current data version, if a handler rendered one
    /// for the same role, target and coding: what ``ResponseCacheMiddleware`` answers with,
    /// before routing. Only a successful render is stored, so a hit means the target was routed and
    /// its parameters checked before.
    ///
    /// The cache is asked first: only a target that has an entry makes it consult the data version.
    /// A request that was never cached (a respondent's own answers, a write's preceding `GET`) must
    /// not pay for the snapshot — after a write that is a reload of every answer set.
    ///
    /// A hit names the route that rendered it on `request`, as routing would have.
    func cachedResponse(for request: inout Request) throws -> Response? {
        let role = request.role
        let key = gzipKey(for: request, role: role) ?? ResponseCache.Key(role: role, target: request.target)
        guard let entry = store.responses.entry(for: key), entry.version == (try store.snapshot()).version else { return nil }
        request.route = entry.route
        return response(from: entry, conditions: request.headers.values(for: "If-None-Match"))
    }

    private func gzipKey(for request: Request, role: Role) -> ResponseCache.Key? {
        compression.enabled && request.acceptsGzip ? ResponseCache.Key(role: role, target: request.target, gzip: true) : nil
    }

    private func response(from entry: ResponseCache.Entry, conditions: [String]) -> Response {
        if ConditionalRequest.noneMatch(conditions, entry.etag) { return notModified(entry.response.headers) }
        var response = entry.response
        // The request id and Server-Timing follow on the way out: room for them in one allocation.
        response.headers.reserveCapacity(adding: 3)
        return response
    }

    /// The gzip-coded variant of `identity`, stored under `key`; `identity` itself when compressing
    /// would not pay (a small body, or no smaller), as the server's own compression decides.
    private func gzipped(_ identity: ResponseCache.Entry, key: ResponseCache.Key) -> ResponseCache.Entry {
        let body = identity.response.body
        guard body.count >= compression.minimumBytes,
              let compressed = try? Gzip.compress(body, level: compression.level), compressed.count < body.count else {
            return identity
        }
        // The same conventions as the server's compression: a weak validator for the coded bytes
        // (RFC 9110 §8.8.1) and `Vary`, which the server does not add to an already coded body.
        let weakTag = "W/" + identity.etag
        var headers = identity.response.headers
        headers.set("ETag", weakTag)
        headers.add("Content-Encoding", "gzip")
        headers.addVary("Accept-Encoding")
        let entry = ResponseCache.Entry(version: identity.version, etag: weakTag, headers: headers, body: compressed, route: identity.route)
        store.responses.store(entry, for: key)
        return entry
    }

    /// 304 keeps the validators and caching headers of the 200 (RFC 9110 §15.4.5), not its Content-Type.
    private func notModified(_ headers: HTTPHeaders) -> Response {
        var headers = headers
        headers.remove("Content-Type")
        return Response(status: .notModified, headers: headers)
    }

    /// A JSON document `{"data_version": …, members…}` through ``respond(to:format:contentType:cached:render:)``.
    func respondJSON(
        to request: Request, cached: Bool = true, members: (DataSnapshot) throws -> [(String, JSONValue)]
    ) throws -> Response {
        try respond(to: request, cached: cached) { snapshot in
            JSONValue.object([("data_version", .int(snapshot.version))] + (try members(snapshot))).serialized()
        }
    }
}
