import Foundation
import Storage
import Testing
@testable import BetaKommAPI

/// Every layer's errors take the one path to a problem document: the cache middleware's, the
/// role middleware's and a handler's; a database that is closed or busy is 503 with Retry-After.
@Suite struct ErrorBoundaryTests {
    @Test func aThrowFromTheCacheMiddlewareIsA503Problem() throws {
        let app = try TestApplication()
        #expect(try app.get("/v1/figures/7").status == 200)
        // The cached entry makes the middleware ask for the data version, which now cannot be read.
        app.application.pool.close()
        app.application.store.markStale()
        let response = try app.get("/v1/figures/7", headers: [("X-Request-Id", "probe-503")])
        #expect(response.status == 503)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.header("Retry-After") == "1")
        #expect(response.header("Cache-Control") == "no-store")
        #expect(response.header("X-Request-Id") == "probe-503")
        let json = try response.json()
        #expect(json["type"] as? String == "urn:betakomm:problem:unavailable")
        #expect(json["status"] as? Int == 503)
        #expect(json["instance"] as? String == "/v1/figures/7")
        #expect((json["errors"] as? [Any])?.isEmpty == true)
    }

    @Test func aBusyDatabaseIsA503ProblemWithRetryAfter() throws {
        let fixture = try SubmissionFixture()
        // Another process holds the write lock past the busy timeout.
        let other = try Connection(path: fixture.app.application.configuration.databasePath)
        try other.execute("BEGIN IMMEDIATE")
        defer {
            try? other.execute("ROLLBACK")
            other.close()
        }
        let response = try fixture.send("PUT", "/v1/respondents/1601/answers", token: fixture.trondheim,
                                        headers: [("If-Match", "\"r1601-v1\"")], json: SubmissionFixture.nonUserAnswers)
        #expect(response.status == 503)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.header("Retry-After") == "1")
        let json = try response.json()
        #expect(json["detail"] as? String == "The database is busy; try again.")
        #expect(json["instance"] as? String == "/v1/respondents/1601/answers")
    }

    @Test func aHandlersDomainErrorAndTheRoutersAreProblemsToo() throws {
        let app = try TestApplication()
        let figure = try app.get("/v1/figures/99")
        #expect(figure.status == 404)
        #expect(figure.header("Content-Type") == "application/problem+json")
        #expect(try figure.json()["type"] as? String == "urn:betakomm:problem:not-found")
        let method = try HTTPTestClient(port: app.port).request("DELETE", "/v1/figures/7")
        #expect(method.status == 405)
        #expect(method.header("Allow") != nil)
        #expect(method.header("Content-Type") == "application/problem+json")
        #expect(try method.json()["instance"] as? String == "/v1/figures/7")
        let token = try app.get("/v1/audit", headers: [("Authorization", "Basic a2FyaQ==")])
        #expect(token.status == 401)
        #expect(token.header("WWW-Authenticate") == "Bearer realm=\"betakomm\", error=\"invalid_token\"")
        let anonymous = try app.get("/v1/audit")
        #expect(anonymous.status == 401)
        #expect(anonymous.header("WWW-Authenticate") == "Bearer realm=\"betakomm\"")
    }
}
