/// request-line = method SP request-target SP HTTP-version (RFC 9112 §3).
struct RequestLine {
    var method: HTTPMethod
    var target: String
    var version: HTTPVersion
}
