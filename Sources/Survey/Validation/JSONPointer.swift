/// RFC 6901 JSON pointers, as used in validation problems and diffs (`/answers/channels/1`).
public enum JSONPointer {
    /// A pointer from reference tokens, each escaped (`~` as `~0`, `/` as `~1`, RFC 6901 §3).
    public static func make(_ tokens: [String]) -> String {
        tokens.map { "/" + escape($0) }.joined()
    }

    /// `/answers/<question>` with an optional array index.
    public static func answer(_ question: String, index: Int? = nil) -> String {
        make(["answers", question] + (index.map { [String($0)] } ?? []))
    }

    /// Escapes one reference token; `~` first, so an escaped `/` is not escaped twice (§4's reverse order).
    public static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The unescaped reference tokens of a pointer (`""` is the whole document: no tokens).
    public static func tokens(_ pointer: String) -> [String] {
        guard pointer.hasPrefix("/") else { return [] }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }
}
