import Testing
@testable import HTTPServer

@Suite("Where a route runs is declared with the route")
struct RouteExecutionTests {
    private func router() -> Router {
        var router = Router()
        router.get("/health", runsOn: .worker) { _ in .text("ok") }
        router.get("/v1/figures/:n") { _ in .text("figure") }
        router.get("/v1/figures/:n.svg", runsOn: .worker) { _ in .text("svg") }
        router.put("/v1/respondents/:code/answers", runsOn: .worker) { _ in .text("stored") }
        router.get("/files/*path", runsOn: .worker) { _ in .text("file") }
        return router
    }

    @Test func workerRoutesAreFoundByMethodAndSegments() throws {
        let router = router()
        func worker(_ method: HTTPMethod, _ target: String) throws -> Bool {
            router.runsOnWorker(try Request(method: method, target: target))
        }
        #expect(try worker(.get, "/health"))
        #expect(try worker(.head, "/health"))
        #expect(try !worker(.post, "/health"))
        #expect(try !worker(.get, "/v1/figures/7"))
        #expect(try worker(.get, "/v1/figures/7.svg"))
        #expect(try !worker(.get, "/v1/figures/.svg"))
        #expect(try worker(.put, "/v1/respondents/1601/answers"))
        #expect(try !worker(.patch, "/v1/respondents/1601/answers"))
        #expect(try !worker(.put, "/v1/respondents/1601/answers/versions"))
        #expect(try worker(.get, "/files/a/b.css"))
        #expect(try worker(.get, "/files/"))
        #expect(try !worker(.get, "/other"))
    }

    @Test func aRouteRegisteredAgainTakesItsNewExecution() throws {
        var router = router()
        router.get("/health") { _ in .text("inline now") }
        #expect(!router.runsOnWorker(try Request(method: .get, target: "/health")))
    }
}
