import Foundation

/// Serves files under a root directory, e.g. `router.get("/*path", StaticFiles(root: "Public").handler)`.
///
/// The path's segments are percent-decoded exactly once by the parser (so `%252e%252e` stays the
/// literal name `%2e%2e`); a `.` or `..` segment, or one holding `/` or NUL after decoding, is
/// refused with 400 before the file system is touched, and the resolved real path must still lie
/// under the root (symlinks cannot escape). `/` and directories serve `index.html`. Responses
/// carry an ETag from size and modification time, and `If-None-Match` gets 304.
public struct StaticFiles: Sendable {
    /// The root directory's real path.
    public let root: String

    /// - Parameter root: the directory to serve; resolved once (symlinks followed).
    public init(root: String) {
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        self.root = Self.realPath(absolute) ?? absolute
    }

    /// The handler for a route; uses every path segment after the route's literal prefix, so mount
    /// it at `/*path` (whole site) or `/static/*path` with `prefixSegments: 1`.
    public func handler(prefixSegments: Int = 0) -> RequestHandler {
        { request in try self.response(for: Array(request.pathSegments.dropFirst(prefixSegments)), request: request) }
    }

    /// The handler for a route mounted at the site root.
    public var handler: RequestHandler { handler(prefixSegments: 0) }

    /// The response for the file named by `segments` (already percent-decoded once).
    public func response(for segments: [String], request: Request) throws -> Response {
        for segment in segments where segment == "." || segment == ".." || segment.contains("/") || segment.contains("\0") {
            throw HTTPError(.badRequest, detail: "The path must not contain '.' or '..' segments.")
        }
        var relative = segments.joined(separator: "/")
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        var path = root + "/" + relative
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            path += "/index.html"
        }
        // A symlink inside the root could still point outside it: compare real paths.
        guard let real = Self.realPath(path), real.hasPrefix(root + "/"),
              let attributes = try? FileManager.default.attributesOfItem(atPath: real),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? Int,
              let modified = attributes[.modificationDate] as? Date else {
            throw HTTPError(.notFound, detail: "No file at \(request.path).")
        }
        let tag = "\"\(String(size, radix: 16))-\(String(Int64(modified.timeIntervalSince1970 * 1000), radix: 16))\""
        let type = MediaTypes.type(forFileName: real)
        // Files change only on deploy; revalidating by ETag costs a 304 and never shows a stale page.
        var headers: HTTPHeaders = ["ETag": tag, "Content-Type": type, "Cache-Control": "no-cache"]
        if Self.matches(request.headers.values(for: "If-None-Match"), tag) {
            headers.remove("Content-Type")
            // A 304 repeats the Vary the 200 would carry (RFC 9110 §15.4.5); compression adds it there.
            if ResponseCompression.isCompressible(type) { headers.add("Vary", "Accept-Encoding") }
            return Response(status: .notModified, headers: headers)
        }
        guard let data = FileManager.default.contents(atPath: real) else {
            throw HTTPError(.notFound, detail: "No file at \(request.path).")
        }
        return Response(status: .ok, headers: headers, body: [UInt8](data))
    }

    /// If-None-Match uses the weak comparison (RFC 9110 §13.1.2); `*` matches any current representation.
    static func matches(_ values: [String], _ tag: String) -> Bool {
        let opaque = tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
        for element in values.flatMap({ $0.split(separator: ",") }) {
            let candidate = element.trimmingOWS()
            if candidate == "*" { return true }
            if (candidate.hasPrefix("W/") ? String(candidate.dropFirst(2)) : candidate) == opaque { return true }
        }
        return false
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(validatingCString: resolved)
    }
}
