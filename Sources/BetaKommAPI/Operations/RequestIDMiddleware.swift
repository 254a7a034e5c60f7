import HTTPServer

/// The outermost middleware: gives every request an id, from the client's `X-Request-Id` when it
/// is a sane token (1–128 of `A–Z a–z 0–9 . _ -`, so a proxy's id carries through and nothing odd
/// reaches a log line), otherwise 16 hex digits from ``RequestIDGenerator`` (unique, not secret). The id goes on `request.requestID`, back
/// in the response's `X-Request-Id`, and into the access log; the server's ``ErrorResponder`` puts it on the
/// event-log line of an unexpected error.
public struct RequestIDMiddleware: Middleware {
    public static let headerName = "X-Request-Id"

    public init() {}

    public func handle(_ request: inout Request, next: RequestResponder) throws -> Response {
        let id = request.headers[Self.headerName].flatMap { Self.isAcceptable($0) ? $0 : nil } ?? Self.generate()
        request.requestID = id
        var response = next(&request)
        response.headers.add(Self.headerName, id)  // handlers never set it: nothing to replace
        return response
    }

    static func isAcceptable(_ id: String) -> Bool {
        let bytes = id.utf8
        return (1...128).contains(bytes.count) && bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }

    /// A fresh id: 16 lowercase hex digits.
    static func generate() -> String {
        RequestIDGenerator.shared.next()
    }
}
