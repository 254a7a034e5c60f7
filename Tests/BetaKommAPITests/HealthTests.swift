import Foundation
import Testing
@testable import BetaKommAPI

/// `/health` re-checks the database on every call. The server's own connections keep working
/// whatever happens to the file (they hold its descriptor), so these tests change the file under
/// a running server. Tests run as root here, and root ignores permission bits, so the test that
/// always runs moves the file away (and puts a directory in its place); the chmod variant runs
/// only for an ordinary user.
@Suite struct HealthTests {
    private func expectUnavailable(_ app: LoggedApplication, mentioning fragment: String) throws {
        let response = try app.get("/health")
        #expect(response.status == 503)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.header("Cache-Control") == "no-store")
        let problem = try response.json()
        #expect(problem["type"] as? String == "urn:betakomm:problem:unavailable")
        #expect(problem["status"] as? Int == 503)
        #expect((problem["detail"] as? String ?? "").contains(fragment))
    }

    @Test func movingTheDatabaseAwayIs503AndPuttingItBackIs200() throws {
        let app = try LoggedApplication()
        let path = app.databasePath
        #expect(try app.get("/health").status == 200)

        try FileManager.default.moveItem(atPath: path, toPath: path + ".away")
        try expectUnavailable(app, mentioning: "missing")
        // The data routes still answer from memory: only health tells.
        #expect(try app.get("/v1/figures/1").status == 200)

        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        try expectUnavailable(app, mentioning: "not a regular file")
        try FileManager.default.removeItem(atPath: path)

        try FileManager.default.moveItem(atPath: path + ".away", toPath: path)
        let restored = try app.get("/health")
        #expect(restored.status == 200)
        #expect(try restored.json()["data_version"] as? Int == (try app.application.storedDataVersion))
    }

    @Test func aDifferentFileAtThePathIs503() throws {
        let app = try LoggedApplication()
        let path = app.databasePath
        try FileManager.default.moveItem(atPath: path, toPath: path + ".away")
        try FileManager.default.copyItem(atPath: path + ".away", toPath: path)
        try expectUnavailable(app, mentioning: "replaced")
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: path + ".away", toPath: path)
        #expect(try app.get("/health").status == 200)
    }

    @Test func theFreshReadCatchesAFileThatIsNotADatabase() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("betakomm-health-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("garbage.sqlite").path
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        let health = DatabaseHealth(path: path)
        do {
            _ = try health.check()
            Issue.record("expected the check to fail")
        } catch {
            #expect(error.description.contains("cannot be read"))
        }
    }
}
