import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real executable, stopped with SIGTERM while a request is half sent: the request still
/// gets its whole response, new connections are refused, the database is checkpointed and the
/// process exits 0.
@Suite struct GracefulShutdownTests {
    /// `betakomm` sits next to the test bundle in the build folder (`swift test` builds every product).
    static var executable: URL? {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("betakomm")
        let candidates = [besideTests, TestApplication.repository.appendingPathComponent(".build/debug/betakomm")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    @Test func sigtermLetsAHalfSentRequestFinishThenExitsZero() throws {
        let executable = try #require(Self.executable, "build the betakomm product first (swift build)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("betakomm-stop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("stop.sqlite").path

        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "serve", "--port", "0", "--db", database,
            "--migrations", TestApplication.repository.appendingPathComponent("Migrations").path,
            "--public", TestApplication.repository.appendingPathComponent("Public").path,
            "--shutdown-timeout", "20",
        ]
        process.environment = [:]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let events = StreamLines(errors.fileHandleForReading)
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        let serving = try #require(events.waitForLine(containing: "msg=serving"), "no 'serving' event: \(events.text)")
        let port = try #require(serving.firstMatch(of: /address=http:\/\/127\.0\.0\.1:(\d+)/).flatMap { UInt16($0.1) })

        // Head and half of the body, then SIGTERM.
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 200_000)
        let client = try RawClient(port: port)
        try client.send(Array("GET /v1/figures/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body[..<100_000])
        usleep(200_000)
        kill(process.processIdentifier, SIGTERM)
        #expect(events.waitForLine(containing: "msg=\"shutting down\"") != nil, "no shutdown event: \(events.text)")
        // No longer accepting: the listener is closed once the shutdown has begun.
        var refused = false
        for _ in 0..<100 {
            if (try? RawClient(port: port)) == nil { refused = true; break }
            usleep(10_000)
        }
        #expect(refused, "new connections must be refused while draining")

        try client.send(Array(body[100_000...]))
        let response = try client.readToEnd()
        let head = String(decoding: response.prefix(while: { $0 != UInt8(ascii: "{") }), as: UTF8.self)
        #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(head.lowercased().contains("connection: close"))
        let length = try #require(head.firstMatch(of: /[Cc]ontent-[Ll]ength: (\d+)/).flatMap { Int($0.1) })
        #expect(response.count == head.utf8.count + length, "the whole body arrives")

        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(events.waitForLine(containing: "msg=stopped") != nil)
        #expect(events.text.contains("msg=\"database checkpointed\""))
        // TRUNCATE checkpoint: the log is empty (or gone), the database file complete by itself.
        let walSize = (try? FileManager.default.attributesOfItem(atPath: database + "-wal")[.size] as? Int) ?? 0
        #expect(walSize == 0)
    }
}

/// Collects a pipe's lines on a background thread.
private final class StreamLines: Sendable {
    private let buffer = Mutex("")

    init(_ handle: FileHandle) {
        let thread = Thread { [self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { return }
                self.buffer.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
        }
        thread.start()
    }

    var text: String { buffer.withLock { $0 } }

    /// The first line containing `fragment`, waiting up to 20 s for it.
    func waitForLine(containing fragment: String) -> String? {
        for _ in 0..<2000 {
            if let line = text.split(separator: "\n").first(where: { $0.contains(fragment) }) { return String(line) }
            usleep(10_000)
        }
        return nil
    }
}

/// A blocking TCP client for byte-exact control over what is sent when.
private final class RawClient {
    struct Failure: Error {
        let call: String
        let code: Int32
    }

    let fd: Int32

    init(port: UInt16) throws {
        fd = try HTTPTestClient.connectLoopback(port: port, receiveTimeoutSeconds: 20)
    }

    deinit { close(fd) }

    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(call: "send", code: errno) }
            sent += count
        }
    }

    func readToEnd() throws -> [UInt8] {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { return received }
            guard count > 0 else { throw Failure(call: "recv", code: errno) }
            received += chunk[0..<count]
        }
    }
}
