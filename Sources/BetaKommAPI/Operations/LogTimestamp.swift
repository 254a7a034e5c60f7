import Foundation

/// The current time as ISO 8601 UTC with milliseconds (`2026-11-29T14:03:07.412Z`), formatted by
/// hand from `clock_gettime` and `gmtime_r`: no formatter object, no locale, safe on any thread.
enum LogTimestamp {
    /// Appends the current time to `bytes`.
    static func appendNow(to bytes: inout [UInt8]) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        append(seconds: spec.tv_sec, milliseconds: Int(spec.tv_nsec / 1_000_000), to: &bytes)
    }

    static func format(seconds: Int, milliseconds: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(seconds: seconds, milliseconds: milliseconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func append(seconds: Int, milliseconds: Int, to bytes: inout [UInt8]) {
        var time = seconds
        var parts = tm()
        gmtime_r(&time, &parts)
        // Fixed-width fields, written digit by digit without a loop (this runs once per log line).
        func two(_ value: Int) {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10 % 10))
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10))
        }
        func digits(_ value: Int, _ count: Int) {
            switch count {
            case 4: two(value / 100); two(value)
            case 3: bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 100 % 10)); two(value)
            default: two(value)
            }
        }
        digits(Int(parts.tm_year) + 1900, 4); bytes.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2); bytes.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2); bytes.append(UInt8(ascii: "T"))
        digits(Int(parts.tm_hour), 2); bytes.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2); bytes.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), 2); bytes.append(UInt8(ascii: "."))
        digits(milliseconds, 3); bytes.append(UInt8(ascii: "Z"))
    }
}
