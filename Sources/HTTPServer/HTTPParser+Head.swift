extension HTTPParser {
    /// Parses a request-line and header section from the start of `buffer`.
    public func parseHead(_ buffer: UnsafeBufferPointer<UInt8>) -> HeadParseResult {
        var start = 0
        // RFC 9112 §2.2: ignore at least one empty line before the request-line (we allow four).
        while start < 8, start < buffer.count, buffer[start] == ASCII.cr || buffer[start] == ASCII.lf {
            guard buffer[start] == ASCII.cr else { return .invalid(.invalidLineEnding) }
            guard start + 1 < buffer.count else { return .incomplete }
            guard buffer[start + 1] == ASCII.lf else { return .invalid(.invalidLineEnding) }
            start += 2
        }

        let lineLimit = min(buffer.count, start + limits.maxRequestLineBytes + 2)
        guard let lineFeed = indexOfLineFeed(buffer, from: start, to: lineLimit) else {
            return buffer.count - start > limits.maxRequestLineBytes + 1 ? .invalid(.requestLineTooLong) : .incomplete
        }
        guard lineFeed > start, buffer[lineFeed - 1] == ASCII.cr else { return .invalid(.invalidLineEnding) }
        guard lineFeed - 1 - start <= limits.maxRequestLineBytes else { return .invalid(.requestLineTooLong) }

        let requestLine: RequestLine
        switch parseRequestLine(buffer, from: start, to: lineFeed - 1) {
        case .success(let line): requestLine = line
        case .failure(let error): return .invalid(error)
        }

        var headers = HTTPHeaders()
        var known = KnownHeaders()
        let headerStart = lineFeed + 1
        var position = headerStart
        let headerLimit = headerStart + limits.maxHeaderBytes
        while true {
            guard let end = indexOfLineFeed(buffer, from: position, to: min(buffer.count, headerLimit)) else {
                return buffer.count >= headerLimit ? .invalid(.headersTooLarge) : .incomplete
            }
            guard end > position, buffer[end - 1] == ASCII.cr else { return .invalid(.invalidLineEnding) }
            if end - 1 == position {
                position = end + 1
                break
            }
            guard headers.count < limits.maxHeaderCount else { return .invalid(.tooManyHeaders) }
            switch parseFieldLine(buffer, from: position, to: end - 1) {
            case .failure(let error): return .invalid(error)
            case .success(let field):
                known.note(field, at: headers.count)
                headers.add(field.name, field.value)
            }
            position = end + 1
        }

        switch makeHead(requestLine, headers: headers, known: known) {
        case .success(let head): return .complete(head, consumed: position)
        case .failure(let error): return .invalid(error)
        }
    }

    private func parseRequestLine(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
    ) -> Result<RequestLine, HTTPParseError> {
        var index = start
        while index < end, ASCII.isToken(buffer[index]) { index += 1 }
        guard index > start else { return .failure(.invalidRequestLine("the method is missing or not a token")) }
        guard index < end, buffer[index] == ASCII.space else {
            return .failure(.invalidRequestLine("the method must be a token followed by one space"))
        }
        let method = HTTPMethod(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<index]), as: UTF8.self))
        index += 1
        let targetStart = index
        while index < end, ASCII.isTargetCharacter(buffer[index]) { index += 1 }
        guard index > targetStart else { return .failure(.invalidRequestLine("the request-target is missing or preceded by extra spaces")) }
        guard index < end, buffer[index] == ASCII.space else {
            return .failure(.invalidRequestLine("the request-target contains a character that is not allowed"))
        }
        let target = String(decoding: UnsafeBufferPointer(rebasing: buffer[targetStart..<index]), as: UTF8.self)
        index += 1
        let version = UnsafeBufferPointer(rebasing: buffer[index..<end])
        switch Self.version(version) {
        case .success(let parsed): return .success(RequestLine(method: method, target: target, version: parsed))
        case .failure(let error): return .failure(error)
        }
    }

    private static let versionPrefix = Array("HTTP/".utf8)

    /// HTTP-version = "HTTP/" DIGIT "." DIGIT (RFC 9112 §2.3); other well-formed versions get 505.
    private static func version(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<HTTPVersion, HTTPParseError> {
        guard bytes.count == 8, bytes.starts(with: versionPrefix), ASCII.isDigit(bytes[5]),
              bytes[6] == UInt8(ascii: "."), ASCII.isDigit(bytes[7]) else {
            return .failure(.invalidRequestLine("the HTTP-version must be HTTP/1.1 or HTTP/1.0 after a single space"))
        }
        switch (bytes[5], bytes[7]) {
        case (UInt8(ascii: "1"), UInt8(ascii: "1")): return .success(.http1_1)
        case (UInt8(ascii: "1"), UInt8(ascii: "0")): return .success(.http1_0)
        default: return .failure(.unsupportedVersion(String(decoding: bytes, as: UTF8.self)))
        }
    }

    /// field-line = field-name ":" OWS field-value OWS (RFC 9112 §5). No whitespace may precede the
    /// colon (§5.1) and a line starting with whitespace is obs-fold (§5.2): both are rejected.
    func parseFieldLine(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Result<HTTPHeaders.Field, HTTPParseError> {
        if buffer[start] == ASCII.space || buffer[start] == ASCII.tab {
            return .failure(.invalidHeader("line folding (obs-fold) is not accepted"))
        }
        var index = start
        while index < end, ASCII.isToken(buffer[index]) { index += 1 }
        guard index < end, index > start else { return .failure(.invalidHeader("a field name must be a token followed by a colon")) }
        guard buffer[index] == ASCII.colon else {
            var next = index
            while next < end, buffer[next] == ASCII.space || buffer[next] == ASCII.tab { next += 1 }
            if next > index, next < end, buffer[next] == ASCII.colon {
                return .failure(.invalidHeader("whitespace between a field name and the colon is not allowed"))
            }
            return .failure(.invalidHeader("a field name must be a token followed by a colon"))
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<index]), as: UTF8.self)
        var valueStart = index + 1
        var valueEnd = end
        while valueStart < valueEnd, buffer[valueStart] == ASCII.space || buffer[valueStart] == ASCII.tab { valueStart += 1 }
        while valueEnd > valueStart, buffer[valueEnd - 1] == ASCII.space || buffer[valueEnd - 1] == ASCII.tab { valueEnd -= 1 }
        for position in valueStart..<valueEnd where !ASCII.isFieldValue(buffer[position]) {
            return .failure(.invalidHeader("the value of \(name) contains a control character"))
        }
        let value = String(decoding: UnsafeBufferPointer(rebasing: buffer[valueStart..<valueEnd]), as: UTF8.self)
        return .success(HTTPHeaders.Field(name: name, value: value))
    }
}
