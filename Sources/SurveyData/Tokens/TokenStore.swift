import Foundation
import Storage
import Survey

/// Issues, lists, revokes and resolves bearer tokens kept hashed in the `tokens` table (0010),
/// for the server's ``Role`` lookup and `betakomm token`.
public struct TokenStore: Sendable {
    let pool: DatabasePool
    /// `last_used_at` is written at most this often per token, so authenticated reads do not
    /// each become a write (a write takes the one writer lock and an fsync).
    static let lastUsedResolutionSeconds: TimeInterval = 60
    /// `last_used_at` is bookkeeping, written here off the request path and best effort: behind
    /// an import's long transaction, or on a full disk, an authenticated read must neither wait
    /// for the writer lock nor fail.
    private static let bookkeeping = DispatchQueue(label: "betakomm.tokens.last-used", qos: .utility)

    public init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Creates a token for a respondent (`respondentCode`) or for staff (`nil`) and returns it;
    /// this is the only time its text exists outside the client. A respondent's token may name
    /// the wave it answers; the unit must then be on that wave's map (1601 is refused for the
    /// 2026 wave, with its successor 5001 named).
    public func issue(respondentCode: String?, wave: Int? = nil, name: String) throws -> AccessToken {
        try pool.write { db in
            if let respondentCode {
                guard try RespondentRepository.exists(db, code: respondentCode) else { throw TokenError.unknownRespondent(respondentCode) }
                if let wave {
                    guard let found = try WaveRepository.find(db, id: wave) else { throw WaveError.unknownWave(wave) }
                    try WaveTarget.requireUnit(db, code: respondentCode, onMapOf: found)
                }
            }
            // The id is part of the token and the hash covers the whole token, so reserve the
            // row first and fill in the digest once the id is known.
            let id = try TokenRepository.reserve(db, respondentCode: respondentCode, wave: respondentCode == nil ? nil : wave, name: name,
                                                 createdAt: Timestamp.now())
            let token = AccessToken.generate(id: id)
            try TokenRepository.setDigest(db, id: id, digest: token.sha256)
            return token
        }
    }

    /// Every token, oldest first.
    public func list() throws -> [TokenRecord] {
        try pool.read { try TokenRepository.all($0) }
    }

    /// Revokes a token: from now on it gets 401.
    public func revoke(id: Int) throws {
        try pool.write { db in
            guard let credentials = try TokenRepository.credentials(db, id: id) else { throw TokenError.unknownToken(id) }
            guard credentials.revokedAt == nil else { throw TokenError.alreadyRevoked(id) }
            try TokenRepository.revoke(db, id: id, at: Timestamp.now())
        }
    }

    /// The role a token grants, or `nil` for a malformed, unknown or revoked token.
    /// The stored digest is compared in constant time.
    public func resolve(_ text: String) throws -> Role? {
        guard let token = AccessToken(text) else { return nil }
        guard let credentials = try pool.read({ try TokenRepository.credentials($0, id: token.id) }) else { return nil }
        guard Digest.constantTimeEqual(credentials.digest, token.sha256), credentials.revokedAt == nil else { return nil }
        let lastUsed = credentials.lastUsedAt.flatMap(Timestamp.date(from:))
        if lastUsed.map({ Date().timeIntervalSince($0) >= Self.lastUsedResolutionSeconds }) ?? true {
            let pool = pool, id = token.id, at = Timestamp.now()
            // Yields after 100 ms to another process's write lock: a request's own write must not
            // queue behind this for the whole busy timeout. A write given up leaves last_used_at
            // as it was, so a later use tries again.
            Self.bookkeeping.async { try? pool.yieldingWrite(busyTimeoutMilliseconds: 100) { try TokenRepository.markUsed($0, id: id, at: at) } }
        }
        if let code = credentials.respondentCode { return .respondent(code: code, wave: credentials.wave) }
        return .staff
    }
}
