import CEpoll

/// Readiness reported (or requested) for a descriptor on an ``EventLoop``.
public struct IOEvents: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Data (or end-of-stream, or a pending connection) can be read.
    public static let readable = IOEvents(rawValue: CEPOLL_IN)
    /// The send buffer has room.
    public static let writable = IOEvents(rawValue: CEPOLL_OUT)
    /// The peer hung up or the socket has an error; always reported, never needs requesting.
    public static let hangup = IOEvents(rawValue: CEPOLL_HUP | CEPOLL_ERR | CEPOLL_RDHUP)
    /// The peer closed its sending side (`EPOLLRDHUP`); reported only while watched, and level-triggered.
    public static let peerClosedWriting = IOEvents(rawValue: CEPOLL_RDHUP)
    /// The connection is gone or failed (`EPOLLHUP`, `EPOLLERR`); always reported by epoll.
    public static let failure = IOEvents(rawValue: CEPOLL_HUP | CEPOLL_ERR)
}
