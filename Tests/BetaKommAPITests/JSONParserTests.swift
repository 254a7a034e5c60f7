import Survey
import Testing
@testable import BetaKommAPI

@Suite struct JSONParserTests {
    func parse(_ text: String) throws(JSONParser.Failure) -> SubmittedValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func keepsWholeNumbersFractionsBooleansAndNullApart() throws {
        let value = try parse(#" {"a": 12, "b": 12.0, "c": -1e2, "d": true, "e": null, "f": ["x", "\u00f8\n"]} "#)
        #expect(value == .object(["a": .integer(12), "b": .decimal(12), "c": .decimal(-100), "d": .bool(true), "e": .null,
                                  "f": .array([.string("x"), .string("ø\n")])]))
        #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try parse("99999999999999999999") == .decimal(1e20))
    }

    @Test func failuresNameTheLineColumnAndByte() {
        func failure(_ text: String) -> JSONParser.Failure? {
            do { _ = try parse(text); return nil } catch { return error }
        }
        #expect(failure("{\"a\": 1,}")?.offset == 8)
        let second = failure("{\n  \"ø\": tru }")
        #expect(second?.line == 2)
        #expect(second?.column == 8)
        #expect(failure(#"{"a": 1, "a": 2}"#)?.reason == "the member name \"a\" appears twice")
        #expect(failure("[1, 2")?.reason == "expected ',' or ']' in an array")
        #expect(failure("01")?.reason == "unexpected text after the JSON value")
        #expect(failure("\"tab\there\"")?.reason == "a control character must be escaped in a string")
        #expect(failure(#""\ud83d""#)?.reason == "a high surrogate must be followed by a low surrogate")
        #expect(failure("")?.reason == "unexpected end of the body")
        #expect(failure(String(repeating: "[", count: 100))?.reason == "nesting deeper than 64 levels")
        #expect(failure("1.")?.reason == "expected a digit after '.'")
    }

    @Test func invalidUTF8InAStringIsRefused() {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    }
}
