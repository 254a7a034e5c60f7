import Foundation
import Testing

@Suite struct ConventionTests {
    @Test func everyJSONResponseCarriesTheDataVersionInBodyAndHeader() throws {
        let app = try TestApplication.shared.get()
        let version = try app.storedDataVersion
        for target in ["/v1/questions", "/v1/questions/channels", "/v1/respondents?limit=2", "/v1/respondents/0301", "/v1/figures",
                       "/v1/figures/3", "/v1/statistics/channels", "/v1/strategies", "/v1/channels", "/v1/success-factors", "/v1/waves"] {
            let response = try app.get(target)
            #expect(response.status == 200, "\(target)")
            #expect(response.header("Data-Version") == String(version), "\(target)")
            #expect(try response.json().int("data_version") == version, "\(target)")
            #expect(response.header("Cache-Control") == "public, no-cache")
            #expect(response.header("ETag")?.hasPrefix("\"\(version)-") == true)
        }
    }

    @Test func ifNoneMatchGives304WithWeakComparisonListsAndStar() throws {
        let app = try TestApplication.shared.get()
        let first = try app.get("/v1/figures/7")
        let tag = try #require(first.header("ETag"))
        for header in [tag, "W/\(tag)", "\"other\", \(tag)", "*"] {
            let again = try app.get("/v1/figures/7", headers: [("If-None-Match", header)])
            #expect(again.status == 304, "\(header)")
            #expect(again.body.isEmpty)
            #expect(again.header("ETag") == tag)
            #expect(again.header("Data-Version") == String(try app.storedDataVersion))
        }
        #expect(try app.get("/v1/figures/7", headers: [("If-None-Match", "\"273-k3-public-json\"")]).status == 200)
        // Each representation has its own tag.
        let csv = try app.get("/v1/figures/7?format=csv")
        #expect(csv.header("ETag") != tag)
        #expect(try app.get("/v1/figures/7?format=csv", headers: [("If-None-Match", tag)]).status == 200)
    }

    @Test func cachedFigureBytesAreIdenticalToTheFirstRendering() throws {
        let app = try TestApplication()
        let first = try app.get("/v1/figures/7?format=csv")
        let cachedEntries = app.application.store.responses.count
        #expect(cachedEntries >= 1)
        let second = try app.get("/v1/figures/7?format=csv")
        #expect(first.body == second.body)
        #expect(app.application.store.responses.count == cachedEntries)
    }

    @Test func corsPreflightFromAnAllowedOrigin() throws {
        let app = try TestApplication.shared.get()
        let response = try HTTPTestClient(port: app.port).request("OPTIONS", "/v1/figures/7", headers: [
            ("Origin", "https://dashboard.example"), ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "If-None-Match, Authorization"),
        ])
        #expect(response.status == 204)
        #expect(response.header("Access-Control-Allow-Origin") == "https://dashboard.example")
        #expect(response.header("Access-Control-Allow-Methods")?.contains("GET") == true)
        #expect(response.header("Access-Control-Allow-Headers") == "if-none-match, authorization")
        #expect(response.header("Access-Control-Max-Age") == "600")
        #expect(response.header("Vary")?.contains("Origin") == true)
    }

    @Test func corsRefusesOriginsOutsideTheAllowlist() throws {
        let app = try TestApplication.shared.get()
        let preflight = try HTTPTestClient(port: app.port).request("OPTIONS", "/v1/figures/7", headers: [
            ("Origin", "https://evil.example"), ("Access-Control-Request-Method", "GET"),
        ])
        #expect(preflight.status == 403)
        #expect(preflight.header("Access-Control-Allow-Origin") == nil)
        let badHeader = try HTTPTestClient(port: app.port).request("OPTIONS", "/v1/figures/7", headers: [
            ("Origin", "https://dashboard.example"), ("Access-Control-Request-Method", "GET"), ("Access-Control-Request-Headers", "X-Secret"),
        ])
        #expect(badHeader.status == 403)
        let simple = try app.get("/v1/figures/7", headers: [("Origin", "https://evil.example")])
        #expect(simple.status == 200)
        #expect(simple.header("Access-Control-Allow-Origin") == nil)
        #expect(simple.header("Vary")?.contains("Origin") == true)
        let allowed = try app.get("/v1/figures/7", headers: [("Origin", "https://dashboard.example")])
        #expect(allowed.header("Access-Control-Allow-Origin") == "https://dashboard.example")
        #expect(allowed.header("Access-Control-Expose-Headers")?.contains("ETag") == true)
    }

    @Test func unknownTokensAreRefusedUntilTokensExist() throws {
        let app = try TestApplication.shared.get()
        let response = try app.get("/v1/figures/7", headers: [("Authorization", "Bearer not-a-token")])
        #expect(response.status == 401)
        #expect(response.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(try app.get("/v1/figures/7", headers: [("Authorization", "Basic YTpi")]).status == 401)
    }

    @Test func wrongMethodsGet405WithAllow() throws {
        let app = try TestApplication.shared.get()
        let response = try HTTPTestClient(port: app.port).request("DELETE", "/v1/figures/7")
        #expect(response.status == 405)
        #expect(response.header("Allow")?.contains("GET") == true)
        #expect(try response.json().int("status") == 405)
    }
}
