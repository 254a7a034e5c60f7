import Foundation
import HTTPServer
import Testing
@testable import BetaKommAPI

@Suite struct ApplicationTests {
    @Test func healthReportsTheDataVersionOfTheMigratedDatabase() throws {
        let app = try TestApplication.shared.get()
        let response = try app.get("/health")
        #expect(response.status == 200)
        let json = try response.json()
        #expect(json["status"] as? String == "ok")
        #expect(json["database"] as? String == "ok")
        #expect(json["data_version"] as? Int == (try app.storedDataVersion))
        #expect(json["data_version"] as? Int ?? 0 >= 274)
        #expect(response.header("Cache-Control") == "no-store")
    }

    @Test func healthIs503WhenTheDatabaseCannotBeRead() throws {
        let app = try TestApplication()
        app.application.pool.close()
        let response = try app.get("/health")
        #expect(response.status == 503)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(try response.json()["type"] as? String == "urn:betakomm:problem:unavailable")
    }

    @Test func buildingTwiceOnTheSameDatabaseAppliesNothingTheSecondTime() throws {
        let app = try TestApplication()
        #expect(app.application.appliedMigrations.map(\.version).starts(with: [1, 2, 3, 4]))
        let configuration = app.application.configuration
        app.application.shutdown(timeout: 1)
        var again = configuration
        again.port = 0
        let second = try buildApplication(configuration: again)
        defer { second.shutdown(timeout: 1) }
        #expect(second.appliedMigrations.isEmpty)
        #expect(try second.store.snapshot().version == (try second.storedDataVersion))
    }

    @Test func unknownPathsAreProblemDocuments() throws {
        let app = try TestApplication.shared.get()
        let response = try app.get("/no/such/thing")
        #expect(response.status == 404)
        #expect(response.header("Content-Type") == "application/problem+json")
        let json = try response.json()
        #expect(json["status"] as? Int == 404)
        #expect(json["instance"] as? String == "/no/such/thing")
    }
}

@Suite struct ApplicationHookTests {
    @Test func theCompletionHookSeesEveryResponse() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("betakomm-hook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let statuses = StatusLog()
        let configuration = try ServiceConfiguration.resolve(flags: [
            .port: "0", .database: directory.appendingPathComponent("hook.sqlite").path,
            .migrations: TestApplication.repository.appendingPathComponent("Migrations").path,
        ], environment: [:])
        let application = try buildApplication(configuration: configuration, onRequestCompleted: { completed in statuses.append(completed.status.code) })
        defer { application.shutdown(timeout: 1) }
        let port = try application.start()
        _ = try HTTPTestClient(port: port).request("GET", "/health")
        _ = try HTTPTestClient(port: port).request("GET", "/v1/figures/99")
        // The hook runs after the response is written; give the loop a moment.
        for _ in 0..<100 where statuses.values.count < 2 { usleep(10_000) }
        #expect(statuses.values == [200, 404])
    }
}

private final class StatusLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int] = []
    func append(_ status: Int) { lock.lock(); stored.append(status); lock.unlock() }
    var values: [Int] { lock.lock(); defer { lock.unlock() }; return stored }
}
