extension SubmittedValue {
    /// Applies `patch` to `self` as a JSON Merge Patch (RFC 7396 §2): a patch that is not an
    /// object replaces the target; an object patch sets each member recursively, and a member
    /// whose value is `null` removes that member from the target.
    public func mergePatched(with patch: SubmittedValue) -> SubmittedValue {
        guard case let .object(patchMembers) = patch else { return patch }
        // RFC 7396 §2: "If Target is not an Object: Target = {}".
        var target = objectMembers ?? [:]
        for (name, value) in patchMembers {
            if value == .null {
                target[name] = nil
            } else {
                target[name] = (target[name] ?? .null).mergePatched(with: value)
            }
        }
        return .object(target)
    }
}
