/// gzip content negotiation (RFC 9110 §12.5.3) applied to finished responses.
struct ResponseCompression: Sendable {
    let configuration: CompressionConfiguration

    /// Compresses `response` in place when it is worth it and `request` accepts gzip; adds
    /// `Vary: Accept-Encoding` to every response whose encoding depends on that header.
    func apply(to response: inout Response, for request: Request) {
        guard configuration.enabled, !response.status.forbidsContent, response.body.count >= configuration.minimumBytes else { return }
        let facts = response.headers.responseFacts
        guard !facts.isEncoded, facts.isCompressibleType else { return }
        if !facts.variesOnAcceptEncoding { response.headers.add("Vary", "Accept-Encoding") }
        guard Self.acceptsGzip(request.headers.values(for: "Accept-Encoding")),
              let compressed = try? Gzip.compress(response.body, level: configuration.level),
              compressed.count < response.body.count else { return }
        response.body = compressed
        response.headers.set("Content-Encoding", "gzip")
        // The compressed bytes are a different representation: a strong validator would lie.
        if let tag = response.headers["ETag"], !tag.hasPrefix("W/") {
            response.headers.set("ETag", "W/" + tag)
        }
    }

    /// Whether the Accept-Encoding values give gzip (or `*`) a non-zero q-value.
    /// Applications that keep compressed bodies of their own ask it through ``Request/acceptsGzip``.
    static func acceptsGzip(_ values: [String]) -> Bool {
        var gzip: Double?
        var wildcard: Double?
        for element in KnownHeaders.tokens(values) {
            let parts = element.split(separator: ";").map { $0.trimmingOWS() }
            guard let coding = parts.first else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            switch coding {
            case "gzip", "x-gzip": gzip = quality
            case "*": wildcard = quality
            default: break
            }
        }
        return (gzip ?? wildcard ?? 0) > 0
    }

}

extension Request {
    /// Whether the client takes a gzip-coded response (RFC 9110 §12.5.3), as the server's own
    /// compression decides it: for handlers that keep compressed bytes ready rather than have
    /// the server compress the same body again for every request.
    public var acceptsGzip: Bool {
        headers.contains("Accept-Encoding") && ResponseCompression.acceptsGzip(headers.values(for: "Accept-Encoding"))
    }
}
