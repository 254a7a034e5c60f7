extension HTTPParser {
    /// chunked-body = *chunk last-chunk trailer-section CRLF (RFC 9112 §7.1). Chunk extensions are
    /// validated and ignored; trailer fields are returned. The body cap is checked as each chunk-size
    /// is read, before its data arrives. The server decodes incrementally with
    /// ``ChunkedBodyDecoder``; this one-shot form runs the same decoder over the whole buffer.
    func parseChunkedBody(_ buffer: UnsafeBufferPointer<UInt8>) -> BodyParseResult {
        var decoder = ChunkedBodyDecoder()
        let (consumed, outcome) = decoder.feed(buffer, parser: self)
        switch outcome {
        case .needMore: return .incomplete
        case .invalid(let error): return .invalid(error)
        case .complete: return .complete(body: decoder.takeBody(), trailers: decoder.trailers, consumed: consumed)
        }
    }

    /// chunk-size [ chunk-ext ], where chunk-ext = *( BWS ";" BWS name [ BWS "=" BWS ( token / quoted-string ) ] ).
    func chunkSize(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Result<Int, HTTPParseError> {
        var index = start
        var size = 0
        while index < end, let digit = ASCII.hexValue(buffer[index]) {
            // Sixteen hex digits would overflow; anything near that is far beyond any body cap anyway.
            guard index - start < 15 else { return .failure(.contentTooLarge) }
            size = size << 4 | Int(digit)
            index += 1
        }
        guard index > start else { return .failure(.invalidChunk("a chunk must start with its size in hex")) }
        while index < end {
            index = skipWhitespace(buffer, index, end)
            guard index < end, buffer[index] == ASCII.semicolon else {
                return .failure(.invalidChunk("unexpected bytes after the chunk size"))
            }
            index = skipWhitespace(buffer, index + 1, end)
            let nameStart = index
            while index < end, ASCII.isToken(buffer[index]) { index += 1 }
            guard index > nameStart else { return .failure(.invalidChunk("a chunk extension needs a name")) }
            index = skipWhitespace(buffer, index, end)
            guard index < end, buffer[index] == UInt8(ascii: "=") else { continue }
            index = skipWhitespace(buffer, index + 1, end)
            guard index < end else { return .failure(.invalidChunk("a chunk extension value is missing")) }
            if buffer[index] == UInt8(ascii: "\"") {
                guard let closing = endOfQuotedString(buffer, index, end) else {
                    return .failure(.invalidChunk("a chunk extension has an unterminated quoted string"))
                }
                index = closing
            } else {
                let valueStart = index
                while index < end, ASCII.isToken(buffer[index]) { index += 1 }
                guard index > valueStart else { return .failure(.invalidChunk("a chunk extension value is not a token")) }
            }
        }
        return .success(size)
    }

    private func skipWhitespace(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var index = start
        while index < end, buffer[index] == ASCII.space || buffer[index] == ASCII.tab { index += 1 }
        return index
    }

    /// The index after the closing quote of the quoted-string opening at `start` (RFC 9110 §5.6.4).
    private func endOfQuotedString(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var index = start + 1
        while index < end {
            switch buffer[index] {
            case UInt8(ascii: "\""): return index + 1
            case UInt8(ascii: "\\"):
                guard index + 1 < end, ASCII.isFieldValue(buffer[index + 1]) else { return nil }
                index += 2
            default:
                guard ASCII.isFieldValue(buffer[index]) else { return nil }
                index += 1
            }
        }
        return nil
    }
}
