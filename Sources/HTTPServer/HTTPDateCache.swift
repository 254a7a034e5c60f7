#if canImport(Glibc)
import Glibc
#endif

/// The `Date` header value (IMF-fixdate, RFC 9110 §5.6.7), formatted at most once per second and
/// without Foundation: a response reuses the cached bytes. One per event loop; not thread-safe.
final class HTTPDateCache {
    private var second: time_t = -1
    private(set) var bytes: [UInt8] = []

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].map { Array($0.utf8) }
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map { Array($0.utf8) }

    /// The current date's bytes, reformatted only when the second has changed.
    func current() -> [UInt8] {
        let now = time(nil)
        if now != second {
            second = now
            bytes = Self.format(now)
        }
        return bytes
    }

    static func format(_ seconds: time_t) -> [UInt8] {
        var value = seconds
        var parts = tm()
        gmtime_r(&value, &parts)
        var out: [UInt8] = []
        out.reserveCapacity(29)
        out += days[Int(parts.tm_wday)]
        out += Array(", ".utf8)
        appendTwoDigits(Int(parts.tm_mday), to: &out)
        out.append(ASCII.space)
        out += months[Int(parts.tm_mon)]
        out.append(ASCII.space)
        let year = Int(parts.tm_year) + 1900
        appendTwoDigits(year / 100, to: &out)
        appendTwoDigits(year % 100, to: &out)
        out.append(ASCII.space)
        appendTwoDigits(Int(parts.tm_hour), to: &out)
        out.append(ASCII.colon)
        appendTwoDigits(Int(parts.tm_min), to: &out)
        out.append(ASCII.colon)
        appendTwoDigits(Int(parts.tm_sec), to: &out)
        out += Array(" GMT".utf8)
        return out
    }

    private static func appendTwoDigits(_ value: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "0") + UInt8(value / 10 % 10))
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
