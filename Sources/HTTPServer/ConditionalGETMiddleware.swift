/// Conditional `GET` and `HEAD` as a middleware: a 200 whose `ETag` matches the request's
/// `If-None-Match` becomes 304 Not Modified (RFC 9110 §13.1.2), keeping the validators and
/// caching headers of the 200 but not its `Content-Type` (§15.4.5). Handlers only set `ETag`.
///
/// The comparison is weak, since gzip turns a strong tag into a weak one on a coded response.
public struct ConditionalGETMiddleware: Middleware {
    public init() {}

    public func handle(_ request: inout Request, next: RequestResponder) throws -> Response {
        let response = next(&request)
        guard request.method == .get || request.method == .head, response.status == .ok else { return response }
        let conditions = request.headers.values(for: "If-None-Match")
        guard !conditions.isEmpty, let tag = response.headers["ETag"], Self.noneMatch(conditions, tag) else { return response }
        var headers = response.headers
        headers.remove("Content-Type")
        return Response(status: .notModified, headers: headers)
    }

    /// Whether any element of the `If-None-Match` field values matches `tag` (or is `*`).
    public static func noneMatch(_ values: [String], _ tag: String) -> Bool {
        guard !values.isEmpty else { return false }
        let opaque = strippingWeakness(Substring(tag))
        for value in values {
            for element in value.split(separator: ",") {
                let candidate = Substring(element.trimmingOWS())
                if candidate == "*" || strippingWeakness(candidate) == opaque { return true }
            }
        }
        return false
    }

    private static func strippingWeakness(_ tag: Substring) -> Substring {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : tag
    }
}
