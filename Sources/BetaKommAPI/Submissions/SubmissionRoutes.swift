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
    static func register(on router: inout Router, service: SubmissionService, counter: SubmissionCounter) {
        router.get("/v1/respondents/:code/answers") { request in
            let code = try authorized(request)
            try QueryCheck.requireKnown(request.query, allowed: [])
            guard let latest = try service.pool.read({ try AnswerSetRepository.current($0, respondentCode: code) }) else {
                throw APIError.notFound("Respondent \(code) has no answers yet; create the first version with PUT and If-None-Match: *.")
            }
            return answerResponse(latest, request: request)
        }
        // Writes wait for an fsync (synchronous=FULL), milliseconds during which an event loop
        // would stall every other connection it serves: they run on workers.
        router.put("/v1/respondents/:code/answers", runsOn: .worker) { request in
            try counted(counter) { try write(request, service: service) { body in .replace(body) } }
        }
        router.patch("/v1/respondents/:code/answers", runsOn: .worker) { request in
            try counted(counter) { try write(request, service: service) { body in .mergePatch(body) } }
        }
        router.get("/v1/respondents/:code/answers/versions") { request in
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
        router.get("/v1/respondents/:code/answers/versions/:version") { request in
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
        router.get("/v1/respondents/:code/answers/diff") { request in
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
            let diff = AnswerDiff(from: from.answers, to: to.answers, questionnaire: service.questionnaire)
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

    private static func write(_ request: Request, service: SubmissionService,
                              change: (SubmittedValue) -> SubmissionRequest.Change) throws -> Response {
        let code = try authorized(request)
        try QueryCheck.requireKnown(request.query, allowed: [])
        let expected = request.method == .patch ? mergePatchType : "application/json"
        let mediaType = request.headers["Content-Type"]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == expected else { throw SubmissionError.unsupportedMediaType(expected: expected) }
        let precondition = Self.precondition(request)
        // 428 before reading the body: without a precondition nothing can be stored anyway.
        if precondition == .none {
            let current = try service.pool.read { try AnswerSetRepository.current($0, respondentCode: code) }
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
            respondentCode: code, change: change(body), precondition: precondition,
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
