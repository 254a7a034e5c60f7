/// One log line, rendered as it is built into a byte buffer: logfmt-style text (`key=value`,
/// quoted when needed) or a JSON object, with the same keys either way so that a collector can
/// parse both.
///
/// The access log builds one per response, so the line is written into a raw buffer of its own
/// (a `memcpy` per piece) rather than an `Array`, whose every `append` checks uniqueness and
/// capacity: measured with callgrind, that halved the instructions per access line. Noncopyable,
/// so the buffer has exactly one owner and is freed once.
struct LogLine: ~Copyable {
    let format: ServiceConfiguration.LogFormat
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written so far: the line without its newline (and, in JSON, without the closing brace).
    private var count = 0

    /// Whether `storage` was allocated here (rather than lent by the caller) and is freed here.
    private var ownsStorage = true

    /// A line in a buffer of its own.
    init(format: ServiceConfiguration.LogFormat) {
        self.init(format: format, storage: .allocate(capacity: 256), capacity: 256, owned: true)
    }

    /// A line that starts in `buffer` (the caller's stack memory, say: the access log writes one
    /// line per response, and a `malloc` and `free` each were a tenth of its cost) and moves to a
    /// buffer of its own only if it outgrows it. It must not outlive `buffer`.
    init(format: ServiceConfiguration.LogFormat, in buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.init(format: format, storage: buffer.baseAddress!, capacity: buffer.count, owned: false)
    }

    private init(format: ServiceConfiguration.LogFormat, storage: UnsafeMutablePointer<UInt8>, capacity: Int, owned: Bool) {
        self.format = format
        self.storage = storage
        self.capacity = capacity
        self.ownsStorage = owned
        if format == .json { append(UInt8(ascii: "{")) }
        appendKey(UnsafeBufferPointer(start: StaticString("time").utf8Start, count: 4))
        if format == .json { append(UInt8(ascii: "\"")) }
        LogTimestamp.appendNow(to: &self)
        if format == .json { append(UInt8(ascii: "\"")) }
    }

    deinit {
        if ownsStorage { storage.deallocate() }
    }

    /// A field whose value is text: bare in text format when it is plain, else a quoted JSON string.
    /// Keys are our own snake_case names (nothing to escape), as literals: no string to retain or measure.
    @inline(__always)
    mutating func add(_ key: StaticString, _ value: String) {
        appendKey(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        appendValue(value)
    }

    /// The same for a key known only at run time (an event's own fields).
    mutating func add(field key: String, _ value: String) {
        var key = key
        key.withUTF8 { appendKey($0) }
        appendValue(value)
    }

    @inline(__always)
    mutating func add(_ key: StaticString, _ value: Int) {
        appendKey(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        appendDecimal(value)
    }

    /// Seconds as milliseconds with three decimals, unquoted.
    @inline(__always)
    mutating func add(_ key: StaticString, milliseconds seconds: Double) {
        appendKey(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        appendMilliseconds(seconds)
    }

    /// In text format a plain value (printable ASCII other than space, `"` and `\`, not empty) goes
    /// bare: it is copied, then the copy is checked, and only if that fails rewritten quoted.
    private mutating func appendValue(_ value: String) {
        if format == .text {
            let start = count
            appendUTF8(value)
            var plain = count > start
            var index = start
            while plain && index < count {
                plain = !Self.needsQuoting(storage[index])
                index += 1
            }
            if plain { return }
            count = start
        }
        var quoted: [UInt8] = []
        JSONValue.writeString(value, to: &quoted)
        quoted.withUnsafeBufferPointer { append($0) }
    }

    private static func needsQuoting(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The complete line (without its newline).
    var finished: [UInt8] {
        withFinishedBytes { Array($0) }
    }

    /// Calls `body` with the complete line (without its newline), without copying it.
    func withFinishedBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard format == .json else { return body(UnsafeBufferPointer(start: storage, count: count)) }
        storage[count] = UInt8(ascii: "}")  // capacity always keeps one byte spare for it
        return body(UnsafeBufferPointer(start: storage, count: count + 1))
    }

    /// The separator, the key and what follows it, written after one capacity check: this runs
    /// ten times per access line.
    @inline(__always)
    private mutating func appendKey(_ key: UnsafeBufferPointer<UInt8>) {
        guard let base = key.baseAddress else { return }
        reserve(key.count + 4)
        var position = storage + count
        switch format {
        case .text:
            if count > 0 { position.initialize(to: UInt8(ascii: " ")); position += 1 }
            position.update(from: base, count: key.count)
            position += key.count
            position.initialize(to: UInt8(ascii: "="))
            position += 1
        case .json:
            if count > 1 { position.initialize(to: UInt8(ascii: ",")); position += 1 }
            position.initialize(to: UInt8(ascii: "\""))
            position += 1
            position.update(from: base, count: key.count)
            position += key.count
            position[0] = UInt8(ascii: "\"")
            position[1] = UInt8(ascii: ":")
            position += 2
        }
        count = position - storage
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra >= capacity { grow(toFit: extra) }
    }

    private mutating func grow(toFit extra: Int) {
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity * 2, count + extra + 1))
        grown.update(from: storage, count: count)
        if ownsStorage { storage.deallocate() }
        ownsStorage = true
        storage = grown
        capacity = max(capacity * 2, count + extra + 1)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        reserve(bytes.count)
        (storage + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    /// Copies `text`'s UTF-8 in one block when it is contiguous (native strings are), read in place.
    private mutating func appendUTF8(_ text: String) {
        guard text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil else { return }
        for byte in text.utf8 { append(byte) }
    }

    /// `value` in decimal: digits written backwards into a stack buffer, then appended in one block.
    mutating func appendDecimal(_ value: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var magnitude = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { append(UInt8(ascii: "-")) }
            append(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Seconds as milliseconds with three decimals, without `String(format:)`.
    mutating func appendMilliseconds(_ seconds: Double) {
        let microseconds = max(0, Int((seconds * 1_000_000).rounded()))
        appendDecimal(microseconds / 1000)
        let fraction = microseconds % 1000
        append(UInt8(ascii: "."))
        append(UInt8(ascii: "0") + UInt8(fraction / 100))
        append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10))
        append(UInt8(ascii: "0") + UInt8(fraction % 10))
    }
}
