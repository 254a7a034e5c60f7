/// gzip as a middleware: the server's own content negotiation (``CompressionConfiguration``: weak
/// validators for coded bytes, `Vary: Accept-Encoding` on every response whose coding depends on
/// it) applied where the application places it in its chain. An application that keeps rendered
/// responses puts it inside its cache, so a stored response is compressed once rather than on
/// every hit; the server's final compression then finds the body coded and leaves it alone.
public struct CompressionMiddleware: Middleware {
    private let compression: ResponseCompression

    public init(configuration: CompressionConfiguration) {
        compression = ResponseCompression(configuration: configuration)
    }

    public func handle(_ request: inout Request, next: RequestResponder) throws -> Response {
        var response = next(&request)
        compression.apply(to: &response, for: request)
        return response
    }
}
