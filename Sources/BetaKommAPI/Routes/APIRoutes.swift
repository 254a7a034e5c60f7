import HTTPServer

/// Every route of the service, in one place. Each feature registers its routes in its own
/// `register(on:…)`; a new feature adds one line here.
enum APIRoutes {
    /// Routes whose data documents ``ResponseCacheMiddleware`` does not keep: a search has
    /// unbounded targets, and the OpenAPI document is fixed bytes.
    static let uncachedRoutes = ["/v1/respondents", "/openapi.json"]

    static func register(
        on router: inout Router, context: APIContext, metrics: ServiceMetrics, submissions: SubmissionService,
        rateLimiter: WriteRateLimiter, publicDirectory: String
    ) {
        MetricsRoutes.register(on: &router, context: context, metrics: metrics)
        HealthRoutes.register(on: &router, context: context)
        QuestionRoutes.register(on: &router, context: context)
        StatisticsRoutes.register(on: &router, context: context)
        FigureRoutes.register(on: &router, context: context)
        RespondentRoutes.register(on: &router, context: context)
        SectionRoutes.register(on: &router, context: context)
        SubmissionRoutes.register(on: &router, service: submissions, counter: context.submissions, rateLimiter: rateLimiter)
        WaveRoutes.register(on: &router, context: context, pool: context.store.pool)
        AuditRoutes.register(on: &router, pool: context.store.pool)
        ImportExportRoutes.register(on: &router, pool: context.store.pool, store: context.store)
        router.get("/openapi.json") { request in
            try QueryCheck.requireKnown(request.query, allowed: [])
            return try context.respond(to: request, format: "openapi") { _ in OpenAPIDocument.bytes }
        }
        // The dashboard's static files; anything not matched above and not a file is a 404.
        let files = StaticFiles(root: publicDirectory)
        router.get("/*path", files.handler)
    }
}
