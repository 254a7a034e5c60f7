import Foundation
import Sockets
#if canImport(Glibc)
import Glibc
#endif

/// A connected pair of non-blocking stream sockets, closed when released.
final class SocketPair: Sendable {
    let left: Int32
    let right: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else {
            throw SocketError.current("socketpair")
        }
        left = fds[0]
        right = fds[1]
    }

    deinit {
        Socket.close(left)
        Socket.close(right)
    }

    /// Reads what is there now from `fd` (up to 64 KB).
    static func read(_ fd: Int32) throws -> (ReadOutcome, [UInt8]) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let outcome = try buffer.withUnsafeMutableBytes { try Socket.read(fd, into: $0) }
        if case let .bytes(count) = outcome { return (outcome, Array(buffer[..<count])) }
        return (outcome, [])
    }
}
