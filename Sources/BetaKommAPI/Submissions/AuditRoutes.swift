import HTTPServer
import Storage

/// Staff only: `GET /v1/audit?respondent=&limit=&before=` (newest first, keyset pagination by
/// entry id with a `Link: rel="next"`) and `GET /v1/audit.csv?respondent=&variant=excel` (all, oldest first).
enum AuditRoutes {
    static let columns = ["id", "at", "token_id", "action", "respondent_code", "version", "wave", "changes", "remote_address"]

    static func register(on router: inout Router, pool: DatabasePool) {
        router.get("/v1/audit") { request in
            try request.requireStaff()
            try QueryCheck.requireKnown(request.query, allowed: ["respondent", "limit", "before"])
            let limit = try integer(request, "limit", default: 100, in: 1...1000)
            let before = try integer(request, "before", default: Int.max, in: 1...Int.max)
            let respondent = request.query["respondent"]
            let rows = try pool.read { db in
                try db.query("""
                    SELECT \(columns.joined(separator: ", ")) FROM audit_log
                    WHERE id < ? AND (?2 IS NULL OR respondent_code = ?2) ORDER BY id DESC LIMIT ?
                    """, [before, respondent, limit + 1])
            }
            let page = rows.prefix(limit)
            let entries: [JSONValue] = try page.map { row in
                .object([
                    ("id", .int(try row.get(named: "id"))), ("at", .string(try row.get(named: "at"))),
                    ("token_id", .optional(try row.get(Int?.self, named: "token_id"))), ("action", .string(try row.get(named: "action"))),
                    ("respondent_code", .string(try row.get(named: "respondent_code"))), ("version", .int(try row.get(named: "version"))),
                    ("wave", .int(try row.get(named: "wave"))),
                    ("changes", .array(try pointers(try row.get(named: "changes")).map(JSONValue.string))),
                    ("remote_address", .string(try row.get(named: "remote_address"))),
                ])
            }
            let next: Int? = rows.count > limit ? try page.last?.get(Int.self, named: "id") : nil
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
            let rows = try pool.read { db in
                try db.query("SELECT \(columns.joined(separator: ", ")) FROM audit_log WHERE (?1 IS NULL OR respondent_code = ?1) ORDER BY id",
                             [respondent])
            }
            let cells: [[CSVWriter.Cell]] = try rows.map { row in
                [.integer(try row.get(named: "id")), .text(try row.get(named: "at")),
                 try row.get(Int?.self, named: "token_id").map(CSVWriter.Cell.integer) ?? .empty, .text(try row.get(named: "action")),
                 .text(try row.get(named: "respondent_code")), .integer(try row.get(named: "version")), .integer(try row.get(named: "wave")),
                 .text(try pointers(try row.get(named: "changes")).joined(separator: " ")), .text(try row.get(named: "remote_address"))]
            }
            let writer = CSVWriter(variant: variant)
            var response = Response.bytes(writer.document(header: columns, rows: cells), contentType: writer.contentType)
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

    /// The stored JSON array of pointers.
    private static func pointers(_ json: String) throws -> [String] {
        guard case let .array(items) = try JSONParser.parse(Array(json.utf8)) else { return [] }
        return items.compactMap { if case let .string(pointer) = $0 { pointer } else { nil } }
    }
}
