import HTTPServer

/// `GET /metrics`: the Prometheus text exposition (format 0.0.4) of ``ServiceMetrics``, with the
/// database size and data version read at scrape time. Never cached.
enum MetricsRoutes {
    static func register(on router: inout Router, context: APIContext, metrics: ServiceMetrics) {
        let database = DatabaseHealth(path: context.store.databasePath)
        router.get("/metrics") { request in
            try QueryCheck.requireKnown(request.query, allowed: [])
            let version = try? context.store.snapshot().version
            let text = metrics.exposition(databaseSizeBytes: database.sizeInBytes(), dataVersion: version)
            var response = Response.bytes(Array(text.utf8), contentType: ServiceMetrics.contentType)
            response.headers.set("Cache-Control", "no-store")
            return response
        }
    }
}
