extension OpenAPIDocument {
    /// `security` of an operation that needs a bearer token (respondent or staff).
    private static let bearer: JSONValue = [["bearerAuth": []]]

    private static func response(_ name: String) -> JSONValue { ["$ref": .string("#/components/responses/\(name)")] }

    /// One operation. `responses` come first; 401 and 503 (every operation can meet a bad token
    /// or an unavailable database) are added, and 403 when `secured`.
    private static func operation(_ id: String, summary: String, secured: Bool, parameters: [JSONValue] = [],
                                  requestBody: JSONValue? = nil, responses: [(String, JSONValue)]) -> JSONValue {
        var members: [(String, JSONValue)] = [("operationId", .string(id)), ("summary", .string(summary))]
        if secured { members.append(("security", bearer)) }
        members.append(("parameters", .array(parameters)))
        if let requestBody { members.append(("requestBody", requestBody)) }
        var all = responses + [("401", response("Unauthorized"))]
        if secured { all.append(("403", response("Forbidden"))) }
        all.append(("503", response("ServiceUnavailable")))
        members.append(("responses", .object(all)))
        return .object(members)
    }

    private static func ok(_ description: String, _ content: [(String, JSONValue)]) -> JSONValue {
        .object([("description", .string(description)), ("content", .object(content.map { ($0.0, ["schema": $0.1]) }))])
    }

    private static func query(_ name: String, _ description: String, _ schema: JSONValue) -> JSONValue {
        .object([("name", .string(name)), ("in", "query"), ("required", false), ("description", .string(description)), ("schema", schema)])
    }

    private static func pathParameter(_ name: String, example: String) -> JSONValue {
        .object([("name", .string(name)), ("in", "path"), ("required", true), ("schema", string), ("example", .string(example))])
    }

    private static let csv = "text/csv; charset=utf-8; header=present"

    /// Headers of the answer writes, shared as components.
    static var submissionParameters: [(String, JSONValue)] {
        func header(_ name: String, _ description: String) -> JSONValue {
            .object([("name", .string(name)), ("in", "header"), ("required", false), ("description", .string(description)), ("schema", string)])
        }
        return [
            ("answerWave", .object([
                ("name", "wave"), ("in", "query"), ("required", false), ("schema", waveID),
                ("description", "The wave whose answers are read or written (a wave id, e.g. 2026). Absent: the token's wave, else (staff) on a write the one open wave and on a read the newest wave the unit answered. A unit's set starts empty in each wave: its first write there needs If-None-Match: * (versions are numbered per unit across waves). A unit's token writes only to its own, open wave (403 for another wave, 409 when the wave is a draft or closed); staff may correct any wave (audited). A unit not on the wave's map is 404 naming its successor."),
            ])),
            ("IfMatch", header("If-Match", "The ETag read, e.g. \"r1601-v2\": the write is refused with 412 if the answers changed meanwhile (RFC 9110 §13.1.1). A write needs this or If-None-Match: *.")),
            ("IfNoneMatch", header("If-None-Match", "On a write: * to create the first version of a unit with no answers in the wave (201). On a read: an ETag, answered with 304 when current.")),
            ("IdempotencyKey", header("Idempotency-Key", "A retry with the same key, token, respondent, method and body replays the first result (Idempotent-Replayed: true); the same key with another body is 422.")),
        ]
    }

    /// Responses added by the submission and staff routes.
    static var submissionResponses: [(String, JSONValue)] {
        let problem: JSONValue = ["application/problem+json": ["schema": ref("Problem")]]
        func described(_ description: String) -> JSONValue { .object([("description", .string(description)), ("content", problem)]) }
        return [
            ("Forbidden", described("A valid token without the right: another unit's answers, a write to another wave than the token's, or a staff route with a respondent token.")),
            ("ServiceUnavailable", .object([
                ("description", "The database cannot be read or is busy; retry after the given seconds."),
                ("headers", ["Retry-After": ["schema": ["type": "integer"], "description": "Seconds to wait (1)."]]),
                ("content", problem),
            ])),
        ]
    }

    static var submissionPaths: [(String, JSONValue)] {
        let json = "application/json"
        let code = pathParameter("code", example: "1601")
        let answerSet: [(String, JSONValue)] = [(json, ref("AnswerSet"))]
        let problem: JSONValue = ["application/problem+json": ["schema": ref("Problem")]]
        func failure(_ description: String, _ schema: JSONValue = ref("Problem")) -> JSONValue {
            .object([("description", .string(description)), ("content", ["application/problem+json": ["schema": schema]])])
        }
        let writeResponses: [(String, JSONValue)] = [
            ("200", ok("Stored as a new version. Headers: ETag, Content-Location (the version), Idempotent-Replayed on a replay.", answerSet)),
            ("201", ok("The unit's first version (If-None-Match: *).", answerSet)),
            ("400", failure("The body is not valid JSON (detail gives line and column), or the Idempotency-Key is over 255 bytes.")),
            ("404", failure("No such unit, no such wave (errors[].parameter wave), or a unit that is not on the wave's map: detail names its successor on that map (errors[].parameter code).")),
            ("409", failure("The wave is not open (a draft, or closed: detail gives its dates), or no single wave is open to take the write.")),
            ("412", failure("If-Match does not name the current version; detail names it.")),
            ("415", failure("The body is not the media type the method takes.")),
            ("422", failure("The answers break the questionnaire (every problem, each with a JSON pointer), or an Idempotency-Key is reused for another request.",
                            ["anyOf": [ref("ValidationProblem"), ref("Problem")]])),
            ("428", failure("Neither If-Match nor If-None-Match: * was sent; detail names the current ETag.")),
            ("429", failure("This token submitted more often than --write-rate-limit allows; Retry-After gives the seconds to wait.")),
        ]
        let writeHeaders = [parameter("answerWave"), parameter("IfMatch"), parameter("IfNoneMatch"), parameter("IdempotencyKey")]
        func body(_ mediaType: String, _ description: String) -> JSONValue {
            .object([("required", true), ("description", .string(description)), ("content", .object([(mediaType, .object([("schema", ref("AnswersDocument"))]))]))])
        }
        let readResponses: (JSONValue) -> [(String, JSONValue)] = { success in
            [("200", success), ("304", response("NotModified")), ("400", response("BadRequest")), ("404", response("NotFound"))]
        }
        return [
            ("/metrics", .object([("get", operation("metrics", summary: "Prometheus text exposition (format 0.0.4) of the service's counters.", secured: false,
                                                    responses: [("200", ok("OK. Never cached.", [(ServiceMetrics.contentType, string)])),
                                                                ("400", response("BadRequest"))]))])),
            ("/v1/respondents/{code}/answers", .object([
                ("get", operation("getAnswers", summary: "The unit's latest answers in a wave (wave=, else the token's wave, else the newest wave it answered), with ETag.", secured: true,
                                  parameters: [code, parameter("answerWave"), parameter("IfNoneMatch")],
                                  responses: readResponses(ok("OK. Headers: ETag \"r{code}-v{version}\", Cache-Control: private, no-cache.", answerSet)))),
                ("put", operation("putAnswers", summary: "Replace the whole answer set (a new version).", secured: true,
                                  parameters: [code] + writeHeaders,
                                  requestBody: body(json, "The complete answers."), responses: writeResponses)),
                ("patch", operation("patchAnswers", summary: "Change some answers with a JSON Merge Patch (RFC 7396; null removes an answer).", secured: true,
                                    parameters: [code] + writeHeaders,
                                    requestBody: body(SubmissionRoutes.mergePatchType, "The changed answers."), responses: writeResponses)),
            ])),
            ("/v1/respondents/{code}/answers/reference", .object([("get", operation(
                "getAnswerReference", summary: "A unit of today's map: what its predecessors answered in 2011, labelled with its provenance, as a reference for its own answers (never stored as them).",
                secured: true, parameters: [pathParameter("code", example: "5001")],
                responses: [("200", ok("OK. Cache-Control: private, no-cache.", [(json, ref("AnswerReference"))])), ("400", response("BadRequest")),
                            ("404", response("NotFound"))]))])),
            ("/v1/respondents/{code}/answers/versions", .object([("get", operation(
                "listAnswerVersions", summary: "Every stored version of the unit's answers, oldest first.", secured: true, parameters: [code],
                responses: [("200", ok("OK.", [(json, ref("AnswerVersions"))])), ("400", response("BadRequest")), ("404", response("NotFound"))]))])),
            ("/v1/respondents/{code}/answers/versions/{version}", .object([("get", operation(
                "getAnswerVersion", summary: "One stored version, with its ETag.", secured: true,
                parameters: [code, pathParameter("version", example: "1"), parameter("IfNoneMatch")],
                responses: readResponses(ok("OK. Headers: ETag.", answerSet))))])),
            ("/v1/respondents/{code}/answers/diff", .object([("get", operation(
                "diffAnswers", summary: "The answers changed between two versions, by JSON pointer.", secured: true,
                parameters: [code, query("from", "A version (default: the one before the latest).", integer),
                             query("to", "A version (default: the latest).", integer)],
                responses: [("200", ok("OK.", [(json, ref("AnswerDiff"))])), ("400", response("BadRequest")), ("404", response("NotFound"))]))])),
            ("/v1/audit", .object([("get", operation(
                "listAudit", summary: "Staff: the audit log, newest first, keyset-paginated (Link: rel=\"next\").", secured: true,
                parameters: [query("respondent", "Only entries of this unit.", string),
                             query("limit", "Entries per page, 1–1000 (default 100).", ["type": "integer", "minimum": 1, "maximum": 1000]),
                             query("before", "The next_before of the previous page.", integer)],
                responses: [("200", ok("OK. Cache-Control: private, no-store.", [(json, ref("AuditPage"))])), ("400", response("BadRequest"))]))])),
            ("/v1/audit.csv", .object([("get", operation(
                "exportAudit", summary: "Staff: the whole audit log as CSV, oldest first.", secured: true,
                parameters: [query("respondent", "Only entries of this unit.", string),
                             query("variant", "rfc4180 (default) or excel (BOM, ';').", enumeration(["rfc4180", "excel"]))],
                responses: [("200", ok("OK.", [(csv, string)])), ("400", response("BadRequest"))]))])),
            ("/v1/export.csv", .object([("get", operation(
                "exportAnswers", summary: "Staff: one wave's answers (wave=, default 2011), one row per unit with answers (respondent_code, wave, one column per question of the wave's questionnaire); the import's format.",
                secured: true,
                parameters: [parameter("wave"), query("variant", "rfc4180 (default) or excel (BOM, ';').", enumeration(["rfc4180", "excel"]))],
                responses: [("200", ok("OK. Content-Disposition: attachment.", [(csv, string)])), ("400", response("BadRequest"))]))])),
            ("/v1/import", .object([("post", operation(
                "importAnswers", summary: "Staff: validate and store a CSV of one wave's answers (the export's format; its wave column names a known wave, its codes units of that wave's map, its answers follow that wave's questionnaire) in one transaction, one new version per row.",
                secured: true,
                parameters: [query("dry_run", "true: validate and report, store nothing.", enumeration(["true", "false", "1", "0"]))],
                requestBody: .object([("required", true), ("content", .object([("text/csv", .object([("schema", string)]))]))]),
                responses: [
                    ("200", ok("Valid: what was (or, for a dry run, would be) stored.", [(json, ref("ImportReport"))])),
                    ("400", .object([("description", "An invalid parameter, or a body that is not UTF-8."), ("content", problem)])),
                    ("422", failure("Nothing was imported: every problem by row (the header is row 1) and column.", ref("ImportProblem"))),
                ]))])),
        ]
    }

    private static func parameter(_ name: String) -> JSONValue { ["$ref": .string("#/components/parameters/\(name)")] }
}
