import Foundation

/// One schema change: a numbered SQL script, usually the file `Migrations/NNNN_name.sql`.
public struct Migration: Sendable, Equatable {
    /// The order key, the number before the first underscore of the file name.
    public let version: Int
    /// The file name (e.g. `0001_create_respondents.sql`), used to name it in errors.
    public let name: String
    /// The SQL script, one or more statements.
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Reads every `*.sql` file of `directory`; each must be named `NNNN_name.sql`.
    /// Other files (a README) are ignored. The result is sorted by version.
    public static func load(directory: URL) throws -> [Migration] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw MigrationError.directoryUnreadable(path: directory.path, reason: error.localizedDescription)
        }
        return try files.filter { $0.hasSuffix(".sql") }.map { file in
            guard let version = version(ofFileName: file) else {
                throw MigrationError.invalidFileName(file)
            }
            let url = directory.appendingPathComponent(file)
            do {
                return Migration(version: version, name: file, sql: try String(contentsOf: url, encoding: .utf8))
            } catch {
                throw MigrationError.unreadableFile(file: file, reason: error.localizedDescription)
            }
        }.sorted { $0.version < $1.version }
    }

    /// The number of `NNNN_name.sql`, or nil when the name does not have that shape.
    static func version(ofFileName file: String) -> Int? {
        guard file.hasSuffix(".sql"), let underscore = file.firstIndex(of: "_") else { return nil }
        let digits = file[..<underscore]
        let title = file[file.index(after: underscore)..<file.index(file.endIndex, offsetBy: -4)]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), !title.isEmpty else {
            return nil
        }
        return Int(digits)
    }
}
