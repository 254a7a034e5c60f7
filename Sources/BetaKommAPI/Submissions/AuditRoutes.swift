import HTTPServer
import Storage
import SurveyData

/// Staff only: `GET /v1/audit?respondent=&limit=&before=` (newest first, keyset pagination by
/// entry id with a `Link: rel="next"`) and `GET /v1/audit.csv?respondent=&variant=excel` (all, oldest first).
enum AuditRoutes {
    static func register(on router: inout Router, pool: DatabasePool) {
        router.get("/v1/audit") { request in
            try request.requireStaff()
            try QueryCheck.requireKnown(request.query, allowed: ["respondent", "limit", "before"])
            let limit = try integer(request, "limit", default: 100, in: 1...1000)
            let before = try integer(request, "before", default: Int.max, in: 1...Int.max)
            let respondent = request.query["respondent"]
            let rows = try pool.read { try AuditRepository.page($0, before: before, respondentCode: respondent, limit: limit + 1) }
            let page = rows.prefix(limit)
            let entries: [JSONValue] = page.map { entry in
                .object([
                    ("id", .int(entry.id)), ("at", .string(entry.at)), ("token_id", .optional(entry.tokenID)),
                    ("action", .string(entry.action)), ("respondent_code", .string(entry.respondentCode)),
                    ("version", .int(entry.version)), ("wave", .int(entry.wave)),
                    ("changes", .array(entry.changes.map(JSONValue.string))), ("remote_address", .string(entry.remoteAddress)),
                ])
            }
            let next: Int? = rows.count > limit ? page.last?.id : nil
            var response = Response.json(JSONValue.object([
                ("entries", .array(entries)), ("limit", .int(limit)), ("next_before", .optional(next)),
            ]).serialized())
            response.headers.set("Cache-Control", "private, no-store")
            if let next {
                var link = "/v1/audit?limit=\(limit)&before=\(next)"
                if let respondent, let encoded = respondent.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { link += "&respondent=\(encoded)" }
                response.headers.add("Link", "<\(link)>; rel=\"next\"")
            }
            return response
        }
        router.get("/v1/audit.csv") { request in
            try request.requireStaff()
            try QueryCheck.requireKnown(request.query, allowed: ["respondent", "variant"])
            let variant: CSVWriter.Variant = request.query["variant"] == "excel" ? .excel : .rfc4180
            if let value = request.query["variant"], value != "excel", value != "rfc4180" {
                throw APIError.invalidParameter("variant", detail: "expected excel or rfc4180, got '\(value)'.")
            }
            let respondent = request.query["respondent"]
            let entries = try pool.read { try AuditRepository.all($0, respondentCode: respondent) }
            let cells: [[CSVWriter.Cell]] = entries.map { entry in
                [.integer(entry.id), .text(entry.at), entry.tokenID.map(CSVWriter.Cell.integer) ?? .empty, .text(entry.action),
                 .text(entry.respondentCode), .integer(entry.version), .integer(entry.wave),
                 .text(entry.changes.joined(separator: " ")), .text(entry.remoteAddress)]
            }
            let writer = CSVWriter(variant: variant)
            var response = Response.bytes(writer.document(header: AuditRepository.columns, rows: cells), contentType: writer.contentType)
            response.headers.set("Cache-Control", "private, no-store")
            return response
        }
    }

    private static func integer(_ request: Request, _ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let text = request.query[name] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw .invalidParameter(name, detail: "expected a whole number from \(range.lowerBound)\(range.upperBound == .max ? " up" : " to \(range.upperBound)"), got '\(text)'.")
        }
        return value
    }
}
