import Foundation

/// The current time as ISO 8601 UTC with milliseconds (`2026-11-29T14:03:07.412Z`), formatted by
/// hand from `clock_gettime` and calendar arithmetic: no formatter object, no locale, safe on any thread.
enum LogTimestamp {
    /// Appends the current time to `line`.
    static func appendNow(to line: inout LogLine) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        withFormatted(seconds: spec.tv_sec, milliseconds: Int(spec.tv_nsec / 1_000_000)) { line.append($0) }
    }

    static func format(seconds: Int, milliseconds: Int) -> String {
        withFormatted(seconds: seconds, milliseconds: milliseconds) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the 24 bytes of the timestamp.
    static func withFormatted<Result>(seconds: Int, milliseconds: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        // 24 fixed-width bytes written into a stack buffer: this runs once per access-log line.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { out in
            // Two digits at a time: `value` is in 0..<100 for every field but the year and the milliseconds.
            @inline(__always) func two(_ value: Int, at offset: Int) {
                out[offset] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10)
                out[offset + 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
            }
            two(year / 100 % 100, at: 0); two(year % 100, at: 2); out[4] = UInt8(ascii: "-")
            two(month, at: 5); out[7] = UInt8(ascii: "-")
            two(day, at: 8); out[10] = UInt8(ascii: "T")
            two(secondOfDay / 3600, at: 11); out[13] = UInt8(ascii: ":")
            two(secondOfDay / 60 % 60, at: 14); out[16] = UInt8(ascii: ":")
            two(secondOfDay % 60, at: 17); out[19] = UInt8(ascii: ".")
            out[20] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: milliseconds / 100)
            two(milliseconds % 100, at: 21); out[23] = UInt8(ascii: "Z")
            return body(UnsafeBufferPointer(out))
        }
    }

    /// The proleptic Gregorian date `days` after 1970-01-01, by arithmetic alone (H. Hinnant's
    /// `civil_from_days`, howardhinnant.github.io/date_algorithms.html): cheaper than `gmtime_r`,
    /// and nothing to lock or cache.
    static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468  // days since 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153  // March = 0
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
