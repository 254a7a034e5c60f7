/// An RFC 9457 problem details object, served as `application/problem+json`.
public struct ProblemDetails: Sendable, Equatable {
    /// The media type of a problem document.
    public static let contentType = "application/problem+json"

    /// A URI identifying the problem type; `about:blank` when the status says it all (RFC 9457 §4.2.1).
    public var type: String
    /// A short summary of the problem type; the status's reason phrase by default.
    public var title: String
    public var status: HTTPStatus
    /// A human-readable explanation of this occurrence.
    public var detail: String?
    /// A URI identifying this occurrence, if any.
    public var instance: String?

    public init(type: String = "about:blank", title: String? = nil, status: HTTPStatus, detail: String? = nil, instance: String? = nil) {
        self.type = type
        self.title = title ?? status.reasonPhrase
        self.status = status
        self.detail = detail
        self.instance = instance
    }

    /// The JSON document.
    public var jsonBytes: [UInt8] {
        var members = ["\"type\":\(JSONText.quoted(type))", "\"title\":\(JSONText.quoted(title))", "\"status\":\(status.code)"]
        if let detail { members.append("\"detail\":\(JSONText.quoted(detail))") }
        if let instance { members.append("\"instance\":\(JSONText.quoted(instance))") }
        return Array("{\(members.joined(separator: ","))}".utf8)
    }
}
