@testable import HTTPServer
import Testing

/// Prepared headers (a stored response's fields serialized once) behave as the same fields
/// unprepared: lookups, additions, replacements, the bytes on the wire and the server's decisions.
@Suite("Prepared headers")
struct PreparedHeadersTests {
    private let stored: HTTPHeaders = ["ETag": "\"7\"", "Content-Type": "application/json", "Vary": "Origin", "Content-Length": "1"]

    private func wire(_ headers: HTTPHeaders) -> String {
        var out: [UInt8] = []
        ResponseSerializer.serialize(
            Response(status: .ok, headers: headers, body: Array("{}".utf8)), omitBody: false, keepAlive: true,
            announceKeepAlive: false, date: Array("Sun, 29 Nov 2026 14:03:07 GMT".utf8), into: &out
        )
        return String(decoding: out, as: UTF8.self)
    }

    @Test func lookupsAndOrderSeePreparedFieldsFirstThenAddedOnes() {
        var headers = stored.prepared()
        headers.add("X-Request-Id", "abc")
        headers.add("vary", "Accept-Encoding")
        #expect(headers.preparedFields != nil)
        #expect(headers["etag"] == "\"7\"" && headers["X-Request-Id"] == "abc")
        #expect(headers.values(for: "Vary") == ["Origin", "Accept-Encoding"])
        #expect(headers.count == 6 && headers.contains("content-type") && !headers.contains("Date"))
        #expect(headers.map(\.name) == ["ETag", "Content-Type", "Vary", "Content-Length", "X-Request-Id", "vary"])
    }

    @Test func replacingOrRemovingAPreparedFieldChangesOnlyThatCopy() {
        let shared = stored.prepared()
        var weak = shared
        weak.set("ETag", "W/\"7\"")
        var bare = shared
        bare.remove("Content-Type")
        #expect(weak["ETag"] == "W/\"7\"" && weak.values(for: "ETag").count == 1 && weak.preparedFields == nil)
        #expect(weak.map(\.name) == ["ETag", "Content-Type", "Vary", "Content-Length"])
        #expect(bare["Content-Type"] == nil && bare.count == 3)
        #expect(shared["ETag"] == "\"7\"" && shared["Content-Type"] == "application/json" && shared.preparedFields != nil)
        var added = shared
        added.set("X-Other", "1")
        #expect(added.preparedFields != nil, "a field of another name leaves the prepared ones prepared")
    }

    @Test func theWireBytesAreThoseOfTheSameFieldsUnprepared() {
        var prepared = stored.prepared()
        var plain = stored
        prepared.add("X-Request-Id", "abc")
        plain.add("X-Request-Id", "abc")
        #expect(wire(prepared) == wire(plain))
        #expect(wire(prepared).hasPrefix("HTTP/1.1 200 OK\r\nETag: \"7\"\r\nContent-Type: application/json\r\nVary: Origin\r\nX-Request-Id: abc\r\nContent-Length: 2\r\n"))
        let split: HTTPHeaders = ["X-Note": "a\r\nSet-Cookie: evil=1"]
        #expect(!wire(split.prepared()).contains("\r\nSet-Cookie"))
    }

    @Test func addVaryListsATokenOnceWhereverItIsAlready() {
        var listed = stored.prepared()
        listed.addVary("origin")
        #expect(listed.values(for: "Vary") == ["Origin"])
        listed.addVary("Accept-Encoding")
        listed.addVary("Accept-Encoding")
        #expect(listed.values(for: "Vary") == ["Origin", "Accept-Encoding"])
        var star: HTTPHeaders = ["Vary": "*"]
        star.addVary("Origin")
        #expect(star.values(for: "Vary") == ["*"])
    }

    @Test func theServersQuestionsHaveTheSameAnswersPreparedOrNot() {
        let cases: [HTTPHeaders] = [
            ["Content-Type": "application/json"],
            ["content-type": "image/png", "Content-Type": "text/plain"],
            ["Content-Type": "text/csv", "Content-Encoding": "gzip", "Vary": "Origin,  accept-encoding"],
            ["Connection": "upgrade, Close", "Vary": "*"],
            [:],
        ]
        for headers in cases {
            for facts in [headers.responseFacts, headers.prepared().responseFacts] {
                #expect(facts.contentType == headers["Content-Type"])
                #expect(facts.isCompressibleType == (headers["Content-Type"].map(ResponseCompression.isCompressible) ?? false))
                #expect(facts.isEncoded == headers.contains("Content-Encoding"))
                #expect(facts.variesOnAcceptEncoding == headers.tokens(for: "Vary").contains { $0 == "accept-encoding" || $0 == "*" })
                #expect(facts.asksToClose == headers.tokens(for: "Connection").contains("close"))
            }
        }
        var split: HTTPHeaders = ["Content-Type": "text/plain"]
        split = split.prepared()
        split.add("Content-Encoding", "br")
        split.add("Connection", "close")
        #expect(split.responseFacts.isEncoded && split.responseFacts.asksToClose && split.responseFacts.contentType == "text/plain")
    }

    @Test func overTheWireAPreparedResponseIsCompressedAndClosedAsAnyOther() throws {
        let big = Array(String(repeating: "{\"value\":1},", count: 200).utf8)
        let json: HTTPHeaders = ["Content-Type": "application/json"]
        let closing: HTTPHeaders = ["Connection": "close"]
        let preparedJSON = json.prepared(), preparedClosing = closing.prepared()
        var router = Router()
        router.get("/json") { _ in Response(status: .ok, headers: preparedJSON, body: big) }
        router.get("/close") { _ in Response(status: .ok, headers: preparedClosing, body: Array("bye".utf8)) }
        try withServer(router: router) { port in
            let client = try TestClient(port: port)
            try client.send("GET /json HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n")
            let compressed = try client.readResponse()
            #expect(compressed.header("Content-Encoding") == "gzip" && compressed.headers(named: "Vary") == ["Accept-Encoding"])
            #expect(try Gzip.decompress(compressed.body) == big)
            try client.send("GET /close HTTP/1.1\r\nHost: t\r\n\r\n")
            let closed = try client.readResponse()
            #expect(closed.header("Connection") == "close" && closed.text == "bye")
            #expect(try client.readToEnd().isEmpty, "the server closed after it")
        }
    }
}
