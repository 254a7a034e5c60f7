import Foundation
import Storage
import Survey

/// All SQL on `audit_log` (0010): one row per stored answer-set version, written in the same
/// transaction as the version.
public enum AuditRepository {
    /// The column names, in the order of ``AuditEntry``'s properties (the CSV header).
    public static let columns = ["id", "at", "token_id", "action", "respondent_code", "version", "wave", "changes", "remote_address"]

    /// Records that `set` was stored by `action`; `changes` are the JSON pointers that differ from the previous version.
    public static func insert(
        _ db: Connection, set: AnswerSet, action: String, changes: [String], tokenID: Int?, remoteAddress: String
    ) throws {
        try db.execute(insertSQL, [set.createdAt, tokenID, action, set.respondentCode, set.version, set.wave,
                                   try CanonicalJSON.string(changes), remoteAddress])
    }

    /// Newest first: up to `limit` entries with an id below `before`, of one respondent or all.
    public static func page(_ db: Connection, before: Int, respondentCode: String?, limit: Int) throws -> [AuditEntry] {
        try db.query(pageSQL, [before, respondentCode, limit]).map(entry)
    }

    /// Every entry, oldest first, of one respondent or all.
    public static func all(_ db: Connection, respondentCode: String?) throws -> [AuditEntry] {
        try db.query(allSQL, [respondentCode]).map(entry)
    }

    /// Version -> the token that wrote it, for one respondent's versions written with a token.
    public static func writerTokens(_ db: Connection, respondentCode: String) throws -> [Int: Int] {
        var tokens: [Int: Int] = [:]
        for row in try db.query(writerTokensSQL, [respondentCode]) {
            tokens[try row.get(Int.self, at: 0)] = try row.get(Int.self, at: 1)
        }
        return tokens
    }

    static func entry(_ row: Row) throws -> AuditEntry {
        let id: Int = try row.get(named: "id")
        let changes: [String]
        do {
            changes = try JSONDecoder().decode([String].self, from: Data(try row.get(String.self, named: "changes").utf8))
        } catch is DecodingError {
            throw StoreError.invalidRow(table: "audit_log", key: String(id), reason: "changes are not a JSON array of pointers")
        }
        return AuditEntry(id: id, at: try row.get(named: "at"), tokenID: try row.get(named: "token_id"),
                          action: try row.get(named: "action"), respondentCode: try row.get(named: "respondent_code"),
                          version: try row.get(named: "version"), wave: try row.get(named: "wave"), changes: changes,
                          remoteAddress: try row.get(named: "remote_address"))
    }

    static let insertSQL: CachedSQL = """
        INSERT INTO audit_log (at, token_id, action, respondent_code, version, wave, changes, remote_address)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let pageSQL: CachedSQL = """
        SELECT id, at, token_id, action, respondent_code, version, wave, changes, remote_address FROM audit_log
        WHERE id < ? AND (?2 IS NULL OR respondent_code = ?2) ORDER BY id DESC LIMIT ?
        """
    static let allSQL: CachedSQL = """
        SELECT id, at, token_id, action, respondent_code, version, wave, changes, remote_address FROM audit_log
        WHERE (?1 IS NULL OR respondent_code = ?1) ORDER BY id
        """
    static let writerTokensSQL: CachedSQL = "SELECT version, token_id FROM audit_log WHERE respondent_code = ? AND token_id IS NOT NULL"
}
