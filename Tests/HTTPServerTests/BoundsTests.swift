import Foundation
import HTTPServer
import Sockets
import Testing

/// Floods and slow clients against the per-connection and per-client bounds (docs/http-server.md,
/// "Bounds"): each test checks the bound through the server's own counters, not through RSS.
@Suite("Bounds: buffered input, chunked wire size, body deadline, connections per client")
struct BoundsTests {
    /// Starts a server on port 0, runs `body` with it, then shuts it down.
    private func withRunningServer<T>(
        _ configuration: ServerConfiguration = testConfiguration(), router: Router = exampleRouter(), _ body: (Server, UInt16) throws -> T
    ) throws -> T {
        let server = Server(configuration: configuration, router: router)
        let port = try server.start()
        defer { server.shutdown(timeout: 2) }
        return try body(server, port)
    }

    /// Blocking send of all of `bytes` on `fd` (from a second thread while the test reads).
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }

    @Test("a client pipelining HEADs while reading the answers never makes a connection buffer past the bound")
    func pipelinedFloodStaysBounded() throws {
        var configuration = testConfiguration()
        configuration.eventLoopCount = 1
        try withRunningServer(configuration) { server, port in
            let client = try TestClient(port: port, receiveTimeout: 30)
            let request = Array("HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\n".utf8)
            let perBatch = 2000
            let batches = 20
            let batch = Array([[UInt8]](repeating: request, count: perBatch).joined())
            let fd = client.fd
            let sender = Thread {
                for _ in 0..<batches { Self.sendAll(fd, batch) }
            }
            sender.start()
            var answered = 0
            for _ in 0..<(perBatch * batches) {
                guard try client.readResponse(bodyless: true).status == 200 else { break }
                answered += 1
            }
            #expect(answered == perBatch * batches)
            #expect(server.metrics.peakBufferedInputBytes <= configuration.maxBufferedInputBytes)
            #expect(server.metrics.peakBufferedInputBytes > 0)
        }
    }

    @Test("a chunked body in small chunks is decoded as it arrives, without buffering it as input")
    func chunkedBodyIncremental() throws {
        try withRunningServer { server, port in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n")
            var expected: [UInt8] = []
            var wire: [UInt8] = []
            for index in 0..<2000 {
                let data = [UInt8](repeating: UInt8(ascii: "a") + UInt8(index % 26), count: 200)
                expected += data
                wire += Array("c8;n=\(index)\r\n".utf8) + data + Array("\r\n".utf8)
            }
            wire += Array("0\r\nX-Sum: done\r\n\r\n".utf8)
            try client.send(wire)
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.body == expected)
            #expect(response.header("X-Trailer-X-Sum") == "done")
            #expect(server.metrics.peakBufferedInputBytes <= ServerConfiguration().maxBufferedInputBytes)
        }
    }

    @Test("a chunked body whose framing outweighs the cap on the wire gets 413")
    func chunkedWireBound() throws {
        var configuration = testConfiguration()
        configuration.maxBodyBytes = 64 * 1024
        configuration.maxHeaderBytes = 4 * 1024
        try withRunningServer(configuration) { _, port in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n")
            // One-byte chunks with an extension: 30 wire bytes per body byte. 4 000 body bytes are
            // far below the body cap, but 120 000 wire bytes pass 64 KiB + 4 KiB.
            let chunk = Array("1;padding=xxxxxxxxxxxxxxxx\r\nz\r\n".utf8)
            var sent = 0
            while sent < 4000 {
                guard (try? client.send(Array([[UInt8]](repeating: chunk, count: 100).joined()))) != nil else { break }
                sent += 100
            }
            #expect(try client.readResponse().status == 413)
        }
    }

    @Test("a body dribbled a byte at a time is cut off at the body deadline with 408")
    func bodyDeadlineNotExtendedByProgress() throws {
        var configuration = testConfiguration()
        configuration.bodyTimeout = 0.5
        configuration.idleTimeout = 5
        try withRunningServer(configuration) { _, port in
            let client = try TestClient(port: port)
            let started = Date()
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n")
            // Well inside the idle timeout between bytes, so only a total deadline can stop it.
            for _ in 0..<12 {
                usleep(100_000)
                try? client.send("x")
            }
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(response.text.contains("body"))
            #expect(client.isClosedByServer())
            #expect(Date().timeIntervalSince(started) < 3)
        }
    }

    @Test("beyond the per-client cap a connection gets 429; closing one makes room")
    func connectionsPerClient() throws {
        var configuration = testConfiguration()
        configuration.maxConnectionsPerClient = 3
        try withRunningServer(configuration) { server, port in
            var clients = try (0..<3).map { _ in try TestClient(port: port) }
            for client in clients {
                try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(try client.readResponse().status == 200)
            }
            let refused = try TestClient(port: port)
            let response = try refused.readResponse()
            #expect(response.status == 429)
            #expect(response.header("Retry-After") == "1")
            #expect(server.metrics.rejectedClientConnections == 1)
            clients.removeLast()
            var admitted = false
            for _ in 0..<100 where !admitted {
                usleep(10_000)
                let fresh = try TestClient(port: port)
                try? fresh.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                admitted = (try? fresh.readResponse().status) == 200
            }
            #expect(admitted)
        }
    }

    @Test("a connection flood from one address is refused at the per-client cap, the rest unaffected")
    func connectionFlood() throws {
        ResourceLimits.raiseOpenFileLimit(to: 4096)
        var configuration = testConfiguration()
        configuration.maxConnectionsPerClient = 200
        try withRunningServer(configuration) { server, port in
            let flood = (0..<600).compactMap { _ in try? TestClient(port: port) }
            usleep(200_000)
            #expect(server.metrics.openConnections <= 200)
            #expect(server.metrics.rejectedClientConnections >= flood.count - 200)
            withExtendedLifetime(flood) {}
        }
    }
}

@Suite("Half-close: the client's FIN after a complete request does not cancel the answer")
struct HalfCloseTests {
    static let modes: [HandlerExecution] = [.inline, .workerPool(threads: 2)]

    @Test("GET with Connection: close, then SHUT_WR: answered", arguments: 0..<modes.count)
    func getThenHalfClose(mode: Int) throws {
        var configuration = testConfiguration()
        configuration.handlerExecution = Self.modes[mode]
        try withServer(configuration: configuration, router: slowRouter()) { port in
            let client = try TestClient(port: port)
            try client.send("GET /slow HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            shutdown(client.fd, Int32(SHUT_WR))
            let response = try client.readResponse()
            #expect(response.text == "slow")
            #expect(client.isClosedByServer())
        }
    }

    @Test("PUT with a body, then SHUT_WR: the write is done and its answer arrives", arguments: 0..<modes.count)
    func putThenHalfClose(mode: Int) throws {
        var configuration = testConfiguration()
        configuration.handlerExecution = Self.modes[mode]
        let store = Store()
        try withServer(configuration: configuration, router: slowRouter(store)) { port in
            let client = try TestClient(port: port)
            try client.send("PUT /value HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello")
            shutdown(client.fd, Int32(SHUT_WR))
            let response = try client.readResponse()
            #expect(response.status == 201)
            #expect(response.text == "stored hello")
            #expect(client.isClosedByServer())
        }
        #expect(store.value == "hello")
    }

    @Test("pipelined requests, then SHUT_WR: every one is answered, in order", arguments: 0..<modes.count)
    func pipelinedThenHalfClose(mode: Int) throws {
        var configuration = testConfiguration()
        configuration.handlerExecution = Self.modes[mode]
        try withServer(configuration: configuration, router: slowRouter()) { port in
            let client = try TestClient(port: port)
            try client.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\nGET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
            shutdown(client.fd, Int32(SHUT_WR))
            #expect(try client.readResponse().text == "slow")
            #expect(try client.readResponse().text == "hello")
            #expect(try client.readResponse().text == "slow")
            #expect(client.isClosedByServer())
        }
    }

    final class Store: @unchecked Sendable {
        private let lock = NSLock()
        private var stored = ""
        var value: String { lock.withLock { stored } }
        func set(_ value: String) { lock.withLock { stored = value } }
    }

    private func slowRouter(_ store: Store = Store()) -> Router {
        var router = exampleRouter()
        router.get("/slow") { _ in
            usleep(150_000)
            return .text("slow")
        }
        router.put("/value") { request in
            usleep(150_000)
            store.set(request.bodyText ?? "")
            return .text("stored \(request.bodyText ?? "")", status: .created)
        }
        return router
    }
}
