/// When responses are gzip-compressed.
public struct CompressionConfiguration: Sendable {
    /// Default true.
    public var enabled: Bool = true
    /// Smallest body worth compressing. Default 1024 bytes.
    public var minimumBytes: Int = 1024
    /// zlib level 1–9. Default 6.
    public var level: Int32 = 6

    public init() {}
}
