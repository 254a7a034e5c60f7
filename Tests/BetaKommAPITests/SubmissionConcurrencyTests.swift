import Dispatch
import Foundation
import Synchronization
import Testing
@testable import BetaKommAPI

@Suite struct SubmissionConcurrencyTests {
    /// 32 clients PATCH the same respondent with the same If-Match at once: the check runs inside
    /// the write transaction, so exactly one wins and the rest see a stale tag.
    @Test func thirtyTwoConcurrentPatchesWithTheSameIfMatchStoreExactlyOneVersion() throws {
        let fixture = try SubmissionFixture()
        #expect(try fixture.startWave() == "\"r1601-v2\"")
        let statuses = Mutex<[Int]>([])
        let start = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for client in 0..<32 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                start.wait()
                let status = (try? fixture.send("PATCH", "/v1/respondents/1601/answers", token: fixture.trondheim,
                                                headers: [("If-Match", "\"r1601-v2\"")],
                                                json: "{\"answers\":{\"facebook_fans\":\(1000 + client)}}"))?.status ?? -1
                statuses.withLock { $0.append(status) }
            }
        }
        for _ in 0..<32 { start.signal() }
        group.wait()
        let all = statuses.withLock { $0 }
        #expect(all.count == 32)
        #expect(all.filter { $0 == 200 }.count == 1)
        #expect(all.filter { $0 == 412 }.count == 31)
        #expect(try fixture.versionCount("1601") == 3)
        let audit = try fixture.app.application.pool.read { try $0.scalar(Int.self, "SELECT count(*) FROM audit_log") }
        #expect(audit == 2)
    }

    /// 32 clients create the same unit's first version in the wave at once, each with
    /// If-None-Match: *: exactly one is stored (201), the rest find it there (412).
    @Test func thirtyTwoConcurrentFirstWritesStoreExactlyOneVersion() throws {
        let fixture = try SubmissionFixture()
        let body = try fixture.answers2011("1601")
        let statuses = Mutex<[Int]>([])
        let start = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for _ in 0..<32 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                start.wait()
                let status = (try? fixture.send("PUT", "/v1/respondents/1601/answers", token: fixture.trondheim,
                                                headers: [("If-None-Match", "*")], json: body))?.status ?? -1
                statuses.withLock { $0.append(status) }
            }
        }
        for _ in 0..<32 { start.signal() }
        group.wait()
        let all = statuses.withLock { $0 }
        #expect(all.count == 32)
        #expect(all.filter { $0 == 201 }.count == 1)
        #expect(all.filter { $0 == 412 }.count == 31)
        #expect(try fixture.versionCount("1601") == 2)
    }
}
