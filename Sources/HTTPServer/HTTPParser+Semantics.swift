extension HTTPParser {
    /// Applies the header rules that decide whether and how a request can be processed:
    /// Host (RFC 9112 §3.2), message framing (§6), persistence (§9.3) and expectations (RFC 9110 §10.1.1).
    func makeHead(
        _ line: RequestLine,
        headers: HTTPHeaders,
        known: KnownHeaders
    ) -> Result<RequestHead, HTTPParseError> {
        if line.method == .connect { return .failure(.methodNotImplemented("CONNECT")) }

        if line.version == .http1_1 {
            guard known.hosts.count == 1 else {
                return .failure(.invalidHost(known.hosts.isEmpty ? "an HTTP/1.1 request must include Host" : "Host must appear only once"))
            }
        } else if known.hosts.count > 1 {
            return .failure(.invalidHost("Host must appear only once"))
        }
        if let host = known.hosts.first, !Self.isPlausibleHost(host) {
            return .failure(.invalidHost("'\(host)' is not a valid host"))
        }

        // RFC 9112 §6.1: Transfer-Encoding in an HTTP/1.0 message means its framing is faulty.
        if line.version == .http1_0 && !known.transferEncodings.isEmpty {
            return .failure(.invalidTransferEncoding("it is not defined for HTTP/1.0"))
        }
        let framing: BodyFraming
        switch Self.framing(known, maxBodyBytes: limits.maxBodyBytes) {
        case .success(let value): framing = value
        case .failure(let error): return .failure(error)
        }

        let connectionTokens = known.connections.isEmpty ? [] : KnownHeaders.tokens(known.connections)
        let keepAlive: Bool
        switch line.version {
        case .http1_1: keepAlive = !connectionTokens.contains("close")
        case .http1_0: keepAlive = connectionTokens.contains("keep-alive") && !connectionTokens.contains("close")
        }

        var expectsContinue = false
        if !known.expectations.isEmpty, line.version == .http1_1 {
            // A 100-continue expectation in an HTTP/1.0 request is ignored (RFC 9110 §10.1.1).
            let expectations = KnownHeaders.tokens(known.expectations)
            guard expectations == ["100-continue"] else {
                return .failure(.expectationFailed(known.expectations.joined(separator: ", ")))
            }
            expectsContinue = true
        }

        let target: RequestTarget
        switch RequestTarget.parse(line.target, method: line.method) {
        case .success(let parsed): target = parsed
        case .failure(let error): return .failure(error)
        }

        return .success(RequestHead(
            method: line.method, target: line.target, path: target.path, pathSegments: target.segments,
            query: target.query, version: line.version, headers: headers, framing: framing,
            keepAlive: keepAlive, expectsContinue: expectsContinue
        ))
    }

    /// Host = uri-host [ ":" port ]: no whitespace, commas (a list) or slashes (RFC 9112 §3.2).
    private static func isPlausibleHost(_ host: String) -> Bool {
        var host = host
        return host.withUTF8 { bytes in
            for byte in bytes where byte == ASCII.space || byte == ASCII.tab || byte == UInt8(ascii: ",") || byte == ASCII.slash {
                return false
            }
            return true
        }
    }

    private static func framing(_ known: KnownHeaders, maxBodyBytes: Int) -> Result<BodyFraming, HTTPParseError> {
        if !known.transferEncodings.isEmpty {
            // RFC 9112 §6.1: a message with both may be an attempt at request smuggling.
            guard known.contentLengths.isEmpty else { return .failure(.conflictingFraming) }
            let codings = KnownHeaders.tokens(known.transferEncodings)
            guard !codings.isEmpty else { return .failure(.invalidTransferEncoding("the value is empty")) }
            if let unknown = codings.first(where: { $0 != "chunked" }) {
                return .failure(.unsupportedTransferCoding(unknown))
            }
            // RFC 9112 §6.1: chunked must not be applied more than once.
            guard codings.count == 1 else { return .failure(.invalidTransferEncoding("chunked is applied more than once")) }
            return .success(.chunked)
        }
        guard !known.contentLengths.isEmpty else { return .success(.none) }
        // RFC 9110 §8.6: a list of identical lengths may be accepted; anything else is invalid.
        var length: Int?
        for value in known.contentLengths {
            for element in value.split(separator: ",", omittingEmptySubsequences: false) {
                let digits = element.trimmingOWS()
                guard !digits.isEmpty, digits.utf8.allSatisfy(ASCII.isDigit) else {
                    return .failure(.invalidContentLength("'\(value)' is not a number of bytes"))
                }
                let trimmed = digits.drop { $0 == "0" }
                // More digits than any accepted body: too large, whatever the exact value.
                guard trimmed.utf8.count <= 18, let parsed = Int(trimmed.isEmpty ? "0" : trimmed) else {
                    return .failure(.contentTooLarge)
                }
                if let length, length != parsed {
                    return .failure(.invalidContentLength("several different lengths were sent"))
                }
                length = parsed
            }
        }
        guard let length else { return .failure(.invalidContentLength("the value is empty")) }
        // Decided from the header, before any of the body is read.
        guard length <= maxBodyBytes else { return .failure(.contentTooLarge) }
        return .success(length == 0 ? .none : .length(length))
    }
}
