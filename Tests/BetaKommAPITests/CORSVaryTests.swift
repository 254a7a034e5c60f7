import Foundation
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
        #expect(try vary(afterHandlerSent: "Accept-Encoding") == ["Accept-Encoding", "Origin"])
        #expect(try vary(afterHandlerSent: "accept-encoding, origin") == ["accept-encoding, origin"])
        #expect(try vary(afterHandlerSent: nil, origin: "https://ks.no") == ["Origin"])
        #expect(try vary(afterHandlerSent: "Origin", origin: "https://elsewhere.example") == ["Origin"])
    }

    /// A stored response carries its `Vary` in its prepared fields: a hit, with or without an
    /// `Origin`, lists each token once and still gets the allow headers for an allowed origin.
    @Test func aCachedHitVariesOnOriginAndAcceptEncodingOnce() throws {
        let app = try TestApplication()
        for origin in [nil, "https://dashboard.example", "https://elsewhere.example"] {
            let headers = origin.map { [("Origin", $0)] } ?? []
            for _ in 0..<2 {
                let response = try app.get("/v1/channels?by=size_class", headers: headers)
                let tokens = response.headers.filter { $0.0.lowercased() == "vary" }
                    .flatMap { $0.1.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }
                #expect(tokens.sorted() == ["accept-encoding", "origin"], "\(origin ?? "no origin"): \(tokens)")
                #expect(response.header("Access-Control-Allow-Origin") == (origin == "https://dashboard.example" ? origin : nil))
            }
        }
    }
}
