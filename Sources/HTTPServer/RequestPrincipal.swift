/// The caller of a request as an application's middleware resolved it (its role, its token id),
/// kept on ``Request/principal``: one typed value filled once, not a bag of string-keyed
/// attributes. The server itself never reads it.
///
/// A class: the request is copied for the completion hook and the handler, and a reference is
/// one retain where an existential of a value type is copied through its value witnesses.
public protocol RequestPrincipal: AnyObject, Sendable {}
