import HTTPServer

/// An RFC 9457 problem document with this API's extension member `errors`, served as
/// `application/problem+json` with `Cache-Control: no-store` (an error must not be cached
/// in place of the resource).
struct ProblemDocument: Sendable {
    var type: String
    var status: HTTPStatus
    var detail: String
    var instance: String?
    var errors: [APIError.Item]

    var json: JSONValue {
        let items: [JSONValue] = errors.map { item in
            var members: [(String, JSONValue)] = []
            if let parameter = item.parameter { members.append(("parameter", .string(parameter))) }
            if let pointer = item.pointer { members.append(("pointer", .string(pointer))) }
            members.append(("detail", .string(item.detail)))
            return .object(members)
        }
        return .object([
            ("type", .string(type)), ("title", .string(status.reasonPhrase)), ("status", .int(status.code)),
            ("detail", .string(detail)), ("instance", .optional(instance)), ("errors", .array(items)),
        ])
    }

    func response(headers extra: HTTPHeaders = HTTPHeaders()) -> Response {
        var response = Response.bytes(json.serialized(), contentType: ProblemDetails.contentType, status: status)
        response.headers.set("Cache-Control", "no-store")
        for field in extra { response.headers.add(field.name, field.value) }
        return response
    }
}
