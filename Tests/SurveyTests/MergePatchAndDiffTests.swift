import Testing
@testable import Survey

@Suite struct MergePatchAndDiffTests {
    /// The examples of RFC 7396 Appendix A, in this type.
    @Test func rfc7396AppendixA() {
        let cases: [(SubmittedValue, SubmittedValue, SubmittedValue)] = [
            (.object(["a": .string("b")]), .object(["a": .string("c")]), .object(["a": .string("c")])),
            (.object(["a": .string("b")]), .object(["b": .string("c")]), .object(["a": .string("b"), "b": .string("c")])),
            (.object(["a": .string("b")]), .object(["a": .null]), .object([:])),
            (.object(["a": .string("b"), "b": .string("c")]), .object(["a": .null]), .object(["b": .string("c")])),
            (.object(["a": .array([.string("b")])]), .object(["a": .string("c")]), .object(["a": .string("c")])),
            (.object(["a": .string("c")]), .object(["a": .array([.string("b")])]), .object(["a": .array([.string("b")])])),
            (.object(["a": .object(["b": .string("c")])]), .object(["a": .object(["b": .string("d"), "c": .null])]),
             .object(["a": .object(["b": .string("d")])])),
            (.object(["a": .array([.object(["b": .string("c")])])]), .object(["a": .array([.integer(1)])]), .object(["a": .array([.integer(1)])])),
            (.array([.string("a"), .string("b")]), .array([.string("c"), .string("d")]), .array([.string("c"), .string("d")])),
            (.object(["a": .string("b")]), .array([.string("c")]), .array([.string("c")])),
            (.object(["a": .string("foo")]), .null, .null),
            (.object(["a": .string("foo")]), .string("bar"), .string("bar")),
            (.object(["e": .null]), .object(["a": .integer(1)]), .object(["e": .null, "a": .integer(1)])),
            (.array([.integer(1), .integer(2)]), .object(["a": .string("b"), "c": .null]), .object(["a": .string("b")])),
            (.object([:]), .object(["a": .object(["bb": .object(["ccc": .null])])]), .object(["a": .object(["bb": .object([:])])])),
        ]
        for (original, patch, result) in cases {
            #expect(original.mergePatched(with: patch) == result, "\(original) + \(patch)")
        }
    }

    @Test func diffListsAddedRemovedAndChangedInQuestionnaireOrder() {
        let old: [String: AnswerValue] = ["has_strategy": .choice("no"), "channels": .choices(["facebook"]), "facebook_fans": .number(10)]
        let new: [String: AnswerValue] = ["has_strategy": .choice("yes"), "channels": .choices(["facebook"]), "strategy_type": .choice("separate")]
        let diff = AnswerDiff(from: old, to: new, questionnaire: .report2011)
        #expect(diff.changes.map(\.kind) == [.changed, .added, .removed])
        #expect(diff.pointers == ["/answers/has_strategy", "/answers/strategy_type", "/answers/facebook_fans"])
        #expect(diff.changes[0].old == .choice("no") && diff.changes[0].new == .choice("yes"))
        #expect(AnswerDiff(from: old, to: old, questionnaire: .report2011).changes.isEmpty)
    }

    @Test func pointersEscapeTildeAndSlash() {
        #expect(JSONPointer.make(["a/b", "m~n"]) == "/a~1b/m~0n")
        #expect(JSONPointer.tokens("/a~1b/m~0n") == ["a/b", "m~n"])
        #expect(JSONPointer.tokens("/~01") == ["~1"])
    }
}
