/// Decodes a chunked body (RFC 9112 §7.1) incrementally: each ``feed(_:parser:)`` consumes every
/// complete unit it is given (a size line, any part of a chunk's data, a CRLF, a trailer line)
/// and keeps its place, so the caller can drop the consumed wire bytes at once instead of
/// re-parsing a growing buffer. Partial chunk data is taken as it arrives; only an unfinished
/// size line or trailer line stays with the caller.
///
/// Bounds: the decoded body stays within `maxBodyBytes` (413 as soon as a chunk-size would pass
/// it), a size line with its extensions within `maxChunkLineBytes` (400), the trailer section
/// within `maxHeaderBytes` and `maxHeaderCount` (431), and the whole body on the wire (size lines,
/// extensions, CRLFs, data and trailers) within ``wireLimit(_:)``: `maxBodyBytes` plus
/// `maxHeaderBytes` (413 beyond), so one-byte chunks cannot make the wire six times the body.
struct ChunkedBodyDecoder {
    enum Outcome {
        case needMore
        case complete
        case invalid(HTTPParseError)
    }

    private enum State {
        case sizeLine
        case data(remaining: Int)
        case dataEnd
        case trailers
    }

    private var state = State.sizeLine
    private(set) var body: [UInt8] = []
    private(set) var trailers = HTTPHeaders()
    private var trailerBytes = 0
    /// Wire bytes consumed so far.
    private(set) var wireBytes = 0

    /// The most wire bytes a chunked body may take under `limits`.
    static func wireLimit(_ limits: HTTPParser.Limits) -> Int {
        limits.maxBodyBytes + limits.maxHeaderBytes
    }

    /// Consumes what it can from the start of `buffer`; returns the bytes consumed and whether the
    /// body is complete, needs more bytes, or is invalid (then `consumed` is meaningless).
    mutating func feed(_ buffer: UnsafeBufferPointer<UInt8>, parser: HTTPParser) -> (consumed: Int, outcome: Outcome) {
        let limits = parser.limits
        let wireLimit = Self.wireLimit(limits)
        var position = 0
        var outcome = Outcome.needMore
        decoding: while true {
            guard wireBytes + position <= wireLimit else { return (position, .invalid(.contentTooLarge)) }
            switch state {
            case .sizeLine:
                let lineLimit = min(buffer.count, position + limits.maxChunkLineBytes + 2)
                guard let lineFeed = parser.indexOfLineFeed(buffer, from: position, to: lineLimit) else {
                    if buffer.count - position > limits.maxChunkLineBytes + 1 {
                        return (position, .invalid(.invalidChunk("a chunk-size line is longer than this server accepts")))
                    }
                    break decoding
                }
                guard lineFeed > position, buffer[lineFeed - 1] == ASCII.cr else { return (position, .invalid(.invalidLineEnding)) }
                let size: Int
                switch parser.chunkSize(buffer, from: position, to: lineFeed - 1) {
                case .success(let value): size = value
                case .failure(let error): return (position, .invalid(error))
                }
                guard size <= limits.maxBodyBytes - body.count else { return (position, .invalid(.contentTooLarge)) }
                position = lineFeed + 1
                state = size == 0 ? .trailers : .data(remaining: size)
            case .data(let remaining):
                let taken = min(remaining, buffer.count - position)
                if taken == 0 { break decoding }
                body.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position..<(position + taken)]))
                position += taken
                state = taken == remaining ? .dataEnd : .data(remaining: remaining - taken)
            case .dataEnd:
                guard buffer.count - position >= 2 else { break decoding }
                guard buffer[position] == ASCII.cr, buffer[position + 1] == ASCII.lf else {
                    return (position, .invalid(.invalidChunk("chunk data must be followed by CRLF")))
                }
                position += 2
                state = .sizeLine
            case .trailers:
                let room = limits.maxHeaderBytes - trailerBytes
                let end = min(buffer.count, position + room)
                guard let lineFeed = parser.indexOfLineFeed(buffer, from: position, to: end) else {
                    if buffer.count - position >= room { return (position, .invalid(.headersTooLarge)) }
                    break decoding
                }
                guard lineFeed > position, buffer[lineFeed - 1] == ASCII.cr else { return (position, .invalid(.invalidLineEnding)) }
                if lineFeed - 1 == position {
                    position = lineFeed + 1
                    outcome = .complete
                    break decoding
                }
                guard trailers.count < limits.maxHeaderCount else { return (position, .invalid(.tooManyHeaders)) }
                switch parser.parseFieldLine(buffer, from: position, to: lineFeed - 1) {
                case .success(let field): trailers.add(field.name, field.value)
                case .failure(let error): return (position, .invalid(error))
                }
                trailerBytes += lineFeed + 1 - position
                position = lineFeed + 1
            }
        }
        wireBytes += position
        guard wireBytes <= wireLimit else { return (position, .invalid(.contentTooLarge)) }
        return (position, outcome)
    }

    /// Hands over the decoded body (the decoder is done with it).
    mutating func takeBody() -> [UInt8] {
        defer { body = [] }
        return body
    }
}
