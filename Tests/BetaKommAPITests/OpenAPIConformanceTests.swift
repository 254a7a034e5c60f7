import Foundation
import Testing

/// Fetches every documented public GET from the real server and validates the body against the
/// documented schema, so the OpenAPI document and the code cannot drift apart. The operations
/// that need a token are exercised in ``OpenAPISubmissionConformanceTests``.
@Suite struct OpenAPIConformanceTests {
    private func document(_ app: TestApplication) throws -> [String: Any] {
        let response = try app.get("/openapi.json")
        #expect(response.status == 200)
        return try response.json()
    }

    /// The documented path with each path parameter replaced by its `example`.
    private func target(_ path: String, operation: [String: Any]) -> String {
        var target = path
        for parameter in operation.objects("parameters") where parameter.string("in") == "path" {
            target = target.replacingOccurrences(of: "{\(parameter.string("name") ?? "")}", with: parameter.string("example") ?? "")
        }
        return target
    }

    @Test func everyDocumentedGETConformsToItsSchema() throws {
        let app = try TestApplication.shared.get()
        let document = try document(app)
        #expect(document.string("openapi") == "3.1.0")
        let validator = SchemaValidator(document: document)
        let paths = try #require(document.object("paths"))
        #expect(paths.count >= 14)
        // Each documented public path, plus query variants that change the shape.
        var targets: [(String, [String: Any])] = []
        for (path, item) in paths {
            guard let operation = (item as? [String: Any])?.object("get"), operation["security"] == nil else { continue }
            let content = try #require(operation.object("responses")?.object("200")?.object("content"), "\(path)")
            let url = target(path, operation: operation)
            targets.append((url, content))
            switch path {
            case "/v1/statistics/{question_id}":
                targets += ["?by=county&uses_social_media=yes", "?by=size_class&wave=2011", "?by=has_strategy"].map { (url + $0, content) }
                targets.append(("/v1/statistics/facebook_fans?by=size_class", content))
            case "/v1/figures/{n}":
                targets += ["?format=jsonstat", "?wave=2011", "?format=jsonstat&lang=en", "?format=csv&lang=en"].map { (url + $0, content) }
                targets += [23, 24, 26].map { ("/v1/figures/\($0)", content) }
                targets += ["/v1/figures/12?by=size_class", "/v1/figures/26?by=size_class&format=jsonstat", "/v1/figures/7?by=county",
                            "/v1/figures/12?by=has_strategy&format=jsonstat"].map { ($0, content) }
            case "/v1/strategies", "/v1/channels", "/v1/success-factors":
                targets.append((url + "?by=size_class", content))
            case "/v1/respondents":
                targets.append((url + "?limit=2&answered_2011=true&sort=-name", content))
                targets.append((url + "?q=sand&kind=kommune&limit=2", content))
                targets.append((url + "?q=porsanki", content))
                // Rows of both maps, and of the 2024 map alone.
                targets.append((url + "?q=trondheim", content))
                targets.append((url + "?map=2024&limit=3&sort=-population", content))
            case "/v1/respondents/{code}":
                // A unit of today's map with two predecessors; a code on both maps, picked by map.
                targets += ["/v1/respondents/5001", "/v1/respondents/0301?map=2011", "/v1/respondents/1601"].map { ($0, content) }
            case "/v1/questions", "/v1/questions/{id}":
                targets.append((url + "?wave=2011", content))
            case "/v1/figures/{n}.svg":
                targets += ["?lang=en", "?by=size_class"].map { (url + $0, content) }
            default: break
            }
        }
        let staff = try app.staffHeaders()
        for (url, content) in targets {
            // A unit's score is private (UnitPrivacy): read as staff.
            let response = try app.get(url, headers: url.contains("/score") ? staff : [])
            #expect(response.status == 200, "\(url): \(response.text.prefix(300))")
            let contentType = response.header("Content-Type") ?? ""
            let schema = try #require((content[contentType] as? [String: Any])?.object("schema"), "\(url) served undocumented \(contentType)")
            #expect(response.header("Server-Timing")?.hasPrefix("app;dur=") == true, "\(url)")
            guard contentType == "application/json" else { continue }
            let problems = validator.validate(try JSONSerialization.jsonObject(with: Data(response.body)), against: schema)
            #expect(problems.isEmpty, "\(url): \(problems.prefix(5))")
        }
    }

    @Test func problemsConformToTheProblemSchema() throws {
        let app = try TestApplication.shared.get()
        let document = try document(app)
        let validator = SchemaValidator(document: document)
        let schema = ["$ref": "#/components/schemas/Problem"]
        for target in ["/v1/statistics/nope", "/v1/figures/99", "/v1/respondents?bogus=1", "/v1/questions/nope"] {
            let response = try app.get(target)
            #expect(response.header("Content-Type") == "application/problem+json")
            let problems = validator.validate(try JSONSerialization.jsonObject(with: Data(response.body)), against: schema)
            #expect(problems.isEmpty, "\(target): \(problems)")
        }
    }

    @Test func theValidatorCatchesDrift() throws {
        let app = try TestApplication.shared.get()
        let validator = SchemaValidator(document: try document(app))
        let schema = ["$ref": "#/components/schemas/RespondentDetail"]
        let good = try #require(try app.get("/v1/respondents/0301").json().object("respondent"))
        #expect(validator.validate(good, against: schema).isEmpty)
        var extra = good
        extra["answers"] = [:] as [String: Any]
        #expect(validator.validate(extra, against: schema).contains { $0.contains("/answers") })
        var missing = good
        missing["name"] = nil
        #expect(!validator.validate(missing, against: schema).isEmpty)
        var wrongType = good
        wrongType["population"] = "many"
        #expect(!validator.validate(wrongType, against: schema).isEmpty)
        var wrongEnum = good
        wrongEnum["size_class"] = "huge"
        #expect(!validator.validate(wrongEnum, against: schema).isEmpty)
    }
}
