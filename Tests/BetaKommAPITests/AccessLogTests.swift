import Foundation
import HTTPServer
import Logging
import Synchronization
import Testing
@testable import BetaKommAPI

@Suite struct AccessLogTests {
    @Test func aJSONLineCarriesEveryFieldAndNoSecret() throws {
        let app = try LoggedApplication(flags: [.logFormat: "json"])
        let response = try app.get("/v1/figures/1?access_token=hunter2&wave=2011", headers: [
            ("X-Request-Id", "probe-42.a_b"), ("Authorization", "Bearer sekrit-token-value"),
        ])
        #expect(response.status == 401)  // no token is known yet; the line is written all the same
        let lines = app.accessLines(atLeast: 1)
        let line = try #require(lines.last)
        #expect(!line.contains("hunter2"))
        #expect(!line.contains("sekrit-token-value"))
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(fields["log"] as? String == "access")
        #expect(fields["request_id"] as? String == "probe-42.a_b")
        #expect(fields["method"] as? String == "GET")
        #expect(fields["path"] as? String == "/v1/figures/1?access_token=REDACTED&wave=2011")
        #expect(fields["status"] as? Int == 401)
        #expect((fields["bytes_in"] as? Int ?? 0) > 100)
        #expect(response.isHeadPlusBody(bytes: fields["bytes_out"] as? Int))
        #expect((fields["duration_ms"] as? Double ?? -1) >= 0)
        #expect((fields["client"] as? String ?? "").hasPrefix("127.0.0.1:"))
        let time = try #require(fields["time"] as? String)
        #expect(time.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
    }

    @Test func accessLogOffWritesNoAccessLinesButStillCountsAndLogsEvents() throws {
        let app = try LoggedApplication(flags: [.accessLog: "off"])
        #expect(try app.get("/v1/figures/1").status == 200)
        #expect(try app.get("/v1/nothing-here").status == 404)
        let metrics = try app.get("/metrics")
        #expect(String(decoding: metrics.body, as: UTF8.self).contains("route=\"/v1/figures/:n\""))
        app.application.logs.events.warning("probe event")
        app.application.logs.flush()
        #expect(app.capture.lines.contains { $0.contains("probe event") })
        #expect(!app.capture.lines.contains { $0.contains("log=access") })
        #expect(throws: ConfigurationError.self) { try ServiceConfiguration.resolve(flags: [.accessLog: "sometimes"], environment: [:]) }
    }

    @Test func aTextLineIsKeyValuePairs() throws {
        let app = try LoggedApplication()
        let response = try app.get("/v1/figures/1")
        #expect(response.status == 200)
        let line = try #require(app.accessLines(atLeast: 1).last)
        let pairs = Dictionary(line.split(separator: " ").map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }, uniquingKeysWith: { first, _ in first })
        #expect(pairs["status"] == "200")
        #expect(pairs["method"] == "GET")
        #expect(pairs["path"] == "/v1/figures/1")
        #expect(pairs["request_id"] == response.header("X-Request-Id"))
        #expect(response.isHeadPlusBody(bytes: Int(pairs["bytes_out"] ?? "")))
        #expect(Set(pairs.keys) == ["time", "log", "request_id", "method", "path", "status", "bytes_in", "bytes_out", "duration_ms", "client"])
    }

    @Test func eventsAreFilteredByLevel() throws {
        let capture = LogCapture()
        let writer = LogWriter(label: "test", sink: capture.sink)
        let log = Logger(label: "test") { _ in EventLogHandler(level: .warning, format: .text, writer: writer) }
        log.info("not shown")
        log.warning("shown", metadata: ["database": "/var/lib/x y.sqlite"])
        log.error("also shown", error: CocoaError(.fileNoSuchFile))
        writer.flush()
        #expect(capture.lines.count == 2)
        #expect(capture.lines.first?.contains("level=warning msg=shown source=BetaKommAPITests database=\"/var/lib/x y.sqlite\"") == true)
        #expect(capture.lines.last?.contains("level=error msg=\"also shown\"") == true)
        #expect(capture.lines.last?.contains("error=\"CocoaError: ") == true)
    }

    @Test func theServersAndSocketsLoggerWritesTheEventLogInItsFormat() throws {
        let app = try LoggedApplication(flags: [.logFormat: "json"])
        app.application.server.configuration.logger.error("probe from the server", metadata: ["loop": "http-loop-0"])
        app.application.logs.flush()
        let line = try #require(app.capture.lines.last { $0.contains("probe from the server") })
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(fields["level"] as? String == "error")
        #expect(fields["loop"] as? String == "http-loop-0")
        #expect(fields["time"] is String)
    }

    @Test func redactionDropsOnlySecretLookingValues() {
        #expect(TargetRedaction.redacted("/v1/x?api_key=1&Token=2&password=3&cursor=abc&wave=2011")
            == "/v1/x?api_key=REDACTED&Token=REDACTED&password=REDACTED&cursor=abc&wave=2011")
        #expect(TargetRedaction.redacted("/v1/x?%74oken=abc") == "/v1/x?%74oken=REDACTED")
        #expect(TargetRedaction.redacted("/v1/figures/1") == "/v1/figures/1")
        #expect(TargetRedaction.redacted("/v1/channels?by=size_class&wave=2011") == "/v1/channels?by=size_class&wave=2011")
        #expect(TargetRedaction.redacted("/v1/x?SessionID=7&by=a") == "/v1/x?SessionID=REDACTED&by=a")
        // A secret-looking word in a value alone is kept: only names are matched.
        #expect(TargetRedaction.redacted("/v1/x?q=password") == "/v1/x?q=password")
    }

    @Test func timestampsAreISO8601UTCWithMilliseconds() {
        #expect(LogTimestamp.format(seconds: 0, milliseconds: 7) == "1970-01-01T00:00:00.007Z")
        // 2026-11-29 14:03:07 UTC: 20 786 days after the epoch.
        #expect(LogTimestamp.format(seconds: 20_786 * 86_400 + 14 * 3600 + 3 * 60 + 7, milliseconds: 412) == "2026-11-29T14:03:07.412Z")
        for (seconds, text) in [(0.0002314, "0.231"), (1.5, "1500.000")] {
            var line = LogLine(format: .text)
            line.add("duration_ms", milliseconds: seconds)
            #expect(String(decoding: line.finished, as: UTF8.self).hasSuffix(" duration_ms=" + text))
        }
    }

    @Test func calendarArithmeticAgreesWithTheCLibraryOnEveryDayFrom1900To2200() {
        var mismatches: [Int] = []
        for days in -25_567...84_000 {
            var time = time_t(days * 86_400 + 45_296)  // 12:34:56 of that day
            var parts = tm()
            gmtime_r(&time, &parts)
            let date = LogTimestamp.civilDate(daysSinceEpoch: days)
            if date.year != Int(parts.tm_year) + 1900 || date.month != Int(parts.tm_mon) + 1 || date.day != Int(parts.tm_mday) {
                mismatches.append(days)
            }
        }
        #expect(mismatches.isEmpty, "first mismatching days since 1970: \(mismatches.prefix(5))")
        #expect(LogTimestamp.format(seconds: 951_782_400 + 3_599, milliseconds: 999) == "2000-02-29T00:59:59.999Z")
        #expect(LogTimestamp.format(seconds: -1, milliseconds: 0) == "1969-12-31T23:59:59.000Z")
    }

    @Test func aFullBufferDropsLinesInsteadOfBlocking() {
        let gate = DispatchSemaphore(value: 0)
        let writer = LogWriter(label: "blocked", capacity: 64) { _ in gate.wait() }
        for index in 0..<20 { writer.write("line \(index) of a log that cannot drain") }
        #expect(writer.droppedLines > 0)
        gate.signal(); gate.signal()
    }

    @Test func shardedWritersLoseNoLineAndKeepEachThreadsOrder() {
        let received = Mutex<[UInt8]>([])
        let writer = LogWriter(label: "sharded", batchBytes: 512, shards: 4) { bytes in received.withLock { $0 += bytes } }
        DispatchQueue.concurrentPerform(iterations: 6) { thread in
            for index in 0..<500 { writer.write("thread \(thread) line \(index)") }
        }
        writer.flush()
        let lines = received.withLock { String(decoding: $0, as: UTF8.self) }.split(separator: "\n")
        #expect(lines.count == 6 * 500)
        for thread in 0..<6 {
            let own = lines.filter { $0.hasPrefix("thread \(thread) ") }.map { Int($0.split(separator: " ").last ?? "") ?? -1 }
            #expect(own == Array(0..<500), "thread \(thread)'s lines in the order written")
        }
    }

    @Test func aFullBatchIsWrittenAtOnceAndARemainderByTheTimerOrFlush() {
        let received = Mutex<[String]>([])
        let arrived = DispatchSemaphore(value: 0)
        let writer = LogWriter(label: "batch", drainDelay: .seconds(3600), batchBytes: 100) { bytes in
            received.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) }
            arrived.signal()
        }
        writer.write("short line")
        #expect(arrived.wait(timeout: .now() + 0.2) == .timedOut, "below the batch size, nothing is written before the timer")
        for index in 0..<5 { writer.write("line \(index) of twenty-odd bytes") }
        #expect(arrived.wait(timeout: .now() + 5) == .success, "a full batch is drained without waiting for the timer")
        writer.write("after the batch")
        writer.flush()
        let text = received.withLock { $0.joined() }
        #expect(text == "short line\n" + (0..<5).map { "line \($0) of twenty-odd bytes\n" }.joined() + "after the batch\n")
    }
}

@Suite struct RequestIDTests {
    @Test func aSaneIncomingIdIsEchoed() throws {
        let app = try TestApplication.shared.get()
        let response = try app.get("/v1/figures/1", headers: [("X-Request-Id", "edge-7f3a.1_x")])
        #expect(response.header("X-Request-Id") == "edge-7f3a.1_x")
    }

    @Test(arguments: [nil, String(repeating: "a", count: 129), "has space", "semi;colon", ""])
    func otherwiseOneIsGenerated(incoming: String?) throws {
        let app = try TestApplication.shared.get()
        let response = try app.get("/v1/figures/1", headers: incoming.map { [("X-Request-Id", $0)] } ?? [])
        let id = try #require(response.header("X-Request-Id"))
        #expect(id.wholeMatch(of: /[0-9a-f]{16}/) != nil)
        #expect(id != incoming)
    }

    @Test func generatedIdsDiffer() throws {
        let app = try TestApplication.shared.get()
        let ids = try (0..<5).map { _ in try app.get("/health").header("X-Request-Id") }
        #expect(Set(ids).count == 5)
    }
}

extension TestResponse {
    /// Whether `bytes` can be this response's size on the wire: the body plus a head of at least
    /// a status line and the headers the client saw.
    func isHeadPlusBody(bytes: Int?) -> Bool {
        guard let bytes else { return false }
        let headers = headers.reduce(0) { $0 + $1.0.utf8.count + 2 + $1.1.utf8.count + 2 }
        return bytes >= body.count + headers + "HTTP/1.1 200 \r\n\r\n".utf8.count && bytes <= body.count + headers + 64
    }
}
