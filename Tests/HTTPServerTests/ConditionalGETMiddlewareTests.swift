import Testing
@testable import HTTPServer

@Suite("Conditional GET and compression as middleware")
struct ConditionalGETMiddlewareTests {
    private let document: RequestResponder = { _ in
        Response(status: .ok, headers: ["ETag": "\"v7\"", "Content-Type": "application/json", "Cache-Control": "no-cache"],
                 body: Array(String(repeating: "{\"a\":1}", count: 400).utf8))
    }

    private func send(_ headers: HTTPHeaders, method: HTTPMethod = .get, through middleware: any Middleware,
                      next: RequestResponder? = nil) throws -> Response {
        var request = try Request(method: method, target: "/doc", headers: headers)
        return try middleware.handle(&request, next: next ?? document)
    }

    @Test func aMatchingTagIs304WithTheValidatorsButNoContentType() throws {
        let middleware = ConditionalGETMiddleware()
        for condition in ["\"v7\"", "W/\"v7\"", "\"v6\", \"v7\"", "*"] {
            let response = try send(["If-None-Match": condition], through: middleware)
            #expect(response.status == .notModified, "\(condition)")
            #expect(response.body.isEmpty)
            #expect(response.headers["ETag"] == "\"v7\"")
            #expect(response.headers["Cache-Control"] == "no-cache")
            #expect(response.headers["Content-Type"] == nil)
        }
        #expect(try send(["If-None-Match": "\"v6\""], through: middleware).status == .ok)
        #expect(try send(HTTPHeaders(), through: middleware).status == .ok)
        #expect(try send(["If-None-Match": "\"v7\""], method: .put, through: middleware).status == .ok)
        let failed: RequestResponder = { _ in Response(status: .notFound, headers: ["ETag": "\"v7\""]) }
        #expect(try send(["If-None-Match": "\"v7\""], through: middleware, next: failed).status == .notFound)
    }

    @Test func compressionCodesForAGzipClientWithAWeakTagAndVariesForEveryone() throws {
        let middleware = CompressionMiddleware(configuration: CompressionConfiguration())
        let coded = try send(["Accept-Encoding": "gzip"], through: middleware)
        #expect(coded.headers["Content-Encoding"] == "gzip")
        #expect(coded.headers["ETag"] == "W/\"v7\"")
        #expect(coded.headers.tokens(for: "Vary") == ["accept-encoding"])
        let identity = try send(HTTPHeaders(), through: middleware)
        #expect(identity.headers["Content-Encoding"] == nil)
        #expect(identity.headers["ETag"] == "\"v7\"")
        #expect(identity.headers.tokens(for: "Vary") == ["accept-encoding"])
    }
}
