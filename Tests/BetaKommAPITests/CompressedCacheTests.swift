import Foundation
import HTTPServer
import Testing
@testable import BetaKommAPI

/// A client that takes gzip gets the cached representation gzip-coded, compressed once per data
/// version and kept beside the identity bytes.
@Suite struct CompressedCacheTests {
    private let gzip = [("Accept-Encoding", "gzip, deflate")]

    @Test func aGzipClientGetsTheSameDocumentCodedWithAWeakTagAndVary() throws {
        let app = try TestApplication()
        let identity = try app.get("/v1/channels?by=size_class")
        let first = try app.get("/v1/channels?by=size_class", headers: gzip)
        let second = try app.get("/v1/channels?by=size_class", headers: gzip)
        for coded in [first, second] {
            #expect(coded.status == 200)
            #expect(coded.header("Content-Encoding") == "gzip")
            #expect(try Gzip.decompress(coded.body) == identity.body)
            #expect(coded.body.count * 4 < identity.body.count)
            #expect(coded.header("ETag") == "W/" + (identity.header("ETag") ?? "?"))
            let vary = coded.headers.filter { $0.0.lowercased() == "vary" }.map(\.1).joined(separator: ", ").lowercased()
            #expect(vary.components(separatedBy: "accept-encoding").count == 2, "Accept-Encoding listed once in \(vary)")
            #expect(vary.contains("origin"))
        }
        #expect(first.body == second.body)
        #expect(identity.header("Content-Encoding") == nil)
        // Both the identity and the coded copy are kept: a second coded request compressed nothing.
        #expect(app.application.store.responses.count >= 2)
        let revalidated = try app.get("/v1/channels?by=size_class", headers: gzip + [("If-None-Match", first.header("ETag") ?? "")])
        #expect(revalidated.status == 304)
        #expect(try app.get("/v1/channels?by=size_class", headers: [("If-None-Match", first.header("ETag") ?? "")]).status == 304)
    }

    @Test func aClientThatRefusesGzipAndASmallBodyGetIdentity() throws {
        let app = try TestApplication()
        let refused = try app.get("/v1/figures/7", headers: [("Accept-Encoding", "gzip;q=0, identity")])
        #expect(refused.header("Content-Encoding") == nil)
        #expect(try JSONSerialization.jsonObject(with: Data(refused.body)) is [String: Any])
        let small = try app.get("/v1/questions/uses_social_media", headers: gzip)
        #expect(small.status == 200)
        try #require(small.body.count < 1024, "a body below the server's gzip threshold")
        #expect(small.header("Content-Encoding") == nil)
    }

    @Test func aNewDataVersionReplacesTheCodedCopy() throws {
        let app = try TestApplication()
        let before = try app.get("/v1/figures/7", headers: gzip)
        try app.application.pool.write { db in
            let answers = try db.scalar(String.self, "SELECT answers FROM answer_sets WHERE respondent_code = '1601' AND wave = 2011") ?? "{}"
            try db.execute("""
                INSERT INTO answer_sets (respondent_code, version, wave, answers, source, created_at)
                VALUES ('1601', 2, 2026, ?, 'submission', '2026-11-29T12:00:00Z')
                """, [answers])
        }
        app.application.store.markStale()
        let after = try app.get("/v1/figures/7", headers: gzip)
        #expect(after.header("Data-Version") != before.header("Data-Version"))
        #expect(after.header("ETag") != before.header("ETag"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(try Gzip.decompress(after.body))) as? [String: Any])
        #expect("\(document["data_version"] ?? "")" == after.header("Data-Version"))
    }
}
