import HTTPServer
import Survey
import SurveyData

/// What every route handler shares: the data store, the suppression threshold, and the one way
/// a data document is made: the current snapshot, its data version and an ETag that names it.
/// The layers around the handler do the rest, in order: ``ResponseCacheMiddleware`` keeps the
/// response and serves it again, `CompressionMiddleware` codes it, `ConditionalGETMiddleware`
/// answers `If-None-Match`.
struct APIContext: Sendable {
    let store: SurveyDataStore
    /// Public aggregates over fewer respondents than this are suppressed.
    let minimumCellSize: Int
    /// Submission outcomes for `/metrics`: see ``SubmissionCounter``.
    let submissions: SubmissionCounter
    /// Disclosure control of public ad-hoc tables (docs/privacy.md).
    let cellKey: CellKeyPerturbation

    init(store: SurveyDataStore, minimumCellSize: Int, submissions: SubmissionCounter = SubmissionCounter(),
         cellKey: CellKeyPerturbation = CellKeyPerturbation(secret: Setting.cellKeySecret.defaultValue)) {
        self.store = store
        self.minimumCellSize = minimumCellSize
        self.submissions = submissions
        self.cellKey = cellKey
    }

    /// The cell size below which `role` sees groups suppressed (`nil`: nothing suppressed).
    func suppressionThreshold(for role: Role) -> Int? {
        role.seesSuppressedAggregates ? minimumCellSize : nil
    }

    /// A `GET` response for the current data version, rendered by `render`, with `ETag`,
    /// `Data-Version`, `Cache-Control` and `Content-Type` (and `extraHeaders`).
    ///
    /// The ETag names the data version, the suppression threshold, the role and the
    /// representation (`format`), so it changes exactly when the bytes can.
    func respond(
        to request: Request, format: String = "json", contentType: String = "application/json",
        extraHeaders: HTTPHeaders = HTTPHeaders(), render: (DataSnapshot) throws -> [UInt8]
    ) throws -> Response {
        let snapshot = try store.snapshot()
        let role = request.role
        // Any submission changes the data at once, so caches may keep a copy but must revalidate
        // it (a cheap 304 by ETag) before each use: nobody sees an aggregate older than the last write.
        var headers: HTTPHeaders = [
            "ETag": "\"\(snapshot.version)-k\(minimumCellSize)-\(role.tag)-\(format)\"", "Data-Version": String(snapshot.version),
            "Cache-Control": role == .public ? "public, no-cache" : "private, no-cache",
            "Content-Type": contentType,
        ]
        for field in extraHeaders { headers.add(field.name, field.value) }
        return Response(status: .ok, headers: headers, body: try render(snapshot))
    }

    /// A JSON document `{"data_version": …, members…}` through ``respond(to:format:contentType:extraHeaders:render:)``.
    func respondJSON(to request: Request, members: (DataSnapshot) throws -> [(String, JSONValue)]) throws -> Response {
        try respond(to: request) { snapshot in
            JSONValue.object([("data_version", .int(snapshot.version))] + (try members(snapshot))).serialized()
        }
    }
}
