#if canImport(Glibc)
import Glibc
#endif

/// A failed system call on a socket, an epoll instance or an eventfd: the call's name and its `errno`.
public struct SocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The system call that failed, e.g. `"bind"`.
    public let call: String
    /// The `errno` the call left behind.
    public let errno: Int32

    public init(call: String, errno: Int32) {
        self.call = call
        self.errno = errno
    }

    /// The error for `call` with the calling thread's current `errno`.
    public static func current(_ call: String) -> SocketError {
        SocketError(call: call, errno: Glibc.errno)
    }

    public var description: String {
        guard let message = strerror(errno) else { return "\(call) failed (errno \(errno))" }
        return "\(call) failed: \(String(validatingCString: message) ?? "unknown error") (errno \(errno))"
    }
}
