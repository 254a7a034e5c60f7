/// A connection just accepted: its non-blocking descriptor and the peer's address.
public struct AcceptedSocket: Sendable {
    /// The connected, non-blocking descriptor; the receiver owns it and must close it.
    public let fd: Int32
    /// The peer as `host:port` (IPv6 hosts in brackets).
    public let remoteAddress: String
}
