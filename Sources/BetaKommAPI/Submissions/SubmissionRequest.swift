import Survey

/// One write of a respondent's answers, as the HTTP layer hands it to ``SubmissionService``.
struct SubmissionRequest: Sendable {
    enum Change: Sendable {
        /// `PUT`: the whole document `{"answers": {…}}`.
        case replace(SubmittedValue)
        /// `PATCH`: an RFC 7396 merge patch applied to the current document.
        case mergePatch(SubmittedValue)

        var action: String {
            switch self {
            case .replace: "put"
            case .mergePatch: "patch"
            }
        }
    }

    /// The request's preconditions (RFC 9110 §13.1).
    enum Precondition: Sendable, Equatable {
        /// `If-Match`: entity tags, or `*`.
        case ifMatch([String])
        /// `If-None-Match: *`: only if there are no answers yet.
        case ifNoneMatchAny
        case none
    }

    var respondentCode: String
    /// The wave named by the request (`?wave=`), if any.
    var wave: Int?
    /// The wave the token was issued for, if it names one.
    var tokenWave: Int?
    /// Staff may write to any wave, open or not (audited); a unit only to an open one.
    var isStaff: Bool
    var change: Change
    var precondition: Precondition
    /// The `Idempotency-Key` header, if sent.
    var idempotencyKey: String?
    /// SHA-256 over method and body, to tell a retry from a different request under the same key.
    var requestDigest: [UInt8]
    /// The token that writes (`nil`: the command line).
    var tokenID: Int?
    /// The peer's address, for the audit log.
    var remoteAddress: String
}
