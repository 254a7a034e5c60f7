import Foundation
import SurveyData
import Storage
@testable import BetaKommAPI

/// The real application on port 0 over a fresh temp database migrated with the repository's
/// `Migrations/`, serving the repository's `Public/`.
final class TestApplication: Sendable {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// One application shared by the read-only tests (building one migrates a database).
    static let shared: Result<TestApplication, any Error> = Result { try TestApplication() }

    let directory: URL
    let application: Application
    var port: UInt16 { application.port }
    /// The data version as stored (migration 0013's counter, moved by every change served).
    var storedDataVersion: Int {
        get throws { try application.storedDataVersion }
    }

    init(minimumCellSize: Int = 3, corsOrigins: [String] = ["https://dashboard.example"], settings: [Setting: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("betakomm-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var flags: [Setting: String] = [
            .port: "0", .database: directory.appendingPathComponent("test.sqlite").path,
            .migrations: Self.repository.appendingPathComponent("Migrations").path,
            .publicDirectory: Self.repository.appendingPathComponent("Public").path,
            .minimumCellSize: String(minimumCellSize),
        ]
        flags[.corsOrigins] = corsOrigins.joined(separator: ",")
        flags.merge(settings) { _, given in given }
        let configuration = try ServiceConfiguration.resolve(flags: flags, environment: [:])
        application = try buildApplication(configuration: configuration, logs: .sink(configuration) { _ in })
        try application.start()
    }

    deinit {
        application.shutdown(timeout: 1)
        try? FileManager.default.removeItem(at: directory)
    }

    /// One request on a fresh connection.
    func get(_ target: String, headers: [(String, String)] = []) throws -> TestResponse {
        try HTTPTestClient(port: port).request("GET", target, headers: headers)
    }

    /// A new staff token, issued as `betakomm token issue` does.
    func staffToken() throws -> String {
        try TokenStore(pool: application.pool).issue(respondentCode: nil, name: "test staff").text
    }

    /// `Authorization: Bearer` with a new staff token.
    func staffHeaders() throws -> [(String, String)] {
        [("Authorization", "Bearer \(try staffToken())")]
    }
}

extension Application {
    /// The data version as stored (migration 0013's counter, moved by every change served).
    var storedDataVersion: Int {
        get throws { try pool.read { try DataVersionRepository.current($0) } }
    }
}
