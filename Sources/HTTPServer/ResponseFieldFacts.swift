/// What the server asks of every response's header fields (its `Content-Type`, whether it is
/// coded already, whether it varies on `Accept-Encoding`, whether the handler asked to close),
/// gathered in one pass instead of a lookup each. ``PreparedFields`` keep the facts of their
/// fields, so the fields of a stored response are not scanned again on every send.
struct ResponseFieldFacts: Sendable {
    /// The first `Content-Type` value, and whether it names a type worth compressing.
    private(set) var contentType: String?
    private(set) var isCompressibleType = false
    /// A `Content-Encoding` is present: the body is coded already.
    private(set) var isEncoded = false
    /// A `Vary` field lists `Accept-Encoding` (or `*`).
    private(set) var variesOnAcceptEncoding = false
    /// A `Connection` field lists `close`.
    private(set) var asksToClose = false

    init() {}

    /// The facts of `earlier` fields, then of `fields`.
    init(_ fields: UnsafeBufferPointer<HTTPHeaders.Field>, after earlier: ResponseFieldFacts = ResponseFieldFacts()) {
        self = earlier
        for index in fields.indices { note(fields[index]) }
    }

    private mutating func note(_ field: HTTPHeaders.Field) {
        let name = field.name
        switch name.utf8.count {
        case 4 where HTTPHeaders.namesMatch(name, "Vary"):
            variesOnAcceptEncoding = variesOnAcceptEncoding || HTTPHeaders.listContains(field.value, "accept-encoding", orWildcard: true)
        case 10 where HTTPHeaders.namesMatch(name, "Connection"):
            asksToClose = asksToClose || HTTPHeaders.listContains(field.value, "close")
        case 12 where contentType == nil && HTTPHeaders.namesMatch(name, "Content-Type"):
            contentType = field.value
            isCompressibleType = ResponseCompression.isCompressible(field.value)
        case 16 where HTTPHeaders.namesMatch(name, "Content-Encoding"):
            isEncoded = true
        default:
            break
        }
    }
}

extension HTTPHeaders {
    /// The ``ResponseFieldFacts`` of these fields: the prepared ones' kept facts, then one pass
    /// over the rest.
    var responseFacts: ResponseFieldFacts {
        withUnpreparedFields { ResponseFieldFacts($0, after: preparedFields?.facts ?? ResponseFieldFacts()) }
    }

    /// Whether a `Connection` field lists `close` (a handler asking the server to close after
    /// the response): the one fact the server needs of every response, so it is asked alone.
    var asksToClose: Bool {
        if preparedFields?.facts.asksToClose == true { return true }
        return withUnpreparedFields { fields in
            fields.contains { Self.namesMatch($0.name, "Connection") && Self.listContains($0.value, "close") }
        }
    }
}
