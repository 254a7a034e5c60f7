import Foundation
import Testing
@testable import BetaKommAPI

@Suite struct LogLineTests {
    private func fields(_ format: ServiceConfiguration.LogFormat) -> String {
        var line = LogLine(format: format)
        line.add("msg", "two words \"quoted\"")
        line.add("path", "/v1/channels?by=size_class")
        line.add("empty", "")
        line.add("status", 200)
        line.add("offset", -17)
        line.add("duration_ms", milliseconds: 0.0012344)
        return String(decoding: line.finished, as: UTF8.self)
    }

    @Test func textQuotesOnlyWhatNeedsIt() throws {
        let line = fields(.text)
        let time = try #require(line.firstMatch(of: #/^time=(\S+) /#)?.1)
        #expect(time.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
        #expect(line.hasSuffix(#" msg="two words \"quoted\"" path=/v1/channels?by=size_class empty="" status=200 offset=-17 duration_ms=1.234"#))
    }

    @Test func jsonIsOneParsableObjectWithTypedValues() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(fields(.json).utf8)) as? [String: Any])
        #expect(object["msg"] as? String == "two words \"quoted\"")
        #expect(object["path"] as? String == "/v1/channels?by=size_class")
        #expect(object["empty"] as? String == "")
        #expect(object["status"] as? Int == 200)
        #expect(object["offset"] as? Int == -17)
        #expect(object["duration_ms"] as? Double == 1.234)
        #expect(object["time"] is String)
        #expect(object.count == 7)
    }

    @Test func decimalsOfEveryLength() {
        for value in [0, 7, 10, 99, 100, 123_456_789, Int.max, Int.min + 1] {
            var line = LogLine(format: .text)
            line.appendDecimal(value)
            #expect(String(decoding: line.finished, as: UTF8.self).hasSuffix("Z" + String(value)))
        }
    }

    @Test func aLineInALentBufferMovesToItsOwnWhenItOutgrowsIt() {
        for format in [ServiceConfiguration.LogFormat.text, .json] {
            let long = String(repeating: "x", count: 300)
            let text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
                var line = LogLine(format: format, in: buffer)
                line.add("a", 1)
                line.add("long", long)
                line.add("b", 2)
                return String(decoding: line.finished, as: UTF8.self)
            }
            #expect(text.contains(format == .text ? "a=1 long=\(long) b=2" : #""a":1,"long":"\#(long)","b":2}"#), "\(format)")
        }
    }
}
