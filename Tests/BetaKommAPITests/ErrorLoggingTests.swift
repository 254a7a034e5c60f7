import Foundation
import HTTPServer
import Testing
@testable import BetaKommAPI

/// An unexpected error becomes a 500 problem that names nothing, and its event-log line carries
/// the request id that the id middleware assigned further out: over a real socket, through the
/// server's one ``ErrorResponder``.
@Suite struct ErrorLoggingTests {
    private struct LookupFailed: Error {}

    @Test func aFailingTokenLookupIsLoggedWithTheRequestID() throws {
        let app = try LoggedApplication(tokenResolver: { _ in throw LookupFailed() })
        let response = try app.get("/v1/figures/7", headers: [("Authorization", "Bearer abc"), ("X-Request-Id", "probe-500")])
        app.application.logs.flush()

        #expect(response.status == 500)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.header("Cache-Control") == "no-store")
        #expect(response.header("X-Request-Id") == "probe-500")
        let json = try response.json()
        #expect(json["detail"] as? String == "The server could not complete the request.")
        #expect(json["instance"] as? String == "/v1/figures/7")
        #expect(!response.text.contains("LookupFailed"))
        let failures = app.capture.lines.filter { $0.contains("request failed") }
        #expect(failures.count == 1)
        #expect(failures.first?.contains("probe-500") == true)
        #expect(failures.first?.contains("LookupFailed") == true)
    }

    @Test func anAnonymousRequestIsPublic() throws {
        var request = try Request(method: .get, target: "/v1/figures/7")
        let role = try RoleMiddleware(resolve: nil).handle(&request) { request in .text(request.role.tag) }
        #expect(role.body == Array("public".utf8))
    }
}
