/// The `Server-Timing` field value (W3C Server Timing: `metric;dur=<milliseconds>`).
enum ServerTiming {
    /// `app;dur=<ms>` with exactly three decimals, e.g. `app;dur=0.042`. Written byte by byte
    /// rather than with a formatter: it runs on every response, and up to 15 bytes (a duration
    /// below 10 s) fit a small string, so there is no allocation either.
    static func value(nanoseconds: UInt64) -> String {
        let microseconds = (nanoseconds + 500) / 1_000
        let milliseconds = microseconds / 1_000
        let fraction = microseconds % 1_000
        var integerDigits = 1
        var rest = milliseconds / 10
        while rest > 0 {
            integerDigits += 1
            rest /= 10
        }
        let prefix: StaticString = "app;dur="
        let length = prefix.utf8CodeUnitCount + integerDigits + 4
        return String(unsafeUninitializedCapacity: length) { buffer in
            for index in 0..<prefix.utf8CodeUnitCount { buffer[index] = prefix.utf8Start[index] }
            var position = prefix.utf8CodeUnitCount + integerDigits - 1
            var value = milliseconds
            repeat {
                buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
                position -= 1
            } while value > 0
            let point = prefix.utf8CodeUnitCount + integerDigits
            buffer[point] = UInt8(ascii: ".")
            buffer[point + 1] = UInt8(ascii: "0") + UInt8(fraction / 100)
            buffer[point + 2] = UInt8(ascii: "0") + UInt8(fraction / 10 % 10)
            buffer[point + 3] = UInt8(ascii: "0") + UInt8(fraction % 10)
            return length
        }
    }
}
