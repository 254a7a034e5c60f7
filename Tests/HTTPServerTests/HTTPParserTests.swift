@testable import HTTPServer
import Testing

private let colonByte = UInt8(ascii: ":")

@Suite("HTTPParser fed literal bytes split at every point")
struct HTTPParserTests {
    let parser = HTTPParser(limits: HTTPParser.Limits(maxRequestLineBytes: 200, maxHeaderBytes: 400, maxHeaderCount: 10, maxBodyBytes: 100, maxChunkLineBytes: 40))

    static let validRequests: [String] = [
        "GET /a/b%20c?x=1&y=two+words HTTP/1.1\r\nHost: example.org\r\nAccept: */*\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello",
        "POST /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nTrailer-A: 1\r\n\r\n",
        "GET http://example.org/abs?q=1 HTTP/1.1\r\nHost: example.org\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n",
        "\r\nGET /after-empty-line HTTP/1.0\r\n\r\n",
    ]

    @Test("every proper prefix of a valid request is incomplete; the whole is complete", arguments: validRequests)
    func everySplitPoint(raw: String) throws {
        let bytes = Array(raw.utf8)
        for split in 0..<bytes.count {
            guard case .incomplete = parser.parse(Array(bytes[0..<split])) else {
                Issue.record("prefix of \(split) bytes was not incomplete: \(raw.debugDescription)")
                return
            }
        }
        guard case .complete(_, let consumed) = parser.parse(bytes) else {
            Issue.record("not complete: \(raw.debugDescription)")
            return
        }
        #expect(consumed == bytes.count)
    }

    @Test("a request followed by the start of another consumes only the first")
    func pipelinedConsumption() throws {
        let first = "POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nok"
        let bytes = Array((first + "GET /next HTTP/1.1\r\nHo").utf8)
        guard case .complete(let request, let consumed) = parser.parse(bytes) else {
            Issue.record("not complete")
            return
        }
        #expect(consumed == first.utf8.count)
        #expect(request.body == Array("ok".utf8))
    }

    @Test("the parsed fields of a request")
    func fields() throws {
        let bytes = Array("GET /a/b%2Fc/%C3%A6?k=v%26w&k=2&empty= HTTP/1.1\r\nHost: h\r\nX-Multi: 1\r\nx-multi: 2\r\nConnection: close\r\n\r\n".utf8)
        guard case .complete(let request, _) = parser.parse(bytes) else {
            Issue.record("not complete")
            return
        }
        #expect(request.method == .get)
        #expect(request.target == "/a/b%2Fc/%C3%A6?k=v%26w&k=2&empty=")
        #expect(request.path == "/a/b/c/æ")
        #expect(request.pathSegments == ["a", "b/c", "æ"])
        #expect(request.query.values(for: "k") == ["v&w", "2"])
        #expect(request.query["empty"] == "")
        #expect(request.headers.values(for: "X-MULTI") == ["1", "2"])
        #expect(request.version == .http1_1)
    }

    @Test("query strings: pairs in order, bare names, empty pairs skipped, + as space, escapes, non-ASCII", arguments: [
        ("a=1&b=2&a=3", [("a", "1"), ("b", "2"), ("a", "3")]),
        ("flag&x=", [("flag", ""), ("x", "")]),
        ("&&a=1&&", [("a", "1")]),
        ("q=Bod%C3%B8+kommune&e=a%3Db%26c", [("q", "Bodø kommune"), ("e", "a=b&c")]),
        ("k=v=w", [("k", "v=w")]),
        ("navn=Bodø", [("navn", "Bodø")]),
        ("", []),
    ])
    func queries(query: String, expected: [(String, String)]) {
        let parsed = QueryParameters.parse(Substring(query))
        #expect(parsed?.items.map(\.name) == expected.map(\.0))
        #expect(parsed?.items.map(\.value) == expected.map(\.1))
    }

    @Test("a malformed escape or an escape that is not UTF-8 makes the query invalid", arguments: ["a=%4", "a=%zz", "%=1", "a=%FF", "b&a=%C3"])
    func invalidQueries(query: String) {
        #expect(QueryParameters.parse(Substring(query)) == nil)
    }

    @Test("chunked body and trailers")
    func chunked() throws {
        let raw = "POST /e HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\nA ; a=\"q;\\\"x\" ; b\r\n0123456789\r\n0\r\nT1: one\r\nT2: two\r\n\r\n"
        guard case .complete(let request, _) = parser.parse(Array(raw.utf8)) else {
            Issue.record("not complete")
            return
        }
        #expect(request.bodyText == "0123456789")
        #expect(request.trailers["t2"] == "two")
    }

    static let invalidRequests: [(String, HTTPParseError)] = [
        ("GET /x HTTP/1.1\r\nHost: h\r\nBad Name: v\r\n\r\n", .invalidHeader("a field name must be a token followed by a colon")),
        ("GET /x HTTP/1.1\r\nHost : h\r\n\r\n", .invalidHeader("whitespace between a field name and the colon is not allowed")),
        ("GET /x HTTP/1.1\r\nHost: h\r\nA: b\r\n  folded\r\n\r\n", .invalidHeader("line folding (obs-fold) is not accepted")),
        ("GET /x HTTP/1.1\r\n\r\n", .invalidHost("an HTTP/1.1 request must include Host")),
        ("GET /x HTTP/3.0\r\nHost: h\r\n\r\n", .unsupportedVersion("HTTP/3.0")),
        ("GET /x HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", .conflictingFraming),
        ("GET /x HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", .invalidContentLength("several different lengths were sent")),
        ("GET /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, chunked\r\n\r\n", .invalidTransferEncoding("chunked is applied more than once")),
        ("GET /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: identity\r\n\r\n", .unsupportedTransferCoding("identity")),
        ("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 101\r\n\r\n", .contentTooLarge),
        ("GET /x HTTP/1.1\r\nHost: h\r\nExpect: something\r\n\r\n", .expectationFailed("something")),
        ("CONNECT h:443 HTTP/1.1\r\nHost: h\r\n\r\n", .methodNotImplemented("CONNECT")),
        ("GET /x HTTP/1.1\r\nHost: h\rX\r\n\r\n", .invalidHeader("the value of Host contains a control character")),
        ("POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloX\r\n", .invalidChunk("chunk data must be followed by CRLF")),
        ("POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n\(String(repeating: "0", count: 41))1\r\n", .invalidChunk("a chunk-size line is longer than this server accepts")),
        ("POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n65\r\n", .contentTooLarge),
        ("GET /\(String(repeating: "a", count: 200)) HTTP/1.1\r\n", .requestLineTooLong),
        ("POST /x HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", .invalidTransferEncoding("it is not defined for HTTP/1.0")),
    ]

    @Test("an invalid request fails the same way whole, and every prefix is incomplete or that same failure", arguments: 0..<invalidRequests.count)
    func invalidAtEverySplitPoint(index: Int) throws {
        let (raw, expected) = Self.invalidRequests[index]
        let bytes = Array(raw.utf8)
        guard case .invalid(let error) = parser.parse(bytes) else {
            Issue.record("not invalid: \(raw.debugDescription)")
            return
        }
        #expect(error == expected)
        for split in 0..<bytes.count {
            switch parser.parse(Array(bytes[0..<split])) {
            case .incomplete: continue
            case .invalid(let early): #expect(early == expected, "prefix \(split) of \(raw.debugDescription)")
            case .complete: Issue.record("prefix \(split) complete: \(raw.debugDescription)")
            }
        }
    }

    @Test("exactly the tchar set of RFC 9110 §5.6.2 is accepted in a field name")
    func tokenCharacters() {
        let tchar = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        for byte in UInt8(0x21)..<UInt8(0x7F) where byte != colonByte {
            let bytes = Array("GET / HTTP/1.1\r\nHost: h\r\nX".utf8) + [byte] + Array(": v\r\n\r\n".utf8)
            switch parser.parse(bytes) {
            case .complete: #expect(tchar.contains(byte), "byte \(byte) accepted")
            case .invalid: #expect(!tchar.contains(byte), "byte \(byte) refused")
            case .incomplete: Issue.record("byte \(byte) incomplete")
            }
        }
    }

    @Test("caps: 414, 431 by size and by count, each reported before the head ends")
    func caps() {
        let longLine = Array("GET /\(String(repeating: "a", count: 250))".utf8)
        guard case .invalid(.requestLineTooLong) = parser.parse(longLine) else { return #expect(Bool(false)) }
        let bigHeaders = Array("GET / HTTP/1.1\r\nHost: h\r\nX: \(String(repeating: "v", count: 500))".utf8)
        guard case .invalid(.headersTooLarge) = parser.parse(bigHeaders) else { return #expect(Bool(false)) }
        let many = Array(("GET / HTTP/1.1\r\nHost: h\r\n" + (0..<11).map { "X\($0): v\r\n" }.joined()).utf8)
        guard case .invalid(.tooManyHeaders) = parser.parse(many) else { return #expect(Bool(false)) }
    }

    @Test("status of each parse error", arguments: [
        (HTTPParseError.requestLineTooLong, 414), (.headersTooLarge, 431), (.tooManyHeaders, 431), (.contentTooLarge, 413),
        (.unsupportedVersion("HTTP/2.0"), 505), (.unsupportedTransferCoding("gzip"), 501), (.expectationFailed("x"), 417),
        (.conflictingFraming, 400), (.invalidLineEnding, 400),
    ])
    func statuses(error: HTTPParseError, code: Int) {
        #expect(error.status.code == code)
        #expect(error.makeResponse().headers["Content-Type"] == "application/problem+json")
    }
}
