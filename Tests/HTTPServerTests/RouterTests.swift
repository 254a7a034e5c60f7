import HTTPServer
import Testing

@Suite("Router and middleware, called directly")
struct RouterTests {
    private final class Principal: RequestPrincipal {
        let name: String
        init(name: String) { self.name = name }
    }

    private func router() -> Router {
        var router = Router()
        router.get("/v1/figures/:n") { .text("data \($0.parameter("n") ?? "")") }
        router.get("/v1/figures/:n.svg") { .text("svg \($0.parameter("n") ?? "")") }
        router.get("/v1/figures/latest") { _ in .text("literal") }
        router.put("/v1/respondents/:code/answers") { .text("put \($0.parameter("code") ?? "")") }
        router.get("/files/*rest") { .text("rest \($0.parameter("rest") ?? "")") }
        return router
    }

    private func respond(_ method: HTTPMethod, _ target: String, router: Router? = nil) throws -> Response {
        var request = try Request(method: method, target: target)
        return try (router ?? self.router()).respond(to: &request)
    }

    @Test("matching: literal before parameter, suffix parameter, rest capture")
    func matching() throws {
        #expect(try respond(.get, "/v1/figures/latest").body == Array("literal".utf8))
        #expect(try respond(.get, "/v1/figures/7").body == Array("data 7".utf8))
        #expect(try respond(.get, "/v1/figures/7.svg").body == Array("svg 7".utf8))
        #expect(try respond(.put, "/v1/respondents/0301/answers").body == Array("put 0301".utf8))
        #expect(try respond(.get, "/files/a/b%20c").body == Array("rest a/b c".utf8))
        #expect(try respond(.head, "/v1/figures/7").body == Array("data 7".utf8))
    }

    @Test("a parameter tried on a dead end leaves no capture behind")
    func backtracking() throws {
        var router = Router()
        router.get("/t/:first.svg/end") { .text("end \($0.parameter("first") ?? "-")") }
        router.get("/t/:other/tail") { .text("tail \($0.parameter("other") ?? "-") \($0.parameter("first") ?? "-")") }
        #expect(try respond(.get, "/t/7.svg/tail", router: router).body == Array("tail 7.svg -".utf8))
        #expect(try respond(.get, "/t/7.svg/end", router: router).body == Array("end 7".utf8))
    }

    @Test("routes lists each method and pattern once, in registration order")
    func routesList() {
        var router = router()
        router.get("/v1/figures/:n") { _ in .text("replaced") }
        router.patch("/v1/respondents/:code/answers") { _ in .text("patch") }
        #expect(router.routes.map { "\($0.method) \($0.pattern)" } == [
            "GET /v1/figures/:n", "GET /v1/figures/:n.svg", "GET /v1/figures/latest", "PUT /v1/respondents/:code/answers",
            "GET /files/*rest", "PATCH /v1/respondents/:code/answers",
        ])
    }

    @Test("the request names the matched pattern, also when the handler's error is mapped; 404 names none")
    func routePatterns() throws {
        var router = self.router()
        router.get("/v1/questions/:id") { _ in throw HTTPError(.notFound, detail: "no such question") }
        func route(_ target: String) throws -> String? {
            var request = try Request(method: .get, target: target)
            _ = try router.respond(to: &request)
            return request.route
        }
        #expect(try route("/v1/figures/7") == "/v1/figures/:n")
        #expect(try route("/v1/figures/7.svg") == "/v1/figures/:n.svg")
        #expect(try route("/v1/figures/latest") == "/v1/figures/latest")
        #expect(try route("/files/a/b") == "/files/*rest")
        let mapped: (any Error, Request) -> Response = { error, _ in .problem((error as? HTTPError)?.status ?? .internalServerError) }
        var questionRequest = try Request(method: .get, target: "/v1/questions/Q9")
        let thrown = router.respond(to: &questionRequest, mappingErrors: mapped)
        #expect(thrown.status == .notFound)
        #expect(questionRequest.route == "/v1/questions/:id")
        var deleteRequest = try Request(method: .delete, target: "/v1/figures/7")
        let wrongMethod = router.respond(to: &deleteRequest, mappingErrors: mapped)
        #expect(wrongMethod.status == .methodNotAllowed)
        #expect(deleteRequest.route == "/v1/figures/:n")
        var unknownRequest = try Request(method: .get, target: "/v2/anything")
        let unknown = router.respond(to: &unknownRequest, mappingErrors: mapped)
        #expect(unknown.status == .notFound)
        #expect(unknownRequest.route == nil)
    }

    @Test("unknown path throws 404, wrong method throws 405 with Allow, OPTIONS answers Allow")
    func errors() throws {
        #expect(throws: HTTPError(.notFound, detail: "No resource at /v2.")) { try respond(.get, "/v2") }
        do {
            _ = try respond(.post, "/v1/figures/7")
            Issue.record("expected 405")
        } catch let error as HTTPError {
            #expect(error.status == .methodNotAllowed)
            #expect(error.makeResponse().headers["Allow"] == "GET, HEAD, OPTIONS")
        }
        let options = try respond(.options, "/v1/respondents/1/answers")
        #expect(options.status == .noContent)
        #expect(options.headers["allow"] == "OPTIONS, PUT")
    }

    @Test("middleware runs outermost first, sees errors as responses, and can answer OPTIONS itself")
    func middleware() throws {
        let cors = MiddlewareFunction { request, next in
            if request.method == .options {
                return Response(status: .noContent, headers: ["Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET"])
            }
            var response = next(&request)
            response.headers.set("Access-Control-Allow-Origin", "*")
            return response
        }
        let auth = MiddlewareFunction { request, next in
            guard request.headers["Authorization"] == "Bearer ok" else { throw HTTPError(.unauthorized, detail: "Token required.") }
            request.principal = Principal(name: "ks")
            return next(&request)
        }
        var router = Router()
        router.get("/me") { request in .text((request.principal as? Principal)?.name ?? "nobody") }
        router.get("/boom") { _ in throw HTTPError(.conflict, detail: "clash") }
        let chained = [cors, auth] as [any Middleware]
        let server = Server(configuration: testConfiguration(), router: router, middleware: chained)
        let port = try server.start()
        defer { server.shutdown(timeout: 1) }
        let client = try TestClient(port: port)
        try client.send("OPTIONS /me HTTP/1.1\r\nHost: t\r\nOrigin: http://x\r\n\r\n")
        let preflight = try client.readResponse()
        #expect(preflight.status == 204)
        #expect(preflight.header("Access-Control-Allow-Methods") == "GET")
        try client.send("GET /me HTTP/1.1\r\nHost: t\r\n\r\n")
        let unauthorized = try client.readResponse()
        #expect(unauthorized.status == 401)
        #expect(unauthorized.header("Access-Control-Allow-Origin") == "*")
        try client.send("GET /me HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer ok\r\n\r\n")
        #expect(try client.readResponse().text == "ks")
        try client.send("GET /boom HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer ok\r\n\r\n")
        let conflict = try client.readResponse()
        #expect(conflict.status == 409)
        #expect(conflict.header("Access-Control-Allow-Origin") == "*")
        #expect(conflict.text.contains("\"detail\":\"clash\""))
    }

    @Test("headers: case-insensitive lookup, order kept, set replaces all, token lists")
    func headers() {
        var headers: HTTPHeaders = ["Vary": "Origin", "X-A": "1", "x-a": "2"]
        #expect(headers["X-a"] == "1")
        #expect(headers.values(for: "X-A") == ["1", "2"])
        headers.set("X-A", "3")
        #expect(headers.values(for: "x-a") == ["3"])
        headers.add("Connection", "Keep-Alive, ,Upgrade")
        #expect(headers.tokens(for: "connection") == ["keep-alive", "upgrade"])
        headers.remove("VARY")
        #expect(!headers.contains("Vary"))
        #expect(headers.map(\.name) == ["X-A", "Connection"])
    }

    @Test("problem documents are valid JSON with escaped text")
    func problemJSON() throws {
        let problem = ProblemDocument(status: .badRequest, detail: "quote \" and\nnewline")
        let text = String(decoding: problem.jsonBytes, as: UTF8.self)
        #expect(text == #"{"type":"about:blank","title":"Bad Request","status":400,"detail":"quote \" and\nnewline","errors":[]}"#)
    }
}
