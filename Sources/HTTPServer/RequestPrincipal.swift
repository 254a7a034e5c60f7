/// The caller of a request as an application's middleware resolved it (its role, its token id),
/// kept on ``Request/principal``: one typed value filled once, not a bag of string-keyed
/// attributes. The server itself never reads it.
public protocol RequestPrincipal: Sendable {}
