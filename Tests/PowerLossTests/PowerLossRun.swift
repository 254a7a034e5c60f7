import BetaKommAPI
import CPowerLossVFS
import Foundation
import Storage
import SurveyData
import Synchronization

/// One power-loss run: a migrated database copied from a template, the real application on
/// port 0 over it through the power-loss VFS, writers, the cut, the check.
enum PowerLossRun {
    /// A write the server acknowledged (2xx): the version it named and the answers the client
    /// sent (for a PATCH, the answers it read under the same If-Match with the patch applied).
    struct Acknowledged: Sendable, CustomStringConvertible {
        let code: String
        let version: Int
        let expected: [String: JSONAny]
        var description: String { "\(code) v\(version)" }
    }

    struct Outcome {
        var acknowledged = 0
        var found = 0
        var lost: [Acknowledged] = []
        var unaudited = 0
        var integrity = ""
        var writeErrors = 0
        var cut = plvfs_cut_report()
        var syncs: Int64 = 0
        var databaseSyncs: Int64 = 0
        var cutByClock = false

        var summary: String {
            "acknowledged \(acknowledged), found \(found), lost \(lost.count), unaudited \(unaudited), integrity \(integrity); "
                + "at the cut \(cut.ops_pending) un-synced ops in \(cut.files_with_pending) files: \(cut.ops_dropped) dropped, "
                + "\(cut.ops_torn) torn, \(cut.ops_applied) applied (\(cut.bytes_dropped) bytes lost); "
                + "\(syncs) syncs before (\(databaseSyncs) of the database file: checkpoints); \(writeErrors) requests failed after the cut\(cutByClock ? " (cut by the clock)" : "")"
        }
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A database migrated once with the ordinary VFS (the 2011 data loaded), copied per run.
    static let template: Result<URL, any Error> = Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("betakomm-powerloss-template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("template.sqlite")
        let configuration = try serviceConfiguration(databasePath: path.path, vfs: nil)
        let application = try buildApplication(configuration: configuration, logs: .sink(configuration) { _ in })
        application.shutdown(timeout: 1)  // checkpoints: the file alone is the database
        return path
    }

    static func serviceConfiguration(databasePath: String, vfs: String?) throws -> ServiceConfiguration {
        var configuration = try ServiceConfiguration.resolve(flags: [
            .port: "0", .database: databasePath,
            .migrations: repository.appendingPathComponent("Migrations").path,
            .publicDirectory: repository.appendingPathComponent("Public").path,
            .accessLog: "off", .handlerThreads: "4", .writeRateLimit: "1000000",
        ], environment: [:])
        configuration.databaseVFS = vfs
        return configuration
    }

    /// - Parameters:
    ///   - cutAtIOCall: the power goes off at this write, truncate or sync on the simulated disk,
    ///     counted from when the writers start (or after `timeLimit` seconds, if they have not made that many).
    ///   - cutAtDatabaseWrite: instead, the power goes off at this write to the database file (inside a checkpoint).
    static func execute(vfsName: String, mode: Int32, seed: UInt64, cutAtIOCall: Int64, cutAtDatabaseWrite: Int64? = nil,
                        timeLimit: Double = 4, ignoreSync: Bool) throws -> Outcome {
        guard plvfs_register(vfsName) == 0 else { throw RunError("could not register the power-loss VFS") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("betakomm-powerloss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("betakomm.sqlite")
        try FileManager.default.copyItem(at: template.get(), to: database)

        plvfs_power_restore()
        plvfs_set_ignore_sync(0)
        let syncsBefore = plvfs_sync_count()
        let databaseSyncsBefore = plvfs_database_sync_count()
        let configuration = try serviceConfiguration(databasePath: database.path, vfs: vfsName)
        let application = try buildApplication(configuration: configuration, logs: .sink(configuration) { line in if ProcessInfo.processInfo.environment["POWERLOSS_LOG"] != nil { print(String(decoding: line, as: UTF8.self), terminator: "") } })
        let port = try application.start()

        // Units with an official Facebook page answered facebook_fans in 2011: a change of it is valid.
        let codes = try application.pool.read { db in
            try db.query("""
                SELECT respondent_code FROM answer_sets WHERE version = 1
                AND json_extract(answers, '$.has_official_facebook_page') = 'yes' ORDER BY respondent_code LIMIT 12
                """).map { try $0.get(String.self, at: 0) }
        }
        // The writes go to an open wave on the 2011 map; each unit's first version in it is its
        // 2011 answers, written before the power can be cut.
        _ = try WaveAdministration.create(application.pool, .init(id: 2012, titleNb: "Strømbrudd", titleEn: "Power loss", map: 2011,
                                                                  questionnaire: .stored("2011"), opensOn: nil, closesOn: nil),
                                          at: Timestamp.now())
        _ = try WaveAdministration.setStatus(application.pool, wave: 2012, to: .open)
        let tokens = TokenStore(pool: application.pool)
        let assignments = try codes.map { code in (code, try tokens.issue(respondentCode: code, wave: 2012, name: "power-loss \(code)").text) }
        for (code, token) in assignments {
            let path = "/v1/respondents/\(code)/answers"
            let auth = ("Authorization", "Bearer \(token)")
            let baseline = try LoopbackHTTP.request(port: port, "GET", path + "?wave=2011", headers: [auth])
            guard baseline.status == 200, let document = JSONAny.parseObject(baseline.body), let answers = document["answers"] else {
                throw RunError("GET \(code) 2011: \(baseline.status)")
            }
            let body = #"{"answers":"# + answers.text + "}"
            let first = try LoopbackHTTP.request(port: port, "PUT", path, headers: [auth, ("If-None-Match", "*"), ("Content-Type", "application/json")],
                                                 body: Array(body.utf8))
            guard first.status == 201 else { throw RunError("PUT \(code) first version: \(first.status)") }
        }
        if ignoreSync { plvfs_set_ignore_sync(1) }
        if let cutAtDatabaseWrite {
            plvfs_arm_cut_at_database_write(cutAtDatabaseWrite, mode, seed)
        } else {
            plvfs_arm_cut(cutAtIOCall, mode, seed)
        }

        let acknowledged = Mutex<[Acknowledged]>([])
        let failures = Atomic<Int>(0)
        let powerOff = Atomic<Bool>(false)
        let group = DispatchGroup()
        let writers = 4
        for writer in 0..<writers {
            let mine = stride(from: writer, to: assignments.count, by: writers).map { assignments[$0] }
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                var random = SplitMix(seed: seed &* 31 &+ UInt64(writer))
                var turn = 0
                while !powerOff.load(ordering: .acquiring) && plvfs_is_power_off() == 0 {
                    let (code, token) = mine[turn % mine.count]
                    turn += 1
                    do {
                        if let ack = try writeOnce(port: port, code: code, token: token, usePut: turn % 2 == 0, fans: Int(random.next() % 100_000)) {
                            acknowledged.withLock { $0.append(ack) }
                        }
                    } catch {
                        if failures.add(1, ordering: .relaxed).newValue == 1, !powerOff.load(ordering: .acquiring), plvfs_is_power_off() == 0 {
                            print("power-loss run: first failure before the cut: \(error)")
                        }
                    }
                }
            }
        }
        let started = Date()
        while plvfs_is_power_off() == 0 && Date().timeIntervalSince(started) < timeLimit { usleep(2_000) }
        var outcome = Outcome()
        plvfs_power_cut(mode, seed, &outcome.cut)  // reports the armed cut if it happened
        outcome.cutByClock = Date().timeIntervalSince(started) >= timeLimit
        powerOff.store(true, ordering: .releasing)
        outcome.syncs = plvfs_sync_count() - syncsBefore
        outcome.databaseSyncs = plvfs_database_sync_count() - databaseSyncsBefore
        group.wait()
        application.shutdown(timeout: 1)
        outcome.writeErrors = failures.load(ordering: .relaxed)

        // The disk as the cut left it: the database and its WAL, not the shared-memory index
        // (memory, lost with the power). Opened with SQLite's ordinary VFS.
        let check = directory.appendingPathComponent("after-power-loss")
        try FileManager.default.createDirectory(at: check, withIntermediateDirectories: true)
        let checked = check.appendingPathComponent("betakomm.sqlite")
        try FileManager.default.copyItem(at: database, to: checked)
        let wal = URL(fileURLWithPath: database.path + "-wal")
        if FileManager.default.fileExists(atPath: wal.path) {
            try FileManager.default.copyItem(at: wal, to: URL(fileURLWithPath: checked.path + "-wal"))
        }
        plvfs_power_restore()
        plvfs_set_ignore_sync(0)

        let acks = acknowledged.withLock { $0 }
        outcome.acknowledged = acks.count
        let connection = try Connection(path: checked.path)
        defer { connection.close() }
        outcome.integrity = try connection.query("PRAGMA integrity_check").map { try $0.get(String.self, at: 0) }.joined(separator: "; ")
        for ack in acks {
            let row = try? connection.queryOne("SELECT answers FROM answer_sets WHERE respondent_code = ? AND version = ?", [ack.code, ack.version])
            guard let text = try row?.get(String.self, at: 0), let stored = JSONAny.parseObject(text), stored == ack.expected else {
                outcome.lost.append(ack)
                continue
            }
            outcome.found += 1
            let audit = (try? connection.scalar(Int.self, "SELECT count(*) FROM audit_log WHERE respondent_code = ? AND version = ?",
                                                [ack.code, ack.version])) ?? nil
            if audit != 1 { outcome.unaudited += 1 }
        }
        return outcome
    }

    /// GET the answers (ETag), then PUT the whole set or PATCH one answer with If-Match. Returns
    /// the acknowledgement for a 2xx, `nil` for a 412 (another writer won); throws otherwise.
    static func writeOnce(port: UInt16, code: String, token: String, usePut: Bool, fans: Int) throws -> Acknowledged? {
        let path = "/v1/respondents/\(code)/answers"
        let auth = ("Authorization", "Bearer \(token)")
        let current = try LoopbackHTTP.request(port: port, "GET", path, headers: [auth])
        guard current.status == 200, let etag = current.header("ETag"),
              let document = JSONAny.parseObject(current.body), case .object(let answers)? = document["answers"] else {
            throw RunError("GET \(code): \(current.status)")
        }
        var expected = answers
        expected["facebook_fans"] = .number(Double(fans))
        let body: String
        let contentType: String
        if usePut {
            body = #"{"answers":"# + JSONAny.object(expected).text + "}"
            contentType = "application/json"
        } else {
            body = #"{"answers":{"facebook_fans":\#(fans)}}"#
            contentType = "application/merge-patch+json"
        }
        let response = try LoopbackHTTP.request(port: port, usePut ? "PUT" : "PATCH", path,
                                                headers: [auth, ("If-Match", etag), ("Content-Type", contentType)], body: Array(body.utf8))
        if response.status == 412 { return nil }
        guard (200..<300).contains(response.status), let stored = JSONAny.parseObject(response.body),
              case .number(let version)? = stored["version"] else {
            throw RunError("\(usePut ? "PUT" : "PATCH") \(code): \(response.status)")
        }
        return Acknowledged(code: code, version: Int(version), expected: expected)
    }

    struct RunError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
