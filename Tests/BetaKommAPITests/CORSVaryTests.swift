import HTTPServer
import Testing
@testable import BetaKommAPI

@Suite struct CORSVaryTests {
    /// The `Vary` values of a response whose handler set `vary` (nil: none), after the CORS middleware.
    private func vary(afterHandlerSent vary: String?, origin: String? = nil) throws -> [String] {
        let middleware = CORSMiddleware(origins: ["https://ks.no"])
        var requestHeaders = HTTPHeaders()
        if let origin { requestHeaders.add("Origin", origin) }
        var request = try Request(method: .get, target: "/v1/figures/7", headers: requestHeaders)
        var handlerHeaders = HTTPHeaders()
        if let vary { handlerHeaders.add("Vary", vary) }
        let response = try middleware.handle(&request) { [handlerHeaders] _ in
            Response(status: .ok, headers: handlerHeaders, body: Array("{}".utf8))
        }
        return response.headers.values(for: "Vary")
    }

    @Test func originIsAddedOnceWhateverTheHandlerVariedOn() throws {
        #expect(try vary(afterHandlerSent: nil) == ["Origin"])
        #expect(try vary(afterHandlerSent: "Accept-Encoding") == ["Accept-Encoding, Origin"])
        #expect(try vary(afterHandlerSent: "accept-encoding, origin") == ["accept-encoding, origin"])
        #expect(try vary(afterHandlerSent: nil, origin: "https://ks.no") == ["Origin"])
        #expect(try vary(afterHandlerSent: "Origin", origin: "https://elsewhere.example") == ["Origin"])
    }
}
