import HTTPServer
import Storage

/// Staff only: `GET /v1/export.csv?wave=2011&variant=excel` (any wave; 2011 when absent) and
/// `POST /v1/import?dry_run=true` with the CSV as body.
enum ImportExportRoutes {
    static func register(on router: inout Router, pool: DatabasePool, store: SurveyDataStore) {
        // On workers: the export is a full scan, the import a large write transaction.
        router.get("/v1/export.csv", runsOn: .worker) { request in
            try request.requireStaff()
            try QueryCheck.requireKnown(request.query, allowed: ["wave", "variant"])
            let wave = try WaveSelection.parse(request.query["wave"])
            let excel: Bool
            switch request.query["variant"] ?? "rfc4180" {
            case "rfc4180": excel = false
            case "excel": excel = true
            case let other: throw APIError.invalidParameter("variant", detail: "expected excel or rfc4180, got '\(other)'.")
            }
            let body = try AnswerExport.csv(pool, wave: wave.id, excel: excel)
            var response = Response.bytes(body, contentType: CSVWriter(variant: excel ? .excel : .rfc4180).contentType)
            response.headers.set("Cache-Control", "private, no-store")
            response.headers.set("Content-Disposition", "attachment; filename=\"betakomm-answers-\(wave.name).csv\"")
            return response
        }
        router.post("/v1/import", runsOn: .worker) { request in
            try request.requireStaff()
            try QueryCheck.requireKnown(request.query, allowed: ["dry_run"])
            let dryRun: Bool
            switch request.query["dry_run"] ?? "false" {
            case "true", "1": dryRun = true
            case "false", "0": dryRun = false
            case let other: throw APIError.invalidParameter("dry_run", detail: "expected true or false, got '\(other)'.")
            }
            guard let text = request.bodyText else {
                throw APIError.invalid(status: .badRequest, detail: "The CSV must be UTF-8 text.", errors: [])
            }
            let report = try AnswerImport(pool: pool, store: store).run(text, dryRun: dryRun, tokenID: request.tokenID,
                                                                          remoteAddress: request.remoteHost)
            guard report.isValid else { throw InvalidImport(report: report) }
            return response(report)
        }
    }

    /// 200 with the report of a valid file (an invalid one is ``InvalidImport``, a 422 problem).
    static func response(_ report: ImportReport) -> Response {
        let created: [JSONValue] = report.created.map {
            .object([("respondent_code", .string($0.respondentCode)), ("version", .int($0.version)), ("wave", .int($0.wave))])
        }
        var response = Response.json(JSONValue.object([
            ("dry_run", .bool(report.dryRun)), ("rows", .int(report.rows)), ("valid", true), ("created", .array(created)),
        ]).serialized())
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
