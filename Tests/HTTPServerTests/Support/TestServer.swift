import HTTPServer

/// Starts a real server on 127.0.0.1, port 0, runs `body` with its port, then shuts it down.
func withServer<T>(
    configuration: ServerConfiguration = testConfiguration(), router: Router = exampleRouter(), middleware: [any Middleware] = [],
    onRequestCompleted: (@Sendable (CompletedRequest) -> Void)? = nil, _ body: (UInt16) throws -> T
) throws -> T {
    let server = Server(configuration: configuration, router: router, middleware: middleware, onRequestCompleted: onRequestCompleted)
    let port = try server.start()
    defer { server.shutdown(timeout: 2) }
    return try body(port)
}

func testConfiguration() -> ServerConfiguration {
    var configuration = ServerConfiguration()
    configuration.host = "127.0.0.1"
    configuration.port = 0
    configuration.eventLoopCount = 2
    return configuration
}

/// Routes used across the tests.
func exampleRouter() -> Router {
    var router = Router()
    router.get("/hello") { _ in .text("hello") }
    router.get("/items/:id") { request in .text("item \(request.parameter("id") ?? "?")") }
    router.get("/figures/:n.svg") { request in .bytes(Array("<svg>\(request.parameter("n") ?? "")</svg>".utf8), contentType: "image/svg+xml") }
    router.get("/figures/:n") { request in .text("figure \(request.parameter("n") ?? "")") }
    router.post("/echo") { request in
        var response = Response.bytes(request.body, contentType: "application/octet-stream")
        for trailer in request.trailers { response.headers.add("X-Trailer-\(trailer.name)", trailer.value) }
        return response
    }
    router.get("/query") { request in
        .text(request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "|"))
    }
    router.get("/big") { _ in .json(Array(String(repeating: "{\"value\":12345},", count: 200).utf8)) }
    router.get("/fail") { _ in throw TestFailure.boom }
    router.get("/large") { _ in .bytes(largeBody, contentType: "application/octet-stream") }
    router.get("/goodbye") { _ in Response(status: .ok, headers: ["Connection": "close"], body: Array("bye".utf8)) }
    return router
}

/// Larger than any socket buffer, so that writing it takes several partial sends.
let largeBody: [UInt8] = (0..<(3 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }

enum TestFailure: Error {
    case boom
}
