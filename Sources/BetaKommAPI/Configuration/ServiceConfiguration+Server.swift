import HTTPServer

extension ServiceConfiguration {
    /// The HTTP server's configuration: the one place where service settings become server knobs.
    ///
    /// Handler execution is `.routed`: each route says where it runs when it is registered. Cached
    /// GETs answer in microseconds from the response cache, and the hand-off to a worker costs two
    /// thread wake-ups (docs/http-server.md measured inline ≈ 30 k req/s against ≈ 10–16 k on one
    /// connection), so they stay on the event loop. Everything that writes waits for an fsync: with
    /// `synchronous=FULL` in WAL mode "an additional sync operation of the WAL file happens after
    /// each transaction commit" (sqlite.org/pragma.html#pragma_synchronous), milliseconds on real
    /// disks, during which an inline handler would stall every other connection of its loop. So
    /// the writes, the export (a full scan) and the import (a large transaction) are declared
    /// `runsOn: .worker` and run on ``handlerThreads`` workers, as does `/health`, which opens a
    /// fresh database connection on each call.
    public var serverConfiguration: ServerConfiguration {
        var server = ServerConfiguration()
        server.host = host
        server.port = UInt16(port)
        server.maxBodyBytes = maxBodyBytes
        server.maxHeaderBytes = maxHeaderBytes
        server.headerTimeout = headerTimeout
        server.idleTimeout = idleTimeout
        server.bodyTimeout = bodyTimeout
        server.maxConnections = maxConnections
        server.maxConnectionsPerClient = maxConnectionsPerClient
        server.handlerExecution = .routed(threads: handlerThreads)
        return server
    }
}
