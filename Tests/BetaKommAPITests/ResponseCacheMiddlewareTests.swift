import Foundation
import HTTPServer
import Synchronization
import Testing
@testable import BetaKommAPI

/// A cached response is served before routing, and is the response the handler gave.
@Suite struct ResponseCacheMiddlewareTests {
    private let target = "/v1/figures/7?lang=en&format=csv"

    @Test func aHitIsAnsweredWithoutTheHandlerAndEqualsWhatTheHandlerServed() throws {
        let app = try TestApplication()
        let middleware = ResponseCacheMiddleware(store: app.application.store, compresses: true, uncachedRoutes: APIRoutes.uncachedRoutes)
        let handlerCalls = Atomic<Int>(0)
        let handler: RequestResponder = { _ in
            handlerCalls.add(1, ordering: .relaxed)
            return .text("from the handler")
        }
        var probe = try Request(method: .get, target: target)
        _ = try middleware.handle(&probe, next: handler)
        #expect(handlerCalls.load(ordering: .relaxed) == 1, "nothing cached yet: the request goes on to the router")

        let rendered = try app.get(target)
        #expect(rendered.status == 200)
        var again = try Request(method: .get, target: target)
        let cached = try middleware.handle(&again, next: handler)
        #expect(handlerCalls.load(ordering: .relaxed) == 1, "a hit never reaches the handler")
        #expect(cached.body == rendered.body)
        #expect(again.route == "/v1/figures/:n")
        for name in ["ETag", "Data-Version", "Cache-Control", "Content-Type", "Content-Language"] {
            #expect(cached.headers[name] != nil && cached.headers[name] == rendered.header(name), "\(name)")
        }
    }

    @Test func overTheWireHitsMissesHeadAndErrorsBehaveAsTheHandlerDoes() throws {
        let app = try TestApplication()
        let first = try app.get(target)
        let second = try app.get(target)
        #expect(second.status == 200 && second.body == first.body)
        #expect(second.header("Content-Language") == "en")
        #expect(second.header("X-Request-Id") != first.header("X-Request-Id"))
        #expect(try app.get(target, headers: [("If-None-Match", first.header("ETag") ?? "")]).status == 304)

        let head = try HTTPTestClient(port: app.port).request("HEAD", target)
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.header("Content-Length") == String(first.body.count))

        // Never stored, so never served from the cache: refused every time, naming the parameter.
        for _ in 0..<2 { #expect(try app.get("/v1/figures/7?wave=1999").status == 400) }
        let metrics = String(decoding: try app.get("/metrics").body, as: UTF8.self)
        func count(_ method: String, _ status: Int) -> String? {
            metrics.split(separator: "\n").first {
                $0.hasPrefix("betakomm_http_requests_total{route=\"/v1/figures/:n\",method=\"\(method)\",status=\"\(status)\"}")
            }.map { String($0.split(separator: " ").last ?? "") }
        }
        // Served before routing, still counted under the route that rendered them.
        #expect(count("GET", 200) == "2")
        #expect(count("GET", 304) == "1")
        #expect(count("HEAD", 200) == "1")
    }

    /// The write path reads a unit's answers (for its ETag) and then writes; the next write
    /// follows at once. Those answers are never in the response cache, so looking for them there
    /// must not consult the data version, which after a write reloads every answer set (the
    /// crash test's writers fell from 430/s to 57/s when it did).
    @Test func aTargetThatWasNeverCachedDoesNotReloadTheDataAfterAWrite() throws {
        let fixture = try SubmissionFixture()
        let store = fixture.app.application.store
        try fixture.startWave()
        #expect(try fixture.app.get("/v1/figures/7").status == 200)
        let answers = try fixture.send("GET", "/v1/respondents/1601/answers", token: fixture.trondheim)
        #expect(answers.status == 200)
        let etag = try #require(answers.header("ETag"))
        let patched = try fixture.send("PATCH", "/v1/respondents/1601/answers", token: fixture.trondheim,
                                       headers: [("If-Match", etag)], json: #"{"answers":{"facebook_fans":1000}}"#)
        #expect(patched.status == 200, "\(String(decoding: patched.body, as: UTF8.self))")
        let loadsAfterWrite = store.snapshotLoads
        for _ in 0..<3 {
            #expect(try fixture.send("GET", "/v1/respondents/1601/answers", token: fixture.trondheim).status == 200)
        }
        #expect(store.snapshotLoads == loadsAfterWrite, "reading a unit's own answers reloaded the data")
        // A cached route does see the write: its entry is of the old version, so it reloads once.
        #expect(try fixture.app.get("/v1/figures/7").status == 200)
        #expect(store.snapshotLoads == loadsAfterWrite + 1)
    }
}
