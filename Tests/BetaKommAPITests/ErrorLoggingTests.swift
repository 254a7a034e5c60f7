import Foundation
import HTTPServer
import Testing
@testable import BetaKommAPI

/// An unexpected error becomes a bare 500, and its event-log line carries the request id that the
/// id middleware assigned further out.
@Suite struct ErrorLoggingTests {
    private struct LookupFailed: Error {}

    @Test func aFailingTokenLookupIsLoggedWithTheRequestID() throws {
        let configuration = try ServiceConfiguration.resolve(flags: [:], environment: [:])
        let capture = LogCapture()
        let logs = ServiceLogs.sink(configuration, capture.sink)
        let role = RoleMiddleware(resolve: { _ in throw LookupFailed() }, events: logs.events)
        var request = try Request(method: .get, target: "/v1/figures/7", headers: ["Authorization": "Bearer abc", "X-Request-Id": "probe-500"])

        let response = try RequestIDMiddleware().handle(&request) { request in
            (try? role.handle(&request) { _ in .text("not reached") }) ?? Response(status: .notImplemented)
        }
        logs.flush()

        #expect(response.status == .internalServerError)
        #expect(response.headers["X-Request-Id"] == "probe-500")
        let failures = capture.lines.filter { $0.contains("request failed") }
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
