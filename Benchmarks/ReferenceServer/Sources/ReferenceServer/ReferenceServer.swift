import Foundation
import Hummingbird

/// Serves the benchmark's fixed JSON bytes at `GET /fixed` and `GET /health` with Hummingbird 2's
/// default configuration (one event loop per core), the same contract as BetaKomm's
/// `fixed-json-server` and the nginx static file.
///
/// Usage: `ReferenceServer PORT PATH-TO-fixed.json`
@main
struct ReferenceServer {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 3, let port = Int(arguments[1]) else {
            FileHandle.standardError.write(Data("usage: ReferenceServer PORT PATH-TO-fixed.json\n".utf8))
            exit(64)
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: arguments[2]))
        let body = ByteBuffer(bytes: bytes)

        let router = Router()
        router.get("/fixed") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: body)
            )
        }
        router.get("/health") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: body)
            )
        }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "ReferenceServer")
        )
        try await app.runService()
    }
}
