@testable import HTTPServer
import Testing

@Suite("Response serialization: the head written in one pass")
struct ResponseSerializerTests {
    private func serialize(_ response: Response, omitBody: Bool = false, keepAlive: Bool = true, announceKeepAlive: Bool = false) -> String {
        var out = Array("earlier response".utf8)
        let written = ResponseSerializer.serialize(
            response, omitBody: omitBody, keepAlive: keepAlive, announceKeepAlive: announceKeepAlive,
            date: Array("Sun, 29 Nov 2026 14:03:07 GMT".utf8), into: &out
        )
        #expect(written == out.count - "earlier response".utf8.count)
        return String(decoding: out.dropFirst("earlier response".utf8.count), as: UTF8.self)
    }

    @Test func headFieldsInOrderThenFramingThenBody() {
        let response = Response(status: .ok, headers: ["ETag": "\"7\"", "Content-Type": "application/json", "Vary": "Origin"], body: Array("{}".utf8))
        #expect(serialize(response) == "HTTP/1.1 200 OK\r\nETag: \"7\"\r\nContent-Type: application/json\r\nVary: Origin\r\n"
            + "Content-Length: 2\r\nDate: Sun, 29 Nov 2026 14:03:07 GMT\r\n\r\n{}")
    }

    @Test func framingFieldsOfTheHandlerAreDroppedAndConnectionIsTheServers() {
        let response = Response(status: .ok, headers: ["content-length": "999", "Transfer-Encoding": "chunked", "Date": "yesterday", "Connection": "upgrade"], body: Array("hello".utf8))
        #expect(serialize(response, keepAlive: false) == "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 5\r\n"
            + "Date: Sun, 29 Nov 2026 14:03:07 GMT\r\nConnection: close\r\n\r\nhello")
        #expect(serialize(Response(status: .ok), announceKeepAlive: true).contains("Content-Type: text/plain; charset=utf-8\r\nContent-Length: 0\r\n"))
        #expect(serialize(Response(status: .ok), announceKeepAlive: true).hasSuffix("Connection: keep-alive\r\n\r\n"))
    }

    @Test func lineBreaksAndNULInAValueCannotSplitTheResponse() {
        let response = Response(status: .ok, headers: ["X-Note": "a\r\nSet-Cookie: evil=1\u{0}"], body: [])
        let text = serialize(response)
        #expect(text.contains("X-Note: a  Set-Cookie: evil=1 \r\n"))
        #expect(!text.contains("\r\nSet-Cookie"))
    }

    @Test func headAndNoContentStatusesSendNoBody() {
        let response = Response(status: .ok, headers: ["Content-Type": "application/json"], body: Array("{\"a\":1}".utf8))
        #expect(serialize(response, omitBody: true).hasSuffix("Content-Length: 7\r\nDate: Sun, 29 Nov 2026 14:03:07 GMT\r\n\r\n"))
        let noContent = serialize(Response(status: .noContent, headers: ["Allow": "GET"]))
        #expect(noContent == "HTTP/1.1 204 No Content\r\nAllow: GET\r\nDate: Sun, 29 Nov 2026 14:03:07 GMT\r\n\r\n")
        #expect(serialize(Response(status: HTTPStatus(code: 1234567, reasonPhrase: "Odd"))).hasPrefix("HTTP/1.1 1234567 Odd\r\n"))
    }
}
