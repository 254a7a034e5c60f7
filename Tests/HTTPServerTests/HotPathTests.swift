import Foundation
@testable import HTTPServer
import Sockets
import Testing

@Suite("Hot paths: compressible types, Server-Timing, closing after Connection: close")
struct HotPathTests {
    @Test("compressible media types", arguments: [
        ("application/json", true), ("application/json; charset=utf-8", true), ("Application/JSON ;charset=UTF-8", true),
        ("application/problem+json", true), ("text/html; charset=utf-8", true), ("text/csv; header=present", true),
        ("TEXT/PLAIN", true), ("image/svg+xml", true), ("application/javascript", true), ("application/xml", true),
        ("application/x-ndjson", true), ("application/geo+json", true), ("  text/css  ", true),
        ("image/png", false), ("application/octet-stream", false), ("application/gzip", false), ("application/zip", false),
        ("image/jpeg", false), ("application/jsonx", false), ("text", false), ("", false), ("json", false),
        ("application/json-seq-but-longer", false), ("application/xjson", false),
    ])
    func compressibleTypes(contentType: String, expected: Bool) {
        #expect(ResponseCompression.isCompressible(contentType) == expected)
    }

    @Test("an already encoded or binary body is neither compressed nor given Vary")
    func notCompressedWhenEncodedOrBinary() throws {
        let big = Array(String(repeating: "abcdefgh", count: 400).utf8)
        var router = Router()
        router.get("/png") { _ in .bytes(big, contentType: "image/png") }
        router.get("/encoded") { _ in
            Response(status: .ok, headers: ["Content-Type": "application/json", "Content-Encoding": "br"], body: big)
        }
        router.get("/csv") { _ in .bytes(big, contentType: "text/csv") }
        try withServer(router: router) { port in
            let client = try TestClient(port: port)
            for path in ["/png", "/encoded"] {
                try client.send("GET \(path) HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.header("Vary") == nil)
                #expect(response.body == big)
            }
            try client.send("GET /csv HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n")
            let csv = try client.readResponse()
            #expect(csv.header("Content-Encoding") == "gzip")
            #expect(try Gzip.decompress(csv.body) == big)
        }
    }

    @Test("Server-Timing value: milliseconds with three decimals, rounded to the microsecond", arguments: [
        (UInt64(0), "app;dur=0.000"), (499, "app;dur=0.000"), (500, "app;dur=0.001"), (42_000, "app;dur=0.042"),
        (1_234_567, "app;dur=1.235"), (999_999_999, "app;dur=1000.000"), (12_345_678_901, "app;dur=12345.679"),
    ])
    func serverTimingValue(nanoseconds: UInt64, expected: String) {
        #expect(ServerTiming.value(nanoseconds: nanoseconds) == expected)
    }

    @Test("Server-Timing covers middleware and handler, and can be switched off")
    func serverTimingHeader() throws {
        var router = Router()
        router.get("/slow") { _ in
            usleep(20_000)
            return .text("slow")
        }
        let middleware = MiddlewareFunction { request, next in
            usleep(10_000)
            return next(&request)
        }
        try withServer(router: router, middleware: [middleware]) { port in
            let client = try TestClient(port: port)
            try client.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
            let value = try #require(try client.readResponse().header("Server-Timing"))
            #expect(value.hasPrefix("app;dur="))
            let milliseconds = try #require(Double(value.dropFirst("app;dur=".count)))
            #expect(milliseconds >= 30)
            #expect(value.split(separator: ".").last?.count == 3)
        }
        var configuration = testConfiguration()
        configuration.serverTiming = false
        try withServer(configuration: configuration) { port in
            let client = try TestClient(port: port)
            try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().header("Server-Timing") == nil)
        }
    }

    @Test("after a Connection: close request read whole, the server closes at once, not waiting for the client")
    func cleanCloseIsImmediate() throws {
        let server = Server(configuration: testConfiguration(), router: exampleRouter())
        let port = try server.start()
        defer { server.shutdown(timeout: 2) }
        let client = try TestClient(port: port)
        try client.send("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        #expect(try client.readResponse().text == "hello")
        #expect(client.isClosedByServer())
        // The client has not closed its side; a lingering close would hold the connection for 2 s.
        #expect(waitFor { server.metrics.openConnections == 0 })
    }

    @Test("after an error response with unread input the server lingers until the client closes")
    func errorResponseLingers() throws {
        let server = Server(configuration: testConfiguration(), router: exampleRouter())
        let port = try server.start()
        defer { server.shutdown(timeout: 2) }
        let client = try TestClient(port: port)
        try client.send("GET /hello HTTP/1.1\r\nHost : t\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 400)
        #expect(client.isClosedByServer())
        usleep(200_000)
        #expect(server.metrics.openConnections == 1)
        shutdown(client.fd, Int32(SHUT_WR))
        #expect(waitFor { server.metrics.openConnections == 0 })
    }

    /// Polls `condition` for up to a second (well inside the 2 s lingering deadline).
    private func waitFor(_ condition: () -> Bool) -> Bool {
        for _ in 0..<100 {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }
}

@Suite("Socket options the server relies on")
struct SocketOptionTests {
    @Test("an accepted socket inherits TCP_NODELAY from its listener, so the server sets it once")
    func noDelayInherited() throws {
        let listener = try TCPListener(host: "127.0.0.1", port: 0, backlog: 8)
        defer { listener.close() }
        try Socket.setNoDelay(listener.fd)
        let client = try TestClient(port: listener.port)
        var accepted: AcceptedSocket?
        for _ in 0..<100 where accepted == nil {
            accepted = try listener.accept()
            if accepted == nil { usleep(10_000) }
        }
        let socket = try #require(accepted)
        defer { Socket.close(socket.fd) }
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        #expect(getsockopt(socket.fd, Int32(IPPROTO_TCP), TCP_NODELAY, &value, &length) == 0)
        #expect(value == 1)
        _ = client
    }
}

@Suite("Vary: Accept-Encoding next to other Vary fields")
struct VaryTests {
    @Test("list membership, case-insensitive, around whitespace", arguments: [
        ("Accept-Encoding", true), ("Origin, accept-encoding", true), ("Origin ,\tACCEPT-ENCODING ", true),
        ("Origin", false), ("", false), ("Accept-Encodings", false), ("Origin, Accept", false), (",,accept-encoding,", true),
    ])
    func listMembership(value: String, expected: Bool) {
        #expect(HTTPHeaders.listContains(value, "Accept-Encoding") == expected)
    }

    @Test("a compressible response with Vary: Origin also varies on Accept-Encoding, once")
    func varyAddedBesideOrigin() throws {
        let big = Array(String(repeating: "{\"value\":1},", count: 200).utf8)
        var router = Router()
        router.get("/origin") { _ in Response(status: .ok, headers: ["Content-Type": "application/json", "Vary": "Origin"], body: big) }
        router.get("/already") { _ in
            Response(status: .ok, headers: ["Content-Type": "application/json", "Vary": "origin, accept-encoding"], body: big)
        }
        router.get("/star") { _ in Response(status: .ok, headers: ["Content-Type": "application/json", "Vary": "*"], body: big) }
        try withServer(router: router) { port in
            let client = try TestClient(port: port)
            for (path, expected) in [("/origin", ["Origin", "Accept-Encoding"]), ("/already", ["origin, accept-encoding"]), ("/star", ["*"])] {
                try client.send("GET \(path) HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(try client.readResponse().headers(named: "Vary") == expected)
            }
        }
    }
}
