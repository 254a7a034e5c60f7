import Foundation
import Testing
@testable import BetaKommAPI

@Suite struct MetricsTests {
    private func scrape(_ app: LoggedApplication) throws -> PrometheusText {
        let response = try app.get("/metrics")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
        return try PrometheusText(parsing: response.text)
    }

    @Test func theExpositionParsesAndEveryFamilyIsTyped() throws {
        let app = try LoggedApplication()
        _ = try app.get("/v1/figures/1")
        let metrics = try scrape(app)
        for sample in metrics.samples {
            let family = PrometheusText.family(of: sample.name, types: metrics.types)
            #expect(metrics.types[family] != nil, "untyped sample \(sample.name)")
            #expect(metrics.help[family] != nil, "no HELP for \(family)")
        }
        #expect(metrics.types["betakomm_http_requests_total"] == "counter")
        #expect(metrics.types["betakomm_http_request_duration_seconds"] == "histogram")
        #expect(metrics.types["betakomm_open_connections"] == "gauge")
        #expect(metrics.value("betakomm_data_version") == Double(try app.application.storedDataVersion))
        #expect((metrics.value("betakomm_database_size_bytes") ?? 0) > 100_000)
        // This very scrape's connection is open.
        #expect((metrics.value("betakomm_open_connections") ?? 0) >= 1)
        #expect(metrics.value("betakomm_submissions_total", ["outcome": "accepted"]) == 0)
        #expect(metrics.value("betakomm_submissions_total", ["outcome": "rejected"]) == 0)
    }

    @Test func theHistogramIsCumulativeAndItsInfBucketIsTheCount() throws {
        let app = try LoggedApplication()
        for target in ["/v1/figures/1", "/v1/figures/2", "/health", "/nowhere"] { _ = try app.get(target) }
        let metrics = try scrape(app)
        let buckets = metrics.samples.filter { $0.name == "betakomm_http_request_duration_seconds_bucket" }
        let bounds = try buckets.map { sample -> Double in
            let bound = try #require(sample.labels["le"])
            return bound == "+Inf" ? .infinity : try #require(Double(bound))
        }
        #expect(bounds == bounds.sorted())
        #expect(bounds.last == .infinity)
        #expect(buckets.map(\.value) == buckets.map(\.value).sorted(), "bucket counts must not decrease")
        let count = try #require(metrics.value("betakomm_http_request_duration_seconds_count"))
        #expect(buckets.last?.value == count)
        #expect(count >= 4)
        #expect((metrics.value("betakomm_http_request_duration_seconds_sum") ?? -1) >= 0)
    }

    @Test func countersMoveAfterRequestsAndLabelByRoutePattern() throws {
        let app = try LoggedApplication()
        let before = try scrape(app)
        let sentBefore = try #require(before.value("betakomm_http_bytes_sent_total"))
        let receivedBefore = try #require(before.value("betakomm_http_bytes_received_total"))
        _ = try app.get("/v1/figures/1")
        _ = try app.get("/v1/figures/2")
        #expect(try app.get("/v1/figures/99").status == 404)
        #expect(try app.get("/no/such/thing").status == 404)
        // A route counted again after others (each shard keeps its last key's count apart).
        _ = try app.get("/v1/figures/3")
        // The hook runs after each response is written: wait until the last one is counted.
        var after = try scrape(app)
        for _ in 0..<100 where after.value("betakomm_http_requests_total", ["route": "/v1/figures/:n", "method": "GET", "status": "200"]) != 3 {
            usleep(10_000)
            after = try scrape(app)
        }
        #expect(after.value("betakomm_http_requests_total", ["route": "/v1/figures/:n", "method": "GET", "status": "200"]) == 3)
        #expect(after.value("betakomm_http_requests_total", ["route": "/v1/figures/:n", "method": "GET", "status": "404"]) == 1)
        // Static files catch everything else, so an unknown path is a 404 of the catch-all route.
        #expect(after.value("betakomm_http_requests_total", ["route": "/*path", "method": "GET", "status": "404"]) == 1)
        #expect(!after.samples.contains { $0.labels["route"]?.contains("/v1/figures/1") == true }, "raw paths must not become labels")
        #expect(after.value("betakomm_http_requests_total", ["route": "/metrics", "status": "200"]) ?? 0 >= 1)
        #expect(try #require(after.value("betakomm_http_bytes_sent_total")) > sentBefore)
        #expect(try #require(after.value("betakomm_http_bytes_received_total")) > receivedBefore)
    }

    @Test func submissionOutcomesAreExposed() throws {
        let app = try LoggedApplication()
        app.application.metrics.submissions.record(.accepted)
        app.application.metrics.submissions.record(.accepted)
        app.application.metrics.submissions.record(.rejected)
        let metrics = try scrape(app)
        #expect(metrics.value("betakomm_submissions_total", ["outcome": "accepted"]) == 2)
        #expect(metrics.value("betakomm_submissions_total", ["outcome": "rejected"]) == 1)
    }

    @Test func theParserRejectsMalformedExpositions() {
        #expect(throws: PrometheusText.Failure.self) { try PrometheusText(parsing: "a_total{route=\"x} 1\n") }
        #expect(throws: PrometheusText.Failure.self) { try PrometheusText(parsing: "# TYPE a_total countr\n") }
        #expect(throws: PrometheusText.Failure.self) { try PrometheusText(parsing: "a_total one\n") }
        #expect(throws: PrometheusText.Failure.self) { try PrometheusText(parsing: "a_total 1") }
    }
}
