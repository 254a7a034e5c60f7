/// A request whose head is parsed and whose body is still arriving. Body bytes are taken out of
/// the connection's input as they come (``feed(_:parser:)``), so the input buffer holds only bytes
/// not yet parsed, and no read re-parses what an earlier one already decoded.
struct PendingRequest {
    enum Outcome {
        case needMore
        case complete
        case invalid(HTTPParseError)
    }

    let head: RequestHead
    let headLength: Int
    /// Body bytes consumed from the wire so far (with chunked framing, framing included).
    private(set) var wireBytes = 0
    private var body: [UInt8] = []
    private var remaining = 0
    private var chunked: ChunkedBodyDecoder?

    init(head: RequestHead, headLength: Int) {
        self.head = head
        self.headLength = headLength
        switch head.framing {
        case .none: break
        case .length(let length):
            remaining = length
            body.reserveCapacity(length)
        case .chunked: chunked = ChunkedBodyDecoder()
        }
    }

    /// Takes what belongs to the body from the start of `buffer`; returns the bytes consumed.
    mutating func feed(_ buffer: UnsafeBufferPointer<UInt8>, parser: HTTPParser) -> (consumed: Int, outcome: Outcome) {
        if var decoder = chunked.take() {
            let (consumed, outcome) = decoder.feed(buffer, parser: parser)
            wireBytes += consumed
            chunked = decoder
            switch outcome {
            case .needMore: return (consumed, .needMore)
            case .complete: return (consumed, .complete)
            case .invalid(let error): return (consumed, .invalid(error))
            }
        }
        let taken = min(remaining, buffer.count)
        body.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<taken]))
        remaining -= taken
        wireBytes += taken
        return (taken, remaining == 0 ? .complete : .needMore)
    }

    /// The request, once ``feed(_:parser:)`` reported it complete.
    consuming func request() -> Request {
        if var decoder = chunked.take() {
            let trailers = decoder.trailers
            return Request(head: head, body: decoder.takeBody(), trailers: trailers)
        }
        return Request(head: head, body: body, trailers: HTTPHeaders())
    }
}
