/// Header fields serialized once (``HTTPHeaders/prepared()``), shared by every response that
/// carries them: the serializer copies `lines` instead of writing each field again.
final class PreparedFields: Sendable {
    let fields: [HTTPHeaders.Field]
    /// The field lines as the serializer writes them: sanitized, framing fields left out.
    let lines: [UInt8]
    let facts: ResponseFieldFacts
    /// The elements of the `Vary` fields, trimmed: ``HTTPHeaders/addVary(_:)`` looks here first.
    let varyElements: [String]

    init(fields: [HTTPHeaders.Field]) {
        self.fields = fields
        lines = ResponseSerializer.fieldLines(fields)
        facts = fields.withUnsafeBufferPointer { ResponseFieldFacts($0) }
        varyElements = fields.filter { HTTPHeaders.namesMatch($0.name, "Vary") }
            .flatMap { $0.value.split(separator: ",").map { String($0.trimmingOWS()) } }
    }

    /// Whether the `Vary` fields list `token` (or `*`).
    func varies(on token: String) -> Bool {
        varyElements.contains { $0 == "*" || HTTPHeaders.namesMatch($0, token) }
    }
}
