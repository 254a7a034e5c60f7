import Foundation
import Sockets
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Listening on port 0 and accepting")
struct TCPListenerTests {
    @Test func portZeroBindsAFreePortAndAcceptNamesThePeer() throws {
        let listener = try TCPListener(host: "127.0.0.1", port: 0, backlog: 16)
        defer { listener.close() }
        #expect(listener.port != 0)
        #expect(try listener.accept() == nil, "nothing pending: nil, not a block")

        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { Socket.close(client) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = listener.port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        var accepted: AcceptedSocket?
        for _ in 0..<100 where accepted == nil {
            accepted = try listener.accept()
            if accepted == nil { usleep(10_000) }
        }
        let peer = try #require(accepted)
        defer { Socket.close(peer.fd) }
        #expect(peer.remoteAddress.hasPrefix("127.0.0.1:"))
        #expect(try SocketPairRead.nonBlocking(peer.fd), "accepted sockets are non-blocking")
    }

    @Test func aPortInUseAndABadHostAreSocketErrors() throws {
        let first = try TCPListener(host: "127.0.0.1", port: 0, backlog: 1)
        defer { first.close() }
        #expect(throws: SocketError.self) { try TCPListener(host: "not-an-address", port: 0, backlog: 1) }
        do {
            let second = try TCPListener(host: "127.0.0.1", port: first.port, backlog: 1)
            second.close()
            Issue.record("a second listener on the same port")
        } catch {
            #expect(error.call == "bind")
            #expect(error.errno == EADDRINUSE)
        }
    }
}

enum SocketPairRead {
    static func nonBlocking(_ fd: Int32) throws -> Bool {
        fcntl(fd, F_GETFL) & O_NONBLOCK != 0
    }
}
