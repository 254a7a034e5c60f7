import Dispatch
import Foundation
import Synchronization
import Testing
@testable import BetaKommAPI

/// Every request that starts after a write was acknowledged sees it, whichever event loop or
/// worker serves it: writers on several threads, each reading the wave's statistics on a new
/// connection right after each acknowledgement.
@Suite struct ReadYourWritesTests {
    @Test func aReadAfterAnAcknowledgedWriteIncludesIt() throws {
        let fixture = try SubmissionFixture(settings: [.writeRateLimit: "100000"])
        let codes = try fixture.app.application.pool.read { db in
            try db.query("SELECT respondent_code FROM answer_sets WHERE wave = 2011 ORDER BY respondent_code LIMIT 32")
                .map { try $0.get(String.self, at: 0) }
        }
        let bodies = try Dictionary(uniqueKeysWithValues: codes.map { ($0, try fixture.answers2011($0)) })
        let writers = 4
        let misses = Mutex<[String]>([])
        let acknowledged = Atomic<Int>(0)
        let group = DispatchGroup()
        for writer in 0..<writers {
            let mine = stride(from: writer, to: codes.count, by: writers).map { codes[$0] }
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                var mineAcknowledged = 0
                for code in mine {
                    guard let written = try? fixture.send("PUT", "/v1/respondents/\(code)/answers?wave=\(SubmissionFixture.wave)",
                                                          token: fixture.staff, headers: [("If-None-Match", "*")], json: bodies[code]),
                          written.status == 201 else {
                        misses.withLock { $0.append("\(code): write failed") }
                        continue
                    }
                    mineAcknowledged += 1
                    acknowledged.add(1, ordering: .relaxed)
                    // A new connection, so possibly another event loop than the write's.
                    let read = try? fixture.send("GET", "/v1/statistics/has_strategy?wave=\(SubmissionFixture.wave)", token: fixture.staff)
                    let seen = (try? read?.json().object("total")?.int("base_n")) ?? nil
                    if (seen ?? -1) < mineAcknowledged {
                        misses.withLock { $0.append("\(code): read \(seen.map(String.init) ?? "nothing") after \(mineAcknowledged) of my writes") }
                    }
                }
            }
        }
        group.wait()
        #expect(misses.withLock { $0 } == [])
        #expect(acknowledged.load(ordering: .relaxed) == codes.count)
    }
}
