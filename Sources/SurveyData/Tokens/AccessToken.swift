import Foundation

/// A bearer token: `bk_<id>_<secret>`, where `id` is the public row id (so a lookup goes by id)
/// and `secret` is 32 bytes from the system's CSPRNG in base64url (RFC 4648 §5, no padding).
/// Only ``sha256`` of the whole text is stored.
public struct AccessToken: Sendable, Equatable {
    public let id: Int
    /// The token as the client sends it. Never log it.
    public let text: String

    static let prefix = "bk_"

    /// A new token for row `id`: 256 bits from `SystemRandomNumberGenerator` (getrandom(2) on
    /// Linux), which the Swift standard library documents as cryptographically secure.
    public static func generate(id: Int) -> AccessToken {
        var generator = SystemRandomNumberGenerator()
        var secret: [UInt8] = []
        secret.reserveCapacity(32)
        for _ in 0..<4 {
            withUnsafeBytes(of: generator.next() as UInt64) { secret.append(contentsOf: $0) }
        }
        let encoded = Data(secret).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return AccessToken(id: id, text: "\(prefix)\(id)_\(encoded)")
    }

    /// The token in `text` if it has the shape `bk_<id>_<43 base64url characters>`.
    public init?(_ text: String) {
        guard text.hasPrefix(Self.prefix) else { return nil }
        let rest = text.dropFirst(Self.prefix.count)
        guard let separator = rest.firstIndex(of: "_"), let id = Int(rest[..<separator]), id > 0 else { return nil }
        let secret = rest[rest.index(after: separator)...]
        guard secret.utf8.count == 43, secret.utf8.allSatisfy(Self.isBase64URL) else { return nil }
        self.id = id
        self.text = text
    }

    private init(id: Int, text: String) {
        self.id = id
        self.text = text
    }

    /// SHA-256 of the whole token, as stored in `tokens.token_sha256`.
    public var sha256: [UInt8] { Digest.sha256(Array(text.utf8)) }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }
}
