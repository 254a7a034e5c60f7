import HTTPServer
import Testing

@Suite("Malformed requests over real sockets")
struct MalformedRequestTests {
    /// Sends `raw`, expects `status` with a problem+json body, and the connection closed.
    private func expectRejected(_ raw: String, status: Int, configuration: ServerConfiguration = testConfiguration()) throws {
        try withServer(configuration: configuration) { port in
            let client = try TestClient(port: port)
            try client.send(raw)
            let response = try client.readResponse()
            #expect(response.status == status, "\(raw.debugDescription)")
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(response.text.contains("\"status\":\(status)"))
            #expect(response.header("Connection") == "close")
            #expect(client.isClosedByServer())
        }
    }

    @Test("400 for malformed requests", arguments: [
        "GET  /hello HTTP/1.1\r\nHost: t\r\n\r\n",
        "GET /hello  HTTP/1.1\r\nHost: t\r\n\r\n",
        "GET /hello\r\nHost: t\r\n\r\n",
        "GET /hel lo HTTP/1.1\r\nHost: t\r\n\r\n",
        "GE(T /hello HTTP/1.1\r\nHost: t\r\n\r\n",
        "GET /hello HTTP/1.1\nHost: t\r\n\r\n",
        "GET /hello HTTP/1.1\r\nHost: t\rX: y\r\n\r\n",
        "GET /hello HTTP/1.1\r\nHost : t\r\n\r\n",
        "GET /hello HTTP/1.1\r\nHost: t\r\nX-Long: a\r\n b\r\n\r\n",
        "GET /hello HTTP/1.1\r\n\r\n",
        "GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3x\r\n\r\nabc",
        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: -3\r\n\r\nabc",
        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
        "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
        "GET /bad%zzescape HTTP/1.1\r\nHost: t\r\n\r\n",
        "GET * HTTP/1.1\r\nHost: t\r\n\r\n",
    ])
    func badRequests(raw: String) throws {
        try expectRejected(raw, status: 400)
    }

    @Test("identical duplicate Content-Length values are accepted")
    func identicalContentLengths() throws {
        try withServer { port in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc")
            #expect(try client.readResponse().text == "abc")
        }
    }

    @Test("505 for an HTTP version other than 1.0 and 1.1")
    func unsupportedVersion() throws {
        try expectRejected("GET /hello HTTP/2.0\r\nHost: t\r\n\r\n", status: 505)
    }

    @Test("501 for a transfer coding other than chunked")
    func unknownTransferCoding() throws {
        try expectRejected("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", status: 501)
    }

    @Test("414 for a request-line over the cap")
    func requestLineTooLong() throws {
        var configuration = testConfiguration()
        configuration.maxRequestLineBytes = 100
        try expectRejected("GET /\(String(repeating: "a", count: 200)) HTTP/1.1\r\nHost: t\r\n\r\n", status: 414, configuration: configuration)
    }

    @Test("431 for too many header fields")
    func tooManyHeaders() throws {
        var configuration = testConfiguration()
        configuration.maxHeaderCount = 5
        let headers = (0..<6).map { "X-\($0): v\r\n" }.joined()
        try expectRejected("GET /hello HTTP/1.1\r\nHost: t\r\n\(headers)\r\n", status: 431, configuration: configuration)
    }

    @Test("431 for a header section over the cap, even before it ends")
    func headersTooLarge() throws {
        var configuration = testConfiguration()
        configuration.maxHeaderBytes = 256
        try expectRejected("GET /hello HTTP/1.1\r\nHost: t\r\nX-Big: \(String(repeating: "b", count: 300))", status: 431, configuration: configuration)
    }

    @Test("413 is decided from Content-Length before the body is sent")
    func contentTooLarge() throws {
        var configuration = testConfiguration()
        configuration.maxBodyBytes = 1000
        try expectRejected("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1001\r\n\r\n", status: 413, configuration: configuration)
    }

    @Test("413 for a chunked body as soon as its chunks pass the cap")
    func chunkedTooLarge() throws {
        var configuration = testConfiguration()
        configuration.maxBodyBytes = 10
        try expectRejected("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n8\r\n", status: 413, configuration: configuration)
    }
}
