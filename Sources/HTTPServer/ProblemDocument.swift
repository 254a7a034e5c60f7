/// An RFC 9457 problem document, served as `application/problem+json`: the one shape every error
/// response of the server and of the applications on it takes. Besides the standard members it
/// carries `errors`, a list naming each bad query `parameter`, body `pointer` (RFC 6901) or CSV
/// `row` and `column`, and any extension members an application adds (RFC 9457 §3.2).
public struct ProblemDocument: Sendable {
    /// The media type of a problem document.
    public static let contentType = "application/problem+json"

    /// One entry of `errors`: where the problem is, and what it is.
    public struct Item: Sendable, Equatable {
        /// The query or path parameter at fault, if the problem is in the URL.
        public var parameter: String?
        /// A JSON pointer into the request body, if the problem is in a JSON body.
        public var pointer: String?
        /// The 1-based row of a tabular body (the header is row 1), with its ``column`` (`null`: the whole row).
        public var row: Int?
        public var column: String?
        public var detail: String

        public init(parameter: String? = nil, pointer: String? = nil, detail: String) {
            self.parameter = parameter
            self.pointer = pointer
            self.detail = detail
        }

        public init(row: Int, column: String?, detail: String) {
            self.row = row
            self.column = column
            self.detail = detail
        }
    }

    /// A URI identifying the problem type; `about:blank` when the status says it all (RFC 9457 §4.2.1).
    public var type: String
    /// A short summary of the problem type; the status's reason phrase by default.
    public var title: String
    public var status: HTTPStatus
    /// A human-readable explanation of this occurrence.
    public var detail: String?
    /// A URI identifying this occurrence: the request's path, filled in by ``ErrorResponder``.
    public var instance: String?
    /// Each bad parameter, pointer or row; written always, empty when the problem is the request as a whole.
    public var errors: [Item]
    /// Extension members as (name, JSON text) pairs, written between `instance` and `errors`.
    public var extensions: [(name: String, json: String)]

    public init(
        type: String = "about:blank", title: String? = nil, status: HTTPStatus, detail: String? = nil, instance: String? = nil,
        errors: [Item] = [], extensions: [(name: String, json: String)] = []
    ) {
        self.type = type
        self.title = title ?? status.reasonPhrase
        self.status = status
        self.detail = detail
        self.instance = instance
        self.errors = errors
        self.extensions = extensions
    }

    /// The JSON document.
    public var jsonBytes: [UInt8] {
        var members = ["\"type\":\(JSONText.quoted(type))", "\"title\":\(JSONText.quoted(title))", "\"status\":\(status.code)"]
        if let detail { members.append("\"detail\":\(JSONText.quoted(detail))") }
        if let instance { members.append("\"instance\":\(JSONText.quoted(instance))") }
        for member in extensions { members.append("\(JSONText.quoted(member.name)):\(member.json)") }
        let items = errors.map { item in
            var fields: [String] = []
            if let parameter = item.parameter { fields.append("\"parameter\":\(JSONText.quoted(parameter))") }
            if let pointer = item.pointer { fields.append("\"pointer\":\(JSONText.quoted(pointer))") }
            if let row = item.row {
                fields.append("\"row\":\(row)")
                fields.append("\"column\":\(item.column.map(JSONText.quoted) ?? "null")")
            }
            fields.append("\"detail\":\(JSONText.quoted(item.detail))")
            return "{\(fields.joined(separator: ","))}"
        }
        members.append("\"errors\":[\(items.joined(separator: ","))]")
        return Array("{\(members.joined(separator: ","))}".utf8)
    }

    /// The response: `application/problem+json` with the problem's status and `Cache-Control:
    /// no-store` (an error must not be cached in place of the resource), plus `headers`.
    public func response(headers: HTTPHeaders = HTTPHeaders()) -> Response {
        var response = Response.bytes(jsonBytes, contentType: Self.contentType, status: status)
        response.headers.set("Cache-Control", "no-store")
        for field in headers { response.headers.add(field.name, field.value) }
        return response
    }
}
