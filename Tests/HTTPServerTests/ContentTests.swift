import Foundation
import HTTPServer
import Testing

@Suite("gzip negotiation and static files")
struct ContentTests {
    @Test("gzip when accepted, with Vary; identity when refused with q=0", arguments: [
        ("gzip", true), ("deflate, gzip;q=0.5", true), ("*", true), ("gzip;q=0", false), ("*;q=0", false),
        ("identity", false), ("br, *;q=0.1", true), ("GZIP;Q=1.0", true), ("gzip;q=0.000", false),
    ])
    func gzipNegotiation(acceptEncoding: String, compressed: Bool) throws {
        try withServer { port in
            let client = try TestClient(port: port)
            try client.send("GET /big HTTP/1.1\r\nHost: t\r\nAccept-Encoding: \(acceptEncoding)\r\n\r\n")
            let response = try client.readResponse()
            let expected = Array(String(repeating: "{\"value\":12345},", count: 200).utf8)
            #expect(response.header("Vary") == "Accept-Encoding")
            if compressed {
                #expect(response.header("Content-Encoding") == "gzip")
                #expect(response.body.count < expected.count)
                #expect(try Gzip.decompress(response.body) == expected)
            } else {
                #expect(response.header("Content-Encoding") == nil)
                #expect(response.body == expected)
            }
        }
    }

    @Test("small bodies are not compressed")
    func smallBodyUncompressed() throws {
        try withServer { port in
            let client = try TestClient(port: port)
            try client.send("GET /hello HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.header("Content-Encoding") == nil)
            #expect(response.text == "hello")
        }
    }

    private func makeSite() throws -> (root: String, router: Router) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("static-\(UUID().uuidString)")
        let root = base.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("%2e%2e"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("css"), withIntermediateDirectories: true)
        try Data("<h1>home</h1>".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data("body{}".utf8).write(to: root.appendingPathComponent("css/site.css"))
        try Data("TOP-SECRET-CONTENT".utf8).write(to: base.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("escape.txt").path, withDestinationPath: base.appendingPathComponent("secret.txt").path)
        var router = Router()
        router.get("/*path", StaticFiles(root: root.path).handler)
        return (root.path, router)
    }

    @Test("static files: index, content type, ETag and 304")
    func staticFiles() throws {
        let site = try makeSite()
        try withServer(router: site.router) { port in
            let client = try TestClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            let index = try client.readResponse()
            #expect(index.text == "<h1>home</h1>")
            #expect(index.header("Content-Type") == "text/html; charset=utf-8")
            #expect(index.header("Cache-Control") == "no-cache")
            let tag = try #require(index.header("ETag"))
            try client.send("GET /css/site.css HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().header("Content-Type") == "text/css; charset=utf-8")
            try client.send("GET / HTTP/1.1\r\nHost: t\r\nIf-None-Match: \"other\", \(tag)\r\n\r\n")
            let notModified = try client.readResponse()
            #expect(notModified.status == 304)
            #expect(notModified.body.isEmpty)
            #expect(notModified.header("ETag") == tag)
            #expect(notModified.header("Cache-Control") == "no-cache")
            #expect(notModified.header("Vary") == "Accept-Encoding")
            #expect(notModified.header("Content-Type") == nil)
        }
    }

    @Test("static files: traversal attempts are refused", arguments: [
        ("/../secret.txt", 400), ("/%2e%2e/secret.txt", 400), ("/%2E%2E/secret.txt", 400), ("/css/..%2fsecret.txt", 400),
        ("/%252e%252e/secret.txt", 404), ("/escape.txt", 404), ("/missing.txt", 404), ("/./index.html", 400),
    ])
    func traversal(path: String, status: Int) throws {
        let site = try makeSite()
        try withServer(router: site.router) { port in
            let client = try TestClient(port: port)
            try client.send("GET \(path) HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == status, "\(path)")
            #expect(!response.text.contains("TOP-SECRET-CONTENT"))
        }
    }
}
