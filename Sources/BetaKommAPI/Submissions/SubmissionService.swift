import Foundation
import Storage
import Survey

/// Stores validated answer sets as new versions, with the optimistic-concurrency check, the
/// idempotency record and the audit row all in the one write transaction, then invalidates the
/// read cache so every aggregate read afterwards includes the new answers.
public struct SubmissionService: Sendable {
    let pool: DatabasePool
    let store: SurveyDataStore
    /// The wave a submission is stored as; `nil` means the calendar year at the time.
    let submissionWave: Int?
    /// Loaded once: the questionnaire changes only by migration, and asking the data store for
    /// it would make each write reload the snapshot the previous write marked stale.
    let questionnaire: Questionnaire

    public init(pool: DatabasePool, store: SurveyDataStore, submissionWave: Int?) throws {
        self.pool = pool
        self.store = store
        self.submissionWave = submissionWave
        self.questionnaire = try pool.read { try SurveyStore.loadQuestionnaire($0) }
    }

    /// Validates and stores one submission; throws ``SubmissionError`` when it is not stored.
    public func submit(_ request: SubmissionRequest) throws -> SubmissionOutcome {
        let wave = submissionWave ?? Timestamp.currentYear()
        let outcome = try pool.write { db -> SubmissionOutcome in
            guard try db.scalar(Int.self, Self.respondentExistsSQL, [request.respondentCode]) == 1 else {
                throw SubmissionError.unknownRespondent(request.respondentCode)
            }
            // A retry first: it must get the first result even though its If-Match is stale by now.
            // Keys expire after a day (``idempotencyLifetime``): an older record is not replayed.
            let cutoff = Timestamp.string(from: Date(timeIntervalSinceNow: -Self.idempotencyLifetime))
            if let key = request.idempotencyKey, let tokenID = request.tokenID,
               let stored = try db.queryOne(Self.idempotencyLookupSQL, [tokenID, request.respondentCode, key, cutoff]) {
                guard AccessToken.constantTimeEqual(try stored.get(named: "request_sha256"), request.requestDigest) else {
                    throw SubmissionError.idempotencyKeyReused
                }
                return SubmissionOutcome(status: try stored.get(named: "status"), etag: try stored.get(named: "etag"),
                                         body: try stored.get(named: "body"), version: try stored.get(named: "version"), replayed: true)
            }
            // Inside the write transaction (BEGIN IMMEDIATE holds the write lock), so two writers
            // with the same If-Match cannot both see it current.
            let latest = try Self.current(db, respondentCode: request.respondentCode)
            let currentTag = latest.map { AnswerTag.make(respondentCode: request.respondentCode, version: $0.version) }
            switch request.precondition {
            case .none: throw SubmissionError.preconditionRequired(currentTag: currentTag)
            case let .ifMatch(tags): guard AnswerTag.matches(tags, current: currentTag) else { throw SubmissionError.preconditionFailed(currentTag: currentTag) }
            case .ifNoneMatchAny: guard latest == nil else { throw SubmissionError.preconditionFailed(currentTag: currentTag) }
            }
            let document: SubmittedValue
            switch request.change {
            case let .replace(body): document = body
            case let .mergePatch(patch):
                let current = SubmittedValue.object(["answers": .object((latest?.answers ?? [:]).mapValues(SubmittedValue.init))])
                document = current.mergePatched(with: patch)
            }
            let answers: [String: AnswerValue]
            switch AnswerValidator(questionnaire: questionnaire).validate(document: document) {
            case let .success(valid): answers = valid
            case let .failure(errors): throw SubmissionError.invalid(errors)
            }
            let set = try Self.insertVersion(db, respondentCode: request.respondentCode, answers: answers, wave: wave,
                                             source: .submission, previous: latest, questionnaire: questionnaire,
                                             action: request.change.action, tokenID: request.tokenID, remoteAddress: request.remoteAddress)
            let tag = AnswerTag.make(respondentCode: set.respondentCode, version: set.version)
            let outcome = SubmissionOutcome(status: latest == nil ? 201 : 200, etag: tag,
                                            body: JSONValue.answerSetDocument(set).serialized(), version: set.version, replayed: false)
            if let key = request.idempotencyKey, let tokenID = request.tokenID {
                // Expired records go a few at a time with each new one (bounded work per write).
                try db.execute(Self.idempotencyPruneSQL, [cutoff])
                try db.execute(Self.idempotencyInsertSQL, [tokenID, request.respondentCode, key, request.requestDigest,
                                                           outcome.status, outcome.etag, outcome.body, set.version, set.createdAt])
            }
            return outcome
        }
        if !outcome.replayed { refreshReadCache() }
        return outcome
    }

    /// Tells the read side that answers changed (the data version is the largest answer-set id,
    /// so the insert already moved it): the next read reloads and drops cached responses.
    func refreshReadCache() {
        store.markStale()
    }

    /// Inserts the respondent's next version (one above its highest) and its audit row, whose
    /// changes are the diff from `previous`; returns the stored set.
    static func insertVersion(
        _ db: Connection, respondentCode: String, answers: [String: AnswerValue], wave: Int, source: AnswerSet.Source,
        previous: AnswerSet?, questionnaire: Questionnaire, action: String, tokenID: Int?, remoteAddress: String
    ) throws -> AnswerSet {
        let version = (try db.scalar(Int.self, maxVersionSQL, [respondentCode]) ?? 0) + 1
        let set = AnswerSet(respondentCode: respondentCode, version: version, wave: wave, answers: answers,
                            source: source, createdAt: Timestamp.now())
        try db.execute(insertSQL, [set.respondentCode, set.version, set.wave, try CanonicalJSON.string(set.answers),
                                   set.source.rawValue, set.createdAt])
        let changes = AnswerDiff(from: previous?.answers ?? [:], to: answers, questionnaire: questionnaire).pointers
        try db.execute(auditSQL, [set.createdAt, tokenID, action, set.respondentCode, set.version, set.wave,
                                  try CanonicalJSON.string(changes), remoteAddress])
        return set
    }

    /// A respondent's current answers: the latest version of its latest wave, as `.current`
    /// statistics and `GET …/answers` see them (read inside a transaction).
    static func current(_ db: Connection, respondentCode: String) throws -> AnswerSet? {
        try db.queryOne(currentSQL, [respondentCode]).map(SurveyStore.answerSet)
    }

    /// The latest version within one wave.
    static func latest(_ db: Connection, respondentCode: String, wave: Int) throws -> AnswerSet? {
        try db.queryOne(latestInWaveSQL, [respondentCode, wave]).map(SurveyStore.answerSet)
    }

    static let respondentExistsSQL: CachedSQL = "SELECT count(*) FROM respondents WHERE code = ?"
    static let currentSQL: CachedSQL = """
        SELECT respondent_code, version, wave, answers, source, created_at FROM answer_sets
        WHERE respondent_code = ? ORDER BY wave DESC, version DESC LIMIT 1
        """
    static let latestInWaveSQL: CachedSQL = """
        SELECT respondent_code, version, wave, answers, source, created_at FROM answer_sets
        WHERE respondent_code = ? AND wave = ? ORDER BY version DESC LIMIT 1
        """
    static let maxVersionSQL: CachedSQL = "SELECT max(version) FROM answer_sets WHERE respondent_code = ?"
    static let insertSQL: CachedSQL = """
        INSERT INTO answer_sets (respondent_code, version, wave, answers, source, created_at) VALUES (?, ?, ?, ?, ?, ?)
        """
    static let auditSQL: CachedSQL = """
        INSERT INTO audit_log (at, token_id, action, respondent_code, version, wave, changes, remote_address)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    /// How long an `Idempotency-Key` is remembered: 24 hours, as payment APIs keep theirs.
    static let idempotencyLifetime: TimeInterval = 24 * 60 * 60
    /// The longest `Idempotency-Key` accepted, in bytes (400 beyond).
    public static let maxIdempotencyKeyBytes = 255
    static let idempotencyLookupSQL: CachedSQL = """
        SELECT request_sha256, status, etag, body, version FROM idempotency_keys
        WHERE token_id = ? AND respondent_code = ? AND key = ? AND created_at > ?
        """
    static let idempotencyPruneSQL: CachedSQL = """
        DELETE FROM idempotency_keys WHERE rowid IN (SELECT rowid FROM idempotency_keys WHERE created_at <= ? LIMIT 16)
        """
    // OR REPLACE: an expired record of the same key may still be there, not yet pruned.
    static let idempotencyInsertSQL: CachedSQL = """
        INSERT OR REPLACE INTO idempotency_keys (token_id, respondent_code, key, request_sha256, status, etag, body, version, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
}
