/// Writes a response's head and body into one byte buffer, so that it leaves in a single send.
///
/// The head is measured first and then written through a pointer in one pass: appending piece by
/// piece to an `Array` (a capacity and uniqueness check per piece, a dozen header lines) cost more
/// than the rest of serialization together, measured with callgrind.
enum ResponseSerializer {
    private static let http11: StaticString = "HTTP/1.1 "
    private static let contentLength: StaticString = "Content-Length: "
    private static let contentType: StaticString = "Content-Type: "
    private static let dateName: StaticString = "Date: "
    private static let connectionClose: StaticString = "Connection: close\r\n"
    private static let connectionKeepAlive: StaticString = "Connection: keep-alive\r\n"
    private static let defaultTextType: StaticString = "text/plain; charset=utf-8"
    private static let defaultBinaryType: StaticString = "application/octet-stream"

    /// Appends the response to `out` and returns the number of bytes appended.
    /// - Parameters:
    ///   - omitBody: a HEAD response: the same headers (Content-Length of the body), no body.
    ///   - keepAlive: whether the connection stays open; if not, `Connection: close` is sent.
    ///   - announceKeepAlive: send `Connection: keep-alive` (for HTTP/1.0 clients that asked for it).
    @discardableResult
    static func serialize(_ response: Response, omitBody: Bool, keepAlive: Bool, announceKeepAlive: Bool, date: [UInt8], into out: inout [UInt8]) -> Int {
        let start = out.count
        let status = response.status
        let forbidsContent = status.forbidsContent
        let sendsBody = !omitBody && !forbidsContent
        let prepared = response.headers.preparedFields
        response.headers.withUnpreparedFields { fields in withUnsafeTemporaryAllocation(of: Bool.self, capacity: fields.count) { sent in
            var hasContentType = prepared?.facts.contentType != nil
            var size = http11.utf8CodeUnitCount + digitCount(status.code) + 1 + status.reasonPhrase.utf8.count + 2
            size += (prepared?.lines.count ?? 0) + measure(fields, sent: sent, hasContentType: &hasContentType)
            size += contentType.utf8CodeUnitCount + defaultBinaryType.utf8CodeUnitCount + 2
            size += contentLength.utf8CodeUnitCount + 20 + 2 + dateName.utf8CodeUnitCount + date.count + 2  // 20: Int.max's digits
            size += connectionKeepAlive.utf8CodeUnitCount + 2
            // Written on the stack (a head is a few hundred bytes), then appended: no array to allocate.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: size) { buffer in
                var writer = HeadWriter(buffer: buffer)
                writer.write(http11)
                writer.writeDecimal(status.code)
                writer.write(ASCII.space)
                writer.writeSanitized(status.reasonPhrase)
                writer.writeCRLF()
                prepared?.lines.withUnsafeBufferPointer { writer.write($0) }
                writer.writeFields(fields, sent: sent)
                if !hasContentType && !forbidsContent {
                    writer.write(contentType)
                    writer.write(response.body.isEmpty ? defaultTextType : defaultBinaryType)
                    writer.writeCRLF()
                }
                if !forbidsContent {
                    writer.write(contentLength)
                    writer.writeDecimal(response.body.count)
                    writer.writeCRLF()
                }
                writer.write(dateName)
                date.withUnsafeBufferPointer { writer.write($0) }
                writer.writeCRLF()
                if !keepAlive {
                    writer.write(connectionClose)
                } else if announceKeepAlive {
                    writer.write(connectionKeepAlive)
                }
                writer.writeCRLF()
                out.reserveCapacity(out.count + writer.count + (sendsBody ? response.body.count : 0))
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<writer.count]))
            }
        } }
        if sendsBody {
            out.append(contentsOf: response.body)
        }
        return out.count - start
    }

    /// The field lines of `fields` exactly as ``serialize(_:omitBody:keepAlive:announceKeepAlive:date:into:)``
    /// writes them, for ``PreparedFields``.
    static func fieldLines(_ fields: [HTTPHeaders.Field]) -> [UInt8] {
        fields.withUnsafeBufferPointer { fields in withUnsafeTemporaryAllocation(of: Bool.self, capacity: fields.count) { sent in
            var hasContentType = false
            let size = measure(fields, sent: sent, hasContentType: &hasContentType)
            return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                var writer = HeadWriter(buffer: buffer)
                writer.writeFields(fields, sent: sent)
                count = writer.count
            }
        } }
    }

    /// The bytes of the lines of `fields` that are sent (`sent[i]`: not a field the server writes itself).
    private static func measure(_ fields: UnsafeBufferPointer<HTTPHeaders.Field>, sent: UnsafeMutableBufferPointer<Bool>, hasContentType: inout Bool) -> Int {
        var size = 0
        for index in fields.indices {
            let role = role(of: fields[index].name)
            sent[index] = role != .owned
            if role == .contentType { hasContentType = true }
            if role != .owned { size += fields[index].name.utf8.count + 2 + fields[index].value.utf8.count + 2 }
        }
        return size
    }

    private enum FieldRole {
        /// Framing and connection fields, which the server writes itself: a handler's copy would contradict them.
        case owned
        case contentType
        case other
    }

    /// Decimal digits of a non-negative `value`.
    private static func digitCount(_ value: Int) -> Int {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        return digits
    }

    private static func role(of name: String) -> FieldRole {
        switch name.utf8.count {
        case 10 where HTTPHeaders.namesMatch(name, "Connection"): .owned
        case 14 where HTTPHeaders.namesMatch(name, "Content-Length"): .owned
        case 17 where HTTPHeaders.namesMatch(name, "Transfer-Encoding"): .owned
        case 4 where HTTPHeaders.namesMatch(name, "Date"): .owned
        case 12 where HTTPHeaders.namesMatch(name, "Content-Type"): .contentType
        default: .other
        }
    }

    /// A cursor over the head's buffer, which ``serialize(_:omitBody:keepAlive:announceKeepAlive:date:into:)`` sized beforehand.
    private struct HeadWriter {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0

        mutating func write(_ byte: UInt8) {
            buffer[count] = byte
            count += 1
        }

        mutating func writeFields(_ fields: UnsafeBufferPointer<HTTPHeaders.Field>, sent: UnsafeMutableBufferPointer<Bool>) {
            for index in fields.indices where sent[index] {
                writeSanitized(fields[index].name)
                write(ASCII.colon)
                write(ASCII.space)
                writeSanitized(fields[index].value)
                writeCRLF()
            }
        }

        mutating func writeCRLF() {
            write(ASCII.cr)
            write(ASCII.lf)
        }

        mutating func write(_ text: StaticString) {
            write(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }

        mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            (buffer.baseAddress! + count).update(from: base, count: bytes.count)
            count += bytes.count
        }

        /// Header text with CR, LF and NUL replaced by spaces, so that no value can split the response.
        mutating func writeSanitized(_ text: String) {
            let start = count
            // Native strings are contiguous: read in place (no copy of the string to call `withUTF8` on).
            if text.utf8.withContiguousStorageIfAvailable({ write($0) }) == nil {
                for byte in text.utf8 { write(byte) }
            }
            for index in start..<count where buffer[index] == ASCII.cr || buffer[index] == ASCII.lf || buffer[index] == 0 {
                buffer[index] = ASCII.space
            }
        }

        mutating func writeDecimal(_ value: Int) {
            let digits = digitCount(value)
            var remaining = value
            for offset in stride(from: digits - 1, through: 0, by: -1) {
                buffer[count + offset] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining % 10)
                remaining /= 10
            }
            count += digits
        }
    }
}
