import Foundation
import SurveyData
import Testing
@testable import BetaKommAPI

/// The private and staff operations, called with real tokens, every answer (success and
/// problem) checked against what the document says for that method, path, status and media
/// type; and every route the router serves must be documented.
@Suite struct OpenAPISubmissionConformanceTests {
    /// Looks up the documented response of one operation and validates a real response against it.
    private struct Conformance {
        let document: [String: Any]
        let validator: SchemaValidator

        init(_ app: TestApplication) throws {
            document = try app.get("/openapi.json").json()
            validator = SchemaValidator(document: document)
        }

        /// A `$ref` into the document, followed; anything else as it is.
        func resolved(_ node: [String: Any]?) -> [String: Any]? {
            guard let reference = node?["$ref"] as? String else { return node }
            var current: Any? = document
            for part in reference.dropFirst(2).split(separator: "/") { current = (current as? [String: Any])?[String(part)] }
            return current as? [String: Any]
        }

        func operation(_ method: String, _ path: String) -> [String: Any]? {
            document.object("paths")?.object(path)?.object(method.lowercased())
        }

        /// The problems of `response` against the documented `method path` (empty: it conforms).
        func problems(_ response: TestResponse, _ method: String, _ path: String) -> [String] {
            let label = "\(method) \(path) \(response.status)"
            guard let operation = operation(method, path) else { return ["\(method) \(path) is not documented"] }
            guard let documented = resolved(operation.object("responses")?.object(String(response.status))) else {
                return ["\(label) is not a documented status"]
            }
            guard let content = documented.object("content") else {
                return response.body.isEmpty ? [] : ["\(label) has a body, documented without content"]
            }
            let contentType = response.header("Content-Type") ?? ""
            guard let schema = content.object(contentType)?.object("schema") else {
                return ["\(label) served undocumented \(contentType)"]
            }
            guard contentType.hasSuffix("json") else { return [] }
            do {
                let body = try JSONSerialization.jsonObject(with: Data(response.body))
                return validator.validate(body, against: schema).map { "\(label): \($0)" }
            } catch {
                return ["\(label): not JSON"]
            }
        }

        /// The problems of a body against one named component schema.
        func problems(_ response: TestResponse, schema name: String) throws -> [String] {
            validator.validate(try JSONSerialization.jsonObject(with: Data(response.body)), against: ["$ref": "#/components/schemas/\(name)"])
        }
    }

    @Test func everyServedRouteIsDocumentedAndEveryDocumentedOperationServed() throws {
        let app = try TestApplication.shared.get()
        let paths = try #require(try Conformance(app).document.object("paths"))
        // The router's `:name` (and `:name.ext`) is OpenAPI's `{name}`.
        func openAPIPath(_ pattern: String) -> String {
            pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
                guard segment.hasPrefix(":") else { return String(segment) }
                let name = segment.dropFirst()
                guard let dot = name.firstIndex(of: ".") else { return "{\(name)}" }
                return "{\(name[..<dot])}\(name[dot...])"
            }.joined(separator: "/")
        }
        var served: Set<String> = []
        for (method, pattern) in app.application.routes {
            // The dashboard's static files are not part of the API.
            guard pattern != "/*path" else { continue }
            let path = openAPIPath(pattern)
            served.insert("\(method.rawValue.lowercased()) \(path)")
            #expect((paths[path] as? [String: Any])?[method.rawValue.lowercased()] != nil, "\(method) \(pattern) is served but not documented")
        }
        #expect(served.contains("get /v1/respondents/{code}/answers/versions/{version}"))
        #expect(served.contains("get /v1/figures/{n}.svg"))
        for (path, item) in paths {
            for method in (item as? [String: Any] ?? [:]).keys {
                #expect(served.contains("\(method) \(path)"), "\(method) \(path) is documented but not served")
            }
        }
    }

    @Test func answerReadsWritesAndHistoryConform() throws {
        let fixture = try SubmissionFixture()
        let spec = try Conformance(fixture.app)
        let answers = "/v1/respondents/{code}/answers"
        // A unit's set starts empty in each wave: 404 until its first version (201).
        let empty = try fixture.send("GET", "/v1/respondents/1601/answers", token: fixture.trondheim)
        #expect(empty.status == 404)
        #expect(spec.problems(empty, "GET", answers).isEmpty, "\(spec.problems(empty, "GET", answers))")
        let started = try fixture.send("PUT", "/v1/respondents/1601/answers", token: fixture.trondheim, headers: [("If-None-Match", "*")],
                                       json: try fixture.answers2011("1601"))
        #expect(started.status == 201)
        #expect(spec.problems(started, "PUT", answers).isEmpty, "\(spec.problems(started, "PUT", answers))")
        let read = try fixture.send("GET", "/v1/respondents/1601/answers", token: fixture.trondheim)
        #expect(read.status == 200)
        #expect(spec.problems(read, "GET", answers).isEmpty, "\(spec.problems(read, "GET", answers))")
        let tag = try #require(read.header("ETag"))
        #expect(tag == "\"r1601-v2\"")
        let notModified = try fixture.send("GET", "/v1/respondents/1601/answers", token: fixture.trondheim, headers: [("If-None-Match", tag)])
        #expect(notModified.status == 304)
        #expect(spec.problems(notModified, "GET", answers).isEmpty, "\(spec.problems(notModified, "GET", answers))")

        let noPrecondition = try fixture.send("PATCH", "/v1/respondents/1601/answers", token: fixture.trondheim, json: #"{"answers":{"facebook_fans":1}}"#)
        #expect(noPrecondition.status == 428)
        let invalid = try fixture.send("PATCH", "/v1/respondents/1601/answers", token: fixture.trondheim, headers: [("If-Match", tag)],
                                       json: #"{"answers":{"facebook_fans":-5,"channels":["myspace"],"colour":"blue"}}"#)
        #expect(invalid.status == 422)
        let validationProblems = try spec.problems(invalid, schema: "ValidationProblem")
        #expect(validationProblems.isEmpty, "\(validationProblems)")
        #expect((try invalid.json()["errors"] as? [Any])?.count == 3)
        let patched = try fixture.send("PATCH", "/v1/respondents/1601/answers", token: fixture.trondheim, headers: [("If-Match", tag)],
                                       json: #"{"answers":{"facebook_fans":1450}}"#)
        #expect(patched.status == 200)
        let stale = try fixture.send("PATCH", "/v1/respondents/1601/answers", token: fixture.trondheim, headers: [("If-Match", tag)],
                                     json: #"{"answers":{"facebook_fans":1}}"#)
        #expect(stale.status == 412)
        let put = try fixture.send("PUT", "/v1/respondents/1601/answers", token: fixture.staff, headers: [("If-Match", tag)],
                                   json: SubmissionFixture.nonUserAnswers)
        #expect(put.status == 412)
        for (response, method) in [(noPrecondition, "PATCH"), (invalid, "PATCH"), (patched, "PATCH"), (stale, "PATCH"), (put, "PUT")] {
            #expect(spec.problems(response, method, answers).isEmpty, "\(spec.problems(response, method, answers))")
        }
        for response in [noPrecondition, stale, put] {
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(try spec.problems(response, schema: "Problem").isEmpty)
        }

        // The first version of a unit without answers (201), then a whole replacement (200).
        let unit = fixture.unanswered
        let created = try fixture.send("PUT", "/v1/respondents/\(unit)/answers", token: fixture.staff, headers: [("If-None-Match", "*")],
                                       json: SubmissionFixture.nonUserAnswers)
        #expect(created.status == 201)
        let replaced = try fixture.send("PUT", "/v1/respondents/\(unit)/answers", token: fixture.staff,
                                        headers: [("If-Match", created.header("ETag") ?? "")], json: SubmissionFixture.nonUserAnswers)
        #expect(replaced.status == 200)
        for response in [created, replaced] {
            #expect(spec.problems(response, "PUT", answers).isEmpty, "\(spec.problems(response, "PUT", answers))")
        }

        let reads: [(String, String, String?)] = [
            ("/v1/respondents/1601/answers/versions", "\(answers)/versions", fixture.trondheim),
            ("/v1/respondents/1601/answers/versions/1", "\(answers)/versions/{version}", fixture.trondheim),
            ("/v1/respondents/1601/answers/diff?from=2&to=3", "\(answers)/diff", fixture.trondheim),
            ("/v1/respondents/1601/answers/versions/9", "\(answers)/versions/{version}", fixture.trondheim),
            ("/v1/respondents/1601/answers", answers, nil),
            ("/v1/respondents/1601/answers", answers, fixture.oslo),
            ("/v1/respondents/1601/answers?wave=2011", answers, fixture.staff),
            ("/v1/respondents/1601/answers?wave=1999", answers, fixture.staff),
            ("/v1/respondents/1601/answers?wave=current", answers, fixture.staff),
            ("/v1/respondents/5001/answers/reference", "\(answers)/reference", fixture.staff),
            ("/v1/respondents/5001/answers/reference", "\(answers)/reference", fixture.trondheim),
            ("/v1/audit", "/v1/audit", fixture.staff),
            ("/v1/audit?respondent=1601&limit=1", "/v1/audit", fixture.staff),
            ("/v1/audit", "/v1/audit", fixture.trondheim),
        ]
        var statuses: [Int] = []
        for (target, path, token) in reads {
            let response = try fixture.send("GET", target, token: token)
            statuses.append(response.status)
            #expect(spec.problems(response, "GET", path).isEmpty, "\(target): \(spec.problems(response, "GET", path))")
        }
        #expect(statuses == [200, 200, 200, 404, 401, 403, 200, 404, 400, 200, 403, 200, 200, 403])
        let diff = try fixture.send("GET", "/v1/respondents/1601/answers/diff?from=2&to=3", token: fixture.staff).json()
        #expect(diff.objects("changes").map { $0.string("pointer") } == ["/answers/facebook_fans"])
        let audit = try fixture.send("GET", "/v1/audit", token: fixture.staff).json()
        #expect(audit.objects("entries").count == 4)
    }

    @Test func importExportCSVAndMetricsConform() throws {
        let fixture = try SubmissionFixture()
        let spec = try Conformance(fixture.app)
        let export = try fixture.send("GET", "/v1/export.csv?wave=2011", token: fixture.staff)
        #expect(export.status == 200)
        #expect(export.text.hasPrefix("respondent_code,wave,"))
        let dryRun = try fixture.send("POST", "/v1/import?dry_run=true", token: fixture.staff, json: export.text, contentType: "text/csv")
        #expect(dryRun.status == 200)
        #expect(try dryRun.json()["dry_run"] as? Bool == true)
        let broken = export.text.replacingOccurrences(of: "\r\n0301,2011,", with: "\r\n0301,2010,")
        #expect(broken != export.text)
        let rejected = try fixture.send("POST", "/v1/import?dry_run=true", token: fixture.staff, json: broken, contentType: "text/csv")
        #expect(rejected.status == 422)
        for response in [dryRun, rejected] {
            #expect(spec.problems(response, "POST", "/v1/import").isEmpty, "\(spec.problems(response, "POST", "/v1/import"))")
        }
        #expect(try spec.problems(rejected, schema: "ImportProblem").isEmpty)

        let others: [(String, String, String?)] = [
            ("/v1/export.csv", "/v1/export.csv", fixture.staff), ("/v1/export.csv", "/v1/export.csv", fixture.trondheim),
            ("/v1/audit.csv", "/v1/audit.csv", fixture.staff), ("/v1/audit.csv?variant=excel", "/v1/audit.csv", fixture.staff),
            ("/v1/audit.csv?variant=nope", "/v1/audit.csv", fixture.staff), ("/metrics", "/metrics", nil),
        ]
        var statuses: [Int] = []
        for (target, path, token) in others {
            let response = try fixture.send("GET", target, token: token)
            statuses.append(response.status)
            #expect(spec.problems(response, "GET", path).isEmpty, "\(target): \(spec.problems(response, "GET", path))")
        }
        #expect(statuses == [200, 403, 200, 200, 400, 200])
    }

    @Test func anUnreadableDatabaseIsTheDocumented503() throws {
        let app = try TestApplication()
        let spec = try Conformance(app)
        let path = app.application.configuration.databasePath
        #expect(spec.problems(try app.get("/health"), "GET", "/health").isEmpty)
        try FileManager.default.moveItem(atPath: path, toPath: path + ".away")
        defer { try? FileManager.default.moveItem(atPath: path + ".away", toPath: path) }
        let unavailable = try app.get("/health")
        #expect(unavailable.status == 503)
        #expect(unavailable.header("Retry-After") == "1")
        #expect(spec.problems(unavailable, "GET", "/health").isEmpty, "\(spec.problems(unavailable, "GET", "/health"))")
        // The Health schema describes only the healthy answer.
        #expect(try !spec.problems(unavailable, schema: "Health").isEmpty)
    }
}
