import HTTPServer
import Storage
import Survey
import SurveyData

/// A respondent's own answers, private to its token and staff:
/// `GET|PUT|PATCH /v1/respondents/{code}/answers`, `GET …/answers/versions`,
/// `GET …/answers/versions/{v}` and `GET …/answers/diff?from=&to=`.
enum SubmissionRoutes {
    static let mergePatchType = "application/merge-patch+json"

    /// - Parameter counter: `betakomm_submissions_total`: accepted (committed) and rejected writes.
    static func register(on router: inout Router, service: SubmissionService, counter: SubmissionCounter,
                         rateLimiter: WriteRateLimiter = WriteRateLimiter(perMinute: 60)) {
        // Reads of one unit's versions go to the database (they are not cached): off the event loops.
        router.get("/v1/respondents/:code/answers", runsOn: .worker) { request in
            let code = try authorized(request)
            try QueryCheck.requireKnown(request.query, allowed: ["wave"])
            let requested = try request.query["wave"].map { try WaveSelection.parse($0).id }
            let latest = try service.pool.read { db -> AnswerSet? in
                // The wave named, else the token's, else the newest wave the unit answered.
                guard let wave = try requested ?? request.tokenWave ?? AnswerSetRepository.newestWave(db, respondentCode: code) else { return nil }
                if try WaveRepository.find(db, id: wave) == nil { throw WaveError.unknownWave(wave) }
                return try AnswerSetRepository.latest(db, respondentCode: code, wave: wave)
            }
            guard let latest else {
                throw APIError.notFound("Respondent \(code) has no answers in this wave yet; create the first version with PUT and If-None-Match: *.")
            }
            return answerResponse(latest, request: request)
        }
        // A unit of today's map sees what its predecessors answered in 2011, as a reference for
        // its own answers: never stored as its answers, and labelled for what it is.
        router.get("/v1/respondents/:code/answers/reference", runsOn: .worker) { request in
            let code = try authorized(request)
            try QueryCheck.requireKnown(request.query, allowed: [])
            let predecessors = try service.pool.read { db -> [JSONValue] in
                try UnitRepository.predecessorsWithNames(db, code: code).map { predecessor in
                    let set = try AnswerSetRepository.latest(db, respondentCode: predecessor.code, wave: 2011)
                    return .object([
                        ("code", .string(predecessor.code)), ("map", .int(predecessor.map)), ("name", .string(predecessor.name)),
                        ("change", .string(predecessor.change.rawValue)), ("wave", .int(2011)),
                        ("answered", .bool(set != nil)),
                        ("provenance", .optional(set.map { $0.source == .baseline2011
                            ? "synthetic: generated to reproduce the 2011 report's published figures, not the unit's real answers"
                            : "as imported or submitted for 2011" })),
                        ("answers", set.map { JSONValue.answers($0.answers) } ?? .null),
                    ])
                }
            }
            return privateJSON(.object([("respondent_code", .string(code)), ("predecessors", .array(predecessors))]))
        }
        // Writes wait for an fsync (synchronous=FULL), milliseconds during which an event loop
        // would stall every other connection it serves: they run on workers.
        router.put("/v1/respondents/:code/answers", runsOn: .worker) { request in
            try counted(counter) { try write(request, service: service, rateLimiter: rateLimiter) { body in .replace(body) } }
        }
        router.patch("/v1/respondents/:code/answers", runsOn: .worker) { request in
            try counted(counter) { try write(request, service: service, rateLimiter: rateLimiter) { body in .mergePatch(body) } }
        }
        router.get("/v1/respondents/:code/answers/versions", runsOn: .worker) { request in
            let code = try authorized(request)
            try QueryCheck.requireKnown(request.query, allowed: [])
            let (history, tokens) = try service.pool.read { db in
                (try AnswerSetRepository.history(db, respondentCode: code), try AuditRepository.writerTokens(db, respondentCode: code))
            }
            let versions: [JSONValue] = history.map { set in
                .object(JSONValue.answerSetMetadata(set) + [("token_id", .optional(tokens[set.version]))])
            }
            return privateJSON(.object([("respondent_code", .string(code)), ("versions", .array(versions))]))
        }
        router.get("/v1/respondents/:code/answers/versions/:version", runsOn: .worker) { request in
            let code = try authorized(request)
            try QueryCheck.requireKnown(request.query, allowed: [])
            guard let number = request.parameter("version").flatMap(Int.init) else {
                throw APIError.invalidParameter("version", detail: "a version is a whole number (1, 2, …).")
            }
            let history = try service.pool.read { try AnswerSetRepository.history($0, respondentCode: code) }
            guard let set = history.first(where: { $0.version == number }) else {
                throw APIError.notFound("Respondent \(code) has no version \(number) (it has \(history.count)).")
            }
            return answerResponse(set, request: request)
        }
        router.get("/v1/respondents/:code/answers/diff", runsOn: .worker) { request in
            let code = try authorized(request)
            try QueryCheck.requireKnown(request.query, allowed: ["from", "to"])
            let history = try service.pool.read { try AnswerSetRepository.history($0, respondentCode: code) }
            func version(_ name: String, default fallback: Int?) throws(APIError) -> AnswerSet {
                let text = request.query[name]
                guard let number = text.map({ Int($0) }) ?? fallback, let set = history.first(where: { $0.version == number }) else {
                    throw .invalidParameter(name, detail: "expected a version of respondent \(code) (1…\(history.count)), got '\(text ?? "")'.")
                }
                return set
            }
            let from = try version("from", default: history.count > 1 ? history.count - 1 : nil)
            let to = try version("to", default: history.last?.version)
            // The changes are named by the questionnaire of the newer version's wave.
            let questionnaire = try service.pool.read { db in
                try service.questionnaire(db, id: try WaveRepository.find(db, id: to.wave)?.questionnaireID ?? Questionnaire.baselineID)
            }
            let diff = AnswerDiff(from: from.answers, to: to.answers, questionnaire: questionnaire)
            let changes: [JSONValue] = diff.changes.map { change in
                .object([("op", .string(change.kind.rawValue)), ("pointer", .string(change.pointer)),
                         ("old", change.old.map(JSONValue.answer) ?? .null), ("new", change.new.map(JSONValue.answer) ?? .null)])
            }
            return privateJSON(.object([("respondent_code", .string(code)), ("from", .int(from.version)), ("to", .int(to.version)),
                                        ("changes", .array(changes))]))
        }
    }

    /// Counts a write: accepted when it stored a version (not for a replayed retry), rejected
    /// when refused for any reason (authorization, precondition, validation).
    private static func counted(_ counter: SubmissionCounter, _ write: () throws -> Response) throws -> Response {
        do {
            let response = try write()
            if response.headers["Idempotent-Replayed"] == nil { counter.record(.accepted) }
            return response
        } catch {
            counter.record(.rejected)
            throw error
        }
    }

    /// The respondent code of the path, once the caller may see it.
    private static func authorized(_ request: Request) throws -> String {
        let code = request.parameter("code") ?? ""
        try request.requireAccess(toRespondent: code)
        return code
    }

    private static func write(_ request: Request, service: SubmissionService, rateLimiter: WriteRateLimiter,
                              change: (SubmittedValue) -> SubmissionRequest.Change) throws -> Response {
        let code = try authorized(request)
        if let tokenID = request.tokenID { try rateLimiter.admit(tokenID: tokenID) }
        try QueryCheck.requireKnown(request.query, allowed: ["wave"])
        let requestedWave = try request.query["wave"].map { try WaveSelection.parse($0).id }
        if let key = request.headers["Idempotency-Key"], key.utf8.count > SubmissionService.maxIdempotencyKeyBytes {
            throw APIError.invalid(status: .badRequest, detail: "The Idempotency-Key header is too long.", errors: [APIError.Item(
                parameter: "Idempotency-Key", detail: "at most \(SubmissionService.maxIdempotencyKeyBytes) bytes; this one has \(key.utf8.count).")])
        }
        let expected = request.method == .patch ? mergePatchType : "application/json"
        let mediaType = request.headers["Content-Type"]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == expected else { throw SubmissionError.unsupportedMediaType(expected: expected) }
        let precondition = Self.precondition(request)
        // 428 before reading the body: without a precondition nothing can be stored anyway.
        if precondition == .none {
            let current = try service.pool.read { db in
                let wave = try WaveTarget.resolve(db, code: code, requested: requestedWave, tokenWave: request.tokenWave,
                                                  mustBeOpen: request.role != .staff)
                return try AnswerSetRepository.latest(db, respondentCode: code, wave: wave.id)
            }
            throw SubmissionError.preconditionRequired(currentTag: current.map { AnswerTag.make(respondentCode: code, version: $0.version) })
        }
        let body: SubmittedValue
        do {
            body = try JSONParser.parse(request.body)
        } catch {
            throw SubmissionError.malformedJSON(error.detail)
        }
        let digest = Digest.sha256(Array(request.method.rawValue.utf8) + [0] + request.body)
        let outcome = try service.submit(SubmissionRequest(
            respondentCode: code, wave: requestedWave, tokenWave: request.tokenWave, isStaff: request.role == .staff,
            change: change(body), precondition: precondition,
            idempotencyKey: request.headers["Idempotency-Key"], requestDigest: digest,
            tokenID: request.tokenID, remoteAddress: request.remoteHost))
        var response = Response.json(outcome.body, status: HTTPStatus(code: outcome.status))
        response.headers.set("ETag", outcome.etag)
        response.headers.set("Cache-Control", "no-store")
        response.headers.set("Content-Location", "/v1/respondents/\(code)/answers/versions/\(outcome.version)")
        if outcome.replayed { response.headers.set("Idempotent-Replayed", "true") }
        return response
    }

    private static func precondition(_ request: Request) -> SubmissionRequest.Precondition {
        let ifMatch = request.headers.values(for: "If-Match")
        if !ifMatch.isEmpty { return .ifMatch(ifMatch) }
        if request.headers.values(for: "If-None-Match").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "*" }) {
            return .ifNoneMatchAny
        }
        return .none
    }

    /// A version with `ETag` (``ConditionalGETMiddleware`` answers `If-None-Match`); private to the caller.
    private static func answerResponse(_ set: AnswerSet, request: Request) -> Response {
        let tag = AnswerTag.make(respondentCode: set.respondentCode, version: set.version)
        let headers: HTTPHeaders = [
            "ETag": tag, "Cache-Control": "private, no-cache", "Vary": "Authorization", "Content-Type": "application/json",
        ]
        return Response(status: .ok, headers: headers, body: JSONValue.answerSetDocument(set).serialized())
    }

    private static func privateJSON(_ value: JSONValue) -> Response {
        var response = Response.json(value.serialized())
        response.headers.set("Cache-Control", "private, no-cache")
        response.headers.set("Vary", "Authorization")
        return response
    }
}
