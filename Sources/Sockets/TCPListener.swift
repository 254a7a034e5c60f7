#if canImport(Glibc)
import Glibc
#endif
import CEpoll

/// A non-blocking listening TCP socket.
///
/// Holds one spare descriptor in reserve: when `accept` fails with `EMFILE`/`ENFILE` (out of
/// descriptors) the pending connection would keep the listener readable and spin the event loop,
/// so the listener frees the spare, accepts the connection, closes it at once and re-reserves.
public final class TCPListener: @unchecked Sendable {
    /// The listening descriptor.
    public let fd: Int32
    /// The port actually bound (useful when asked for port 0).
    public let port: UInt16
    private var spareFD: Int32

    /// Binds `host:port` (numeric IPv4 or IPv6 address; port 0 picks a free port) and listens.
    public init(host: String, port: UInt16, backlog: Int32) throws(SocketError) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV
        var info: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &info)
        guard status == 0, let address = info else {
            throw SocketError(call: "getaddrinfo(\(host))", errno: status == EAI_SYSTEM ? Glibc.errno : EINVAL)
        }
        defer { freeaddrinfo(info) }

        let fd = socket(address.pointee.ai_family, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .current("socket") }
        do throws(SocketError) {
            try Socket.setOption(fd, level: SOL_SOCKET, name: SO_REUSEADDR, value: 1, call: "setsockopt(SO_REUSEADDR)")
            guard bind(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else { throw .current("bind") }
            guard listen(fd, backlog) == 0 else { throw .current("listen") }
            self.port = try Self.boundPort(fd)
        } catch {
            Socket.close(fd)
            throw error
        }
        self.fd = fd
        self.spareFD = open("/dev/null", O_RDONLY | O_CLOEXEC)
    }

    /// Accepts one pending connection (non-blocking, close-on-exec), or returns `nil` when none is pending.
    public func accept() throws(SocketError) -> AcceptedSocket? {
        while true {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let client = withUnsafeMutablePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                    cepoll_accept(fd, address, &length)
                }
            }
            if client >= 0 {
                return AcceptedSocket(fd: client, remoteAddress: SocketAddressFormatter.format(&storage))
            }
            switch errno {
            case EINTR, ECONNABORTED, EPROTO: continue
            case EAGAIN, EWOULDBLOCK: return nil
            case EMFILE, ENFILE:
                shedOneConnection()
                throw .current("accept4")
            default: throw .current("accept4")
            }
        }
    }

    /// Closes the listening socket; connections already accepted are unaffected.
    public func close() {
        Socket.close(fd)
        if spareFD >= 0 { Socket.close(spareFD) }
        spareFD = -1
    }

    private func shedOneConnection() {
        guard spareFD >= 0 else { return }
        Socket.close(spareFD)
        let client = cepoll_accept(fd, nil, nil)
        if client >= 0 { Socket.close(client) }
        spareFD = open("/dev/null", O_RDONLY | O_CLOEXEC)
    }

    private static func boundPort(_ fd: Int32) throws(SocketError) -> UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard status == 0 else { throw .current("getsockname") }
        return SocketAddressFormatter.port(&storage)
    }
}
