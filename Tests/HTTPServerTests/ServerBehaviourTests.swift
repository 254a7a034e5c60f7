import Foundation
import HTTPServer
import InMemoryLogging
import Logging
import Testing

@Suite("Server behaviour over real sockets")
struct ServerBehaviourTests {
    @Test("two requests on one keep-alive connection")
    func keepAlive() throws {
        try withServer { port in
            let client = try TestClient(port: port)
            try client.send("GET /hello HTTP/1.1\r\nHost: test\r\n\r\n")
            let first = try client.readResponse()
            try client.send("GET /items/42 HTTP/1.1\r\nHost: test\r\n\r\n")
            let second = try client.readResponse()
            #expect(first.status == 200)
            #expect(first.text == "hello")
            #expect(first.header("Content-Type") == "text/plain; charset=utf-8")
            #expect(first.header("Date")?.hasSuffix(" GMT") == true)
            #expect(first.header("Connection") == nil)
            #expect(second.text == "item 42")
        }
    }

    @Test("three pipelined requests in one write are answered in order")
    func pipelining() throws {
        try withServer { port in
            let client = try TestClient(port: port)
            try client.send("GET /items/1 HTTP/1.1\r\nHost: t\r\n\r\nGET /items/2 HTTP/1.1\r\nHost: t\r\n\r\nGET /items/3 HTTP/1.1\r\nHost: t\r\n\r\n")
            let bodies = try (0..<3).map { _ in try client.readResponse().text }
            #expect(bodies == ["item 1", "item 2", "item 3"])
        }
    }

    @Test("more pipelined requests than one turn answers are all answered in order")
    func longPipeline() throws {
        var configuration = testConfiguration()
        configuration.maxPipelinedRequests = 4
        try withServer(configuration: configuration) { port in
            let client = try TestClient(port: port)
            try client.send((1...40).map { "GET /items/\($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined())
            let bodies = try (1...40).map { _ in try client.readResponse().text }
            #expect(bodies == (1...40).map { "item \($0)" })
        }
    }

    @Test("large bodies (sent from their own buffer) and small ones stay in order when pipelined")
    func pipeliningLargeBodies() throws {
        try withServer { port in
            let client = try TestClient(port: port)
            let paths = ["/large", "/items/1", "/big", "/large", "/hello"]
            try client.send(paths.map { "GET \($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined())
            let responses = try paths.map { _ in try client.readResponse() }
            #expect(responses.map(\.status) == [200, 200, 200, 200, 200])
            #expect(responses[0].body == largeBody)
            #expect(responses[1].text == "item 1")
            #expect(responses[2].body == Array(String(repeating: "{\"value\":12345},", count: 200).utf8))
            #expect(responses[3].body == largeBody)
            #expect(responses[4].text == "hello")
            #expect(responses.allSatisfy { $0.header("Content-Length") == String($0.body.count) })
        }
    }

    @Test("a client that half-closes after its request still gets the response")
    func halfClose() throws {
        try withServer { port in
            let client = try TestClient(port: port)
            try client.send("GET /items/3 HTTP/1.1\r\nHost: t\r\n\r\n")
            shutdown(client.fd, Int32(SHUT_WR))
            let response = try client.readResponse()
            #expect(response.text == "item 3")
            #expect(client.isClosedByServer())
        }
    }

    @Test("pipelined requests stay in order with handlers on the worker pool")
    func pipeliningOnWorkerPool() throws {
        var configuration = testConfiguration()
        configuration.handlerExecution = .workerPool(threads: 4)
        try withServer(configuration: configuration) { port in
            let client = try TestClient(port: port)
            let requests = (1...20).map { "GET /items/\($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined()
            try client.send(requests)
            let bodies = try (1...20).map { _ in try client.readResponse().text }
            #expect(bodies == (1...20).map { "item \($0)" })
        }
    }

    @Test("HTTP/1.0 closes unless it asks for keep-alive, in any letter case")
    func http10Persistence() throws {
        try withServer { port in
            let closing = try TestClient(port: port)
            try closing.send("GET /hello HTTP/1.0\r\n\r\n")
            let response = try closing.readResponse()
            #expect(response.header("Connection") == "close")
            #expect(closing.isClosedByServer())

            let persistent = try TestClient(port: port)
            try persistent.send("GET /hello HTTP/1.0\r\nConnection: foo, Keep-Alive\r\n\r\n")
            #expect(try persistent.readResponse().header("Connection") == "keep-alive")
            try persistent.send("GET /items/9 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try persistent.readResponse().text == "item 9")
        }
    }

    @Test("Connection: close in a token list closes an HTTP/1.1 connection")
    func connectionCloseToken() throws {
        try withServer { port in
            let client = try TestClient(port: port)
            try client.send("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: TE, Close\r\n\r\n")
            #expect(try client.readResponse().header("Connection") == "close")
            #expect(client.isClosedByServer())
        }
    }

    @Test("a handler's Connection: close closes the connection after its response")
    func handlerClosesConnection() throws {
        try withServer { port in
            let client = try TestClient(port: port)
            try client.send("GET /goodbye HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.text == "bye")
            #expect(response.header("Connection") == "close")
            #expect(client.isClosedByServer())
        }
    }

    @Test("a response larger than the socket buffer arrives whole, and the connection goes on")
    func largeResponse() throws {
        try withServer { port in
            let client = try TestClient(port: port)
            try client.send("GET /large HTTP/1.1\r\nHost: t\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            usleep(100_000)
            #expect(try client.readResponse().body == largeBody)
            #expect(try client.readResponse().text == "hello")
        }
    }

    @Test("HEAD has GET's headers and no body")
    func head() throws {
        try withServer { port in
            let client = try TestClient(port: port)
            try client.send("HEAD /items/7 HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse(bodyless: true)
            #expect(response.status == 200)
            #expect(response.header("Content-Length") == "6")
            // The next response must start right away: had a body been sent, it would be read as a status line.
            try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().text == "hello")
        }
    }

    @Test("a known path with the wrong method is 405 with Allow")
    func methodNotAllowed() throws {
        try withServer { port in
            let client = try TestClient(port: port)
            try client.send("DELETE /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 405)
            #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(response.text.contains("\"status\":405"))
        }
    }

    @Test("an unknown path is a 404 problem document")
    func notFound() throws {
        try withServer { port in
            let client = try TestClient(port: port)
            try client.send("GET /nowhere HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(response.text.contains("\"title\":\"Not Found\""))
        }
    }

    @Test("OPTIONS is answered with Allow")
    func options() throws {
        try withServer { port in
            let client = try TestClient(port: port)
            try client.send("OPTIONS /echo HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 204)
            #expect(response.header("Allow") == "OPTIONS, POST")
        }
    }

    @Test("route parameters, suffixed parameters and decoded query parameters")
    func parameters() throws {
        try withServer { port in
            let client = try TestClient(port: port)
            try client.send("GET /figures/7.svg HTTP/1.1\r\nHost: t\r\n\r\n")
            let svg = try client.readResponse()
            #expect(svg.text == "<svg>7</svg>")
            #expect(svg.header("Content-Type") == "image/svg+xml")
            try client.send("GET /figures/7 HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().text == "figure 7")
            try client.send("GET /query?size=small&channel=face+book&channel=tw%C3%AFtter&flag HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().text == "size=small|channel=face book|channel=twïtter|flag=")
        }
    }

    @Test("an unexpected error becomes a bare 500 problem, logged to the server's logger")
    func internalError() throws {
        let log = InMemoryLogHandler()
        var configuration = testConfiguration()
        configuration.logger = Logger(label: "test") { _ in log }
        try withServer(configuration: configuration) { port in
            let client = try TestClient(port: port)
            try client.send("GET /fail HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 500)
            #expect(!response.text.contains("boom"))
            try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().status == 200)
        }
        let entry = try #require(log.entries.first)
        #expect(log.entries.count == 1)
        #expect(entry.level == .error)
        #expect(entry.metadata["path"] == "/fail")
        #expect(entry.error is TestFailure)
    }

    @Test("a chunked body with extensions and trailers")
    func chunkedBody() throws {
        try withServer { port in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5;name=\"va lue\"\r\nhello\r\n")
            try client.send("6\r\n world\r\n0\r\nChecksum: abc\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "hello world")
            #expect(response.header("X-Trailer-Checksum") == "abc")
        }
    }

    @Test("Expect: 100-continue gets the interim response before the body is sent")
    func expectContinue() throws {
        try withServer { port in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            let interim = try client.readResponse(bodyless: true)
            #expect(interim.status == 100)
            try client.send("ping")
            let final = try client.readResponse()
            #expect(final.status == 200)
            #expect(final.text == "ping")
        }
    }

    @Test("Expect: 100-continue with a body over the cap gets 413, not 100")
    func expectContinueTooLarge() throws {
        var configuration = testConfiguration()
        configuration.maxBodyBytes = 10
        try withServer(configuration: configuration) { port in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(client.isClosedByServer())
        }
    }

    @Test("an unknown expectation is 417")
    func unknownExpectation() throws {
        try withServer { port in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nExpect: 200-ok\r\n\r\nx")
            #expect(try client.readResponse().status == 417)
        }
    }
}
