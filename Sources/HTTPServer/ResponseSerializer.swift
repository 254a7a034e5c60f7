/// Writes a response's head and body into one byte buffer, so that it leaves in a single send.
enum ResponseSerializer {
    private static let http11 = Array("HTTP/1.1 ".utf8)
    private static let crlf: [UInt8] = [ASCII.cr, ASCII.lf]
    private static let colonSpace: [UInt8] = [ASCII.colon, ASCII.space]
    private static let contentLength = Array("Content-Length: ".utf8)
    private static let contentType = Array("Content-Type: ".utf8)
    private static let dateName = Array("Date: ".utf8)
    private static let connectionClose = Array("Connection: close\r\n".utf8)
    private static let connectionKeepAlive = Array("Connection: keep-alive\r\n".utf8)
    private static let defaultTextType = Array("text/plain; charset=utf-8".utf8)
    private static let defaultBinaryType = Array("application/octet-stream".utf8)

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
        out.reserveCapacity(out.count + 160 + response.headers.count * 40 + (omitBody ? 0 : response.body.count))
        out += http11
        appendDecimal(status.code, to: &out)
        out.append(ASCII.space)
        appendSanitized(status.reasonPhrase, to: &out)
        out += crlf
        let hasContentType = response.headers.withFields { fields in
            var hasContentType = false
            for index in fields.indices {
                let name = fields[index].name
                // The server owns the framing and connection headers; a handler's copy would contradict them.
                switch name.utf8.count {
                case 10 where HTTPHeaders.namesMatch(name, "connection"): continue
                case 14 where HTTPHeaders.namesMatch(name, "content-length"): continue
                case 17 where HTTPHeaders.namesMatch(name, "transfer-encoding"): continue
                case 4 where HTTPHeaders.namesMatch(name, "date"): continue
                case 12 where HTTPHeaders.namesMatch(name, "content-type"): hasContentType = true
                default: break
                }
                appendSanitized(name, to: &out)
                out += colonSpace
                appendSanitized(fields[index].value, to: &out)
                out += crlf
            }
            return hasContentType
        }
        if !hasContentType && !forbidsContent {
            out += contentType
            out += response.body.isEmpty ? defaultTextType : defaultBinaryType
            out += crlf
        }
        if !forbidsContent {
            out += contentLength
            appendDecimal(response.body.count, to: &out)
            out += crlf
        }
        out += dateName
        out += date
        out += crlf
        if !keepAlive {
            out += connectionClose
        } else if announceKeepAlive {
            out += connectionKeepAlive
        }
        out += crlf
        if !omitBody && !forbidsContent {
            out += response.body
        }
        return out.count - start
    }

    /// Header text with CR, LF and NUL replaced by spaces, so that no value can split the response.
    private static func appendSanitized(_ text: String, to out: inout [UInt8]) {
        var text = text  // `withUTF8` is mutating; a native string is read in place
        text.withUTF8 { bytes in
            if !bytes.contains(where: { $0 == ASCII.cr || $0 == ASCII.lf || $0 == 0 }) {
                return out.append(contentsOf: bytes)
            }
            for byte in bytes { out.append(byte == ASCII.cr || byte == ASCII.lf || byte == 0 ? ASCII.space : byte) }
        }
    }

    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        guard value > 0 else { return out.append(UInt8(ascii: "0")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var remaining = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while remaining > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }
}
