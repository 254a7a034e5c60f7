import Foundation
import Synchronization
@testable import BetaKommAPI

/// Collects what a ``LogWriter`` writes, as lines.
final class LogCapture: Sendable {
    private let bytes = Mutex<[UInt8]>([])

    var sink: LogWriter.Sink {
        { [self] chunk in bytes.withLock { $0 += chunk } }
    }

    var lines: [String] {
        String(decoding: bytes.withLock { $0 }, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

/// A real application on port 0 over a fresh temp database, its logs captured.
final class LoggedApplication: Sendable {
    let directory: URL
    let application: Application
    let capture = LogCapture()
    var port: UInt16 { application.port }
    var databasePath: String { application.configuration.databasePath }

    init(flags extra: [Setting: String] = [:], tokenResolver: TokenResolver? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("betakomm-ops-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var flags: [Setting: String] = [
            .port: "0", .database: directory.appendingPathComponent("ops.sqlite").path,
            .migrations: TestApplication.repository.appendingPathComponent("Migrations").path,
            .publicDirectory: TestApplication.repository.appendingPathComponent("Public").path,
        ]
        flags.merge(extra) { _, new in new }
        let configuration = try ServiceConfiguration.resolve(flags: flags, environment: [:])
        application = try buildApplication(configuration: configuration, tokenResolver: tokenResolver, logs: .sink(configuration, capture.sink))
        try application.start()
    }

    deinit {
        application.shutdown(timeout: 1)
        try? FileManager.default.removeItem(at: directory)
    }

    func get(_ target: String, headers: [(String, String)] = []) throws -> TestResponse {
        try HTTPTestClient(port: port).request("GET", target, headers: headers)
    }

    /// The access lines logged so far (the hook runs just after the response is written).
    func accessLines(atLeast count: Int) -> [String] {
        for _ in 0..<200 {
            application.logs.flush()
            let lines = capture.lines.filter { $0.contains("access") }
            if lines.count >= count { return lines }
            usleep(10_000)
        }
        return capture.lines.filter { $0.contains("access") }
    }
}
