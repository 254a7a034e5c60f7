import Foundation
import HTTPServer
import Sockets
import Synchronization
import Testing

@Suite("Connection lifecycle: deadlines, vanishing clients, many connections, shutdown")
struct ConnectionLifecycleTests {
    @Test("a client dribbling its head is cut off with 408 at the header deadline")
    func slowClientCutOff() throws {
        var configuration = testConfiguration()
        configuration.headerTimeout = 0.3
        try withServer(configuration: configuration) { port in
            let client = try TestClient(port: port)
            let started = Date()
            try client.send("GET /hello HTTP/1.1\r\n")
            // Keep dribbling: progress must not extend a head deadline.
            for _ in 0..<4 {
                usleep(100_000)
                try? client.send("X-Slow: 1\r\n")
            }
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(client.isClosedByServer())
            #expect(Date().timeIntervalSince(started) < 3)
        }
    }

    @Test("an idle keep-alive connection is closed after the idle timeout")
    func idleTimeout() throws {
        var configuration = testConfiguration()
        configuration.idleTimeout = 0.3
        try withServer(configuration: configuration) { port in
            let client = try TestClient(port: port)
            try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            #expect(client.isClosedByServer())
        }
    }

    @Test("a client vanishing mid-body does not disturb the others")
    func clientDisconnectsMidBody() throws {
        try withServer { port in
            let other = try TestClient(port: port)
            do {
                let leaving = try TestClient(port: port)
                try leaving.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nonly part of it")
            }
            usleep(50_000)
            try other.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try other.readResponse().text == "hello")
            let fresh = try TestClient(port: port)
            try fresh.send("GET /items/5 HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try fresh.readResponse().text == "item 5")
        }
    }

    @Test("1 000 concurrent connections each get their own correct response")
    func thousandConnections() throws {
        ResourceLimits.raiseOpenFileLimit(to: 4096)
        try withServer { port in
            let count = 1000
            // A generous read timeout: when the whole suite runs beside this test, a burst of
            // 1 000 handshakes can lose an ACK, and the kernel's retransmission takes seconds.
            // What is checked is that each answer arrives and is its own, not how fast.
            let clients = try (0..<count).map { _ in try TestClient(port: port, receiveTimeout: 30) }
            for (index, client) in clients.enumerated() {
                try client.send("GET /items/\(index) HTTP/1.1\r\nHost: t\r\n\r\n")
            }
            var correct = 0
            for (index, client) in clients.enumerated() where try client.readResponse().text == "item \(index)" {
                correct += 1
            }
            #expect(correct == count)
        }
    }

    @Test("beyond the connection cap a client gets 503 and the others are unaffected")
    func connectionCap() throws {
        var configuration = testConfiguration()
        configuration.maxConnections = 2
        try withServer(configuration: configuration) { port in
            let first = try TestClient(port: port)
            let second = try TestClient(port: port)
            try first.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            try second.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try first.readResponse().status == 200)
            #expect(try second.readResponse().status == 200)
            let third = try TestClient(port: port)
            #expect(try third.readResponse().status == 503)
        }
    }

    @Test("shutdown lets a slow in-flight request finish and closes idle connections")
    func gracefulShutdown() throws {
        var router = Router()
        router.get("/slow") { _ in
            usleep(300_000)
            return .text("done")
        }
        router.get("/fast") { _ in .text("fast") }
        var configuration = testConfiguration()
        configuration.handlerExecution = .workerPool(threads: 2)
        let server = Server(configuration: configuration, router: router)
        let port = try server.start()
        let idle = try TestClient(port: port)
        try idle.send("GET /fast HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try idle.readResponse().text == "fast")
        let busy = try TestClient(port: port)
        try busy.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
        usleep(50_000)
        let stopped = DispatchSemaphore(value: 0)
        let thread = Thread {
            server.shutdown(timeout: 5)
            stopped.signal()
        }
        thread.start()
        let response = try busy.readResponse()
        #expect(response.text == "done")
        #expect(response.header("Connection") == "close")
        #expect(idle.isClosedByServer())
        #expect(stopped.wait(timeout: .now() + 5) == .success)
        server.waitUntilStopped()
        #expect(server.metrics.openConnections == 0)
        #expect((try? TestClient(port: port)) == nil)
    }

    static let offloadingModes: [HandlerExecution] = [
        .workerPool(threads: 2),
        .selective(threads: 2, offload: { $0.path == "/slow" }),
    ]

    @Test("SIGTERM shuts the server down gracefully once signal handlers are installed")
    func signalShutdown() throws {
        let server = Server(configuration: testConfiguration(), router: exampleRouter())
        let port = try server.start()
        server.installSignalHandlers(timeout: 1)
        let client = try TestClient(port: port)
        try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        kill(getpid(), SIGTERM)
        let stopped = DispatchSemaphore(value: 0)
        Thread {
            server.waitUntilStopped()
            stopped.signal()
        }.start()
        #expect(stopped.wait(timeout: .now() + 5) == .success)
        #expect(client.isClosedByServer())
    }

    @Test("a slow handler on the worker pool does not stall other connections", arguments: 0..<offloadingModes.count)
    func slowHandlerDoesNotStall(mode: Int) throws {
        var router = exampleRouter()
        router.get("/slow") { _ in
            usleep(1_000_000)
            return .text("slow")
        }
        var configuration = testConfiguration()
        configuration.eventLoopCount = 1
        configuration.handlerExecution = Self.offloadingModes[mode]
        try withServer(configuration: configuration, router: router) { port in
            let slow = try TestClient(port: port)
            try slow.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
            usleep(50_000)
            let fast = try TestClient(port: port)
            let started = Date()
            try fast.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try fast.readResponse().text == "hello")
            #expect(Date().timeIntervalSince(started) < 0.9)
            #expect(try slow.readResponse().text == "slow")
        }
    }

    @Test("the completion hook reports status and byte counts")
    func completionHook() throws {
        let records = Mutex<[CompletedRequest]>([])
        try withServer(onRequestCompleted: { record in records.withLock { $0.append(record) } }) { port in
            let client = try TestClient(port: port)
            let raw = "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc"
            try client.send(raw)
            _ = try client.readResponse()
            try client.send("GET /nowhere HTTP/1.1\r\nHost: t\r\n\r\n")
            _ = try client.readResponse()
        }
        let seen = records.withLock { $0 }
        #expect(seen.map(\.status.code) == [200, 404])
        #expect(seen.first?.bytesIn == "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc".utf8.count)
        #expect(seen.first?.request?.path == "/echo")
        #expect(seen.map(\.route) == ["/echo", nil])
        #expect((seen.first?.bytesOut ?? 0) > 3)
    }
}
