import Sockets

/// One event loop's share of the server: its connections and the buffers they borrow.
/// Touched only on its loop's thread (hence `@unchecked Sendable` to be captured by loop tasks).
final class LoopContext: @unchecked Sendable {
    let loop: EventLoop
    let server: ServerContext
    let dateCache = HTTPDateCache()
    /// Every read lands here first; only bytes left over after parsing are copied into a
    /// connection's own buffer, so idle connections hold no buffers at all.
    var readScratch = [UInt8](repeating: 0, count: 64 * 1024)
    /// Responses are serialized here and sent at once; only an unsent remainder is copied to the connection.
    var writeScratch: [UInt8] = []
    private var connections: [Int32: HTTPConnection] = [:]

    init(loop: EventLoop, server: ServerContext) {
        self.loop = loop
        self.server = server
        writeScratch.reserveCapacity(64 * 1024)
        loop.onTick = { [unowned self] now in tick(now) }
    }

    /// Takes over an accepted socket. Loop thread only.
    func adopt(_ socket: AcceptedSocket, client: String) {
        let connection = HTTPConnection(fd: socket.fd, remoteAddress: socket.remoteAddress, client: client, context: self)
        do {
            try loop.register(socket.fd, events: .readable, handler: connection)
            connections[socket.fd] = connection
        } catch {
            Socket.close(socket.fd)
            server.clients.release(client)
            server.metrics.connectionClosed()
        }
    }

    func remove(_ connection: HTTPConnection) {
        connections[connection.fd] = nil
    }

    /// Closes connections that are idle now; the others close after their current response.
    func beginDrain() {
        for connection in Array(connections.values) { connection.closeIfIdle() }
    }

    func closeAll() {
        for connection in Array(connections.values) { connection.close() }
    }

    private func tick(_ now: UInt64) {
        let draining = server.draining
        for connection in Array(connections.values) {
            if draining { connection.closeIfIdle() }
            connection.checkDeadline(now)
        }
    }
}
