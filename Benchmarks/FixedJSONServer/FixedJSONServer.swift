import Foundation
import HTTPServer

/// BetaKomm's side of the HTTP benchmark (Benchmarks/run.sh): serves the bytes of a JSON file at
/// `GET /fixed` and `GET /health` with the HTTPServer library's default configuration, the same
/// contract as the Hummingbird reference server and nginx.
///
/// Usage: `fixed-json-server PORT PATH-TO-fixed.json [--max-connections N] [--idle-timeout SECONDS]
/// [--event-loops N] [--body-timeout SECONDS]` (the first two for the idle-connection test, which
/// holds 10 000 connections open; the third for profiling experiments, run.sh keeps the default of
/// one loop per core; the last for scripts/flood.py's dribbling clients).
@main
struct FixedJSONServer {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 2, let port = UInt16(arguments[0]) else { usage() }
        let body: [UInt8]
        do {
            body = Array(try Data(contentsOf: URL(fileURLWithPath: arguments[1])))
        } catch {
            fail("cannot read \(arguments[1]): \(error)")
        }

        var configuration = ServerConfiguration()
        configuration.port = port
        var options = arguments.dropFirst(2).makeIterator()
        while let option = options.next() {
            guard let value = options.next() else { usage() }
            switch option {
            case "--max-connections":
                guard let count = Int(value), count > 0 else { usage() }
                configuration.maxConnections = count
            case "--event-loops":
                guard let count = Int(value), count > 0 else { usage() }
                configuration.eventLoopCount = count
            case "--idle-timeout":
                guard let seconds = Double(value), seconds > 0 else { usage() }
                configuration.idleTimeout = seconds
            case "--body-timeout":
                guard let seconds = Double(value), seconds > 0 else { usage() }
                configuration.bodyTimeout = seconds
            default:
                usage()
            }
        }

        let response = Response.bytes(body, contentType: "application/json; charset=utf-8")
        var router = Router()
        router.get("/fixed") { _ in response }
        router.get("/health") { _ in response }

        let server = Server(configuration: configuration, router: router)
        do {
            try server.start()
        } catch {
            fail("cannot start on port \(port): \(error)")
        }
        server.installSignalHandlers()
        server.waitUntilStopped()
    }

    private static func usage() -> Never {
        fail("usage: fixed-json-server PORT PATH-TO-fixed.json [--max-connections N] [--idle-timeout SECONDS] [--event-loops N] [--body-timeout SECONDS]")
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(64)
    }
}
