/// What changed between two answer sets, one entry per question, by JSON pointer
/// (`/answers/<question id>`), in questionnaire order.
public struct AnswerDiff: Sendable, Hashable {
    /// One changed answer.
    public struct Change: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case added, removed, changed
        }

        public let kind: Kind
        public let pointer: String
        public let questionID: String
        /// `nil` for `added`.
        public let old: AnswerValue?
        /// `nil` for `removed`.
        public let new: AnswerValue?
    }

    public let changes: [Change]

    /// The changes from `old` to `new`; questions unknown to `questionnaire` come last, by id.
    public init(from old: [String: AnswerValue], to new: [String: AnswerValue], questionnaire: Questionnaire) {
        let known = questionnaire.questions.map(\.id)
        let others = Set(old.keys).union(new.keys).subtracting(known).sorted()
        changes = (known + others).compactMap { id in
            let pointer = JSONPointer.answer(id)
            switch (old[id], new[id]) {
            case (nil, nil): return nil
            case let (nil, added?): return Change(kind: .added, pointer: pointer, questionID: id, old: nil, new: added)
            case let (removed?, nil): return Change(kind: .removed, pointer: pointer, questionID: id, old: removed, new: nil)
            case let (before?, after?):
                return before == after ? nil : Change(kind: .changed, pointer: pointer, questionID: id, old: before, new: after)
            }
        }
    }

    /// The pointers of the changed answers.
    public var pointers: [String] { changes.map(\.pointer) }
}
