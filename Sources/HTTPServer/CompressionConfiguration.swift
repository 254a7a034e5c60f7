/// When responses are gzip-compressed.
public struct CompressionConfiguration: Sendable {
    /// Default true.
    public var enabled: Bool = true
    /// Smallest body worth compressing. Default 1024 bytes.
    public var minimumBytes: Int = 1024
    /// zlib level 1–9. Default 6.
    public var level: Int32 = 6

    public init() {}

    /// Whether the server compresses a body of `byteCount` bytes of type `contentType` for a
    /// client that takes gzip, and so sends `Vary: Accept-Encoding` with it.
    public func compresses(byteCount: Int, contentType: String) -> Bool {
        enabled && byteCount >= minimumBytes && ResponseCompression.isCompressible(contentType)
    }
}
