import Foundation
import Logging
import Sockets

/// Accepts connections on the first event loop and deals them out round-robin to all loops.
///
/// One listening socket, one acceptor: connections spread evenly even when there are only a few
/// (SO_REUSEPORT hashes the 4-tuple, so two connections may land on the same loop), there is one
/// accept queue, so closing it at shutdown resets nobody queued on a sibling listener, and port 0
/// needs no second bind. Accepting is cheap next to serving, so one thread doing it is no bottleneck.
final class Acceptor: EventLoopHandler {
    private let listener: TCPListener
    private let loops: [LoopContext]
    private let home: LoopContext
    private var next = 0
    private var closed = false

    private static let busyResponse = Array((
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\nContent-Length: 103\r\n"
            + "Connection: close\r\nRetry-After: 1\r\n\r\n"
            + #"{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"Too many open connections."}"#
    ).utf8)

    private static let clientBusyResponse: [UInt8] = {
        let body = #"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"Too many open connections from this address."}"#
        return Array((
            "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/problem+json\r\nContent-Length: \(body.utf8.count)\r\n"
                + "Connection: close\r\nRetry-After: 1\r\n\r\n" + body
        ).utf8)
    }()

    init(listener: TCPListener, loops: [LoopContext]) {
        self.listener = listener
        self.loops = loops
        self.home = loops[0]
    }

    func handle(_ events: IOEvents) {
        let server = home.server
        // A bounded batch, so that accepting never starves the connections of this loop.
        for _ in 0..<64 where !closed {
            let socket: AcceptedSocket
            do {
                guard let accepted = try listener.accept() else { return }
                socket = accepted
            } catch {
                server.configuration.logger.error("accept failed", error: error)
                return
            }
            guard server.metrics.admitConnection(limit: server.configuration.maxConnections) else {
                _ = try? Socket.send(socket.fd, Self.busyResponse[...])
                Socket.close(socket.fd)
                continue
            }
            let client = ClientConnectionCounts.client(of: socket.remoteAddress)
            guard server.clients.admit(client, limit: server.configuration.maxConnectionsPerClient) else {
                server.metrics.clientConnectionRejected()
                _ = try? Socket.send(socket.fd, Self.clientBusyResponse[...])
                Socket.close(socket.fd)
                continue
            }
            let target = loops[next % loops.count]
            next &+= 1
            if target === home {
                target.adopt(socket, client: client)
            } else {
                target.loop.execute { target.adopt(socket, client: client) }
            }
        }
    }

    /// Stops accepting and closes the listening socket. Loop thread only.
    func close() {
        guard !closed else { return }
        closed = true
        home.loop.deregister(listener.fd)
        listener.close()
    }
}
