import Foundation
import Storage
import Survey
import SurveyData

/// Stores validated answer sets as new versions, with the optimistic-concurrency check, the
/// idempotency record and the audit row all in the one write transaction, then invalidates the
/// read cache so every aggregate read afterwards includes the new answers.
struct SubmissionService: Sendable {
    let pool: DatabasePool
    let store: SurveyDataStore
    /// The wave a submission is stored as; `nil` means the calendar year at the time.
    let submissionWave: Int?
    /// Loaded once: the questionnaire changes only by migration, and asking the data store for
    /// it would make each write reload the snapshot the previous write marked stale.
    let questionnaire: Questionnaire

    init(pool: DatabasePool, store: SurveyDataStore, submissionWave: Int?) throws {
        self.pool = pool
        self.store = store
        self.submissionWave = submissionWave
        self.questionnaire = try pool.read { try QuestionnaireRepository.load($0) }
    }

    /// Validates and stores one submission; throws ``SubmissionError`` when it is not stored.
    func submit(_ request: SubmissionRequest) throws -> SubmissionOutcome {
        let wave = submissionWave ?? Timestamp.currentYear()
        let outcome = try pool.write { db -> SubmissionOutcome in
            guard try RespondentRepository.exists(db, code: request.respondentCode) else {
                throw SubmissionError.unknownRespondent(request.respondentCode)
            }
            // A retry first: it must get the first result even though its If-Match is stale by now.
            if let key = request.idempotencyKey, let tokenID = request.tokenID,
               let stored = try IdempotencyRepository.find(db, tokenID: tokenID, respondentCode: request.respondentCode, key: key) {
                guard Digest.constantTimeEqual(stored.requestDigest, request.requestDigest) else {
                    throw SubmissionError.idempotencyKeyReused
                }
                return SubmissionOutcome(status: stored.status, etag: stored.etag, body: stored.body, version: stored.version, replayed: true)
            }
            // Inside the write transaction (BEGIN IMMEDIATE holds the write lock), so two writers
            // with the same If-Match cannot both see it current.
            let latest = try AnswerSetRepository.current(db, respondentCode: request.respondentCode)
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
                let record = IdempotencyRepository.Record(requestDigest: request.requestDigest, status: outcome.status,
                                                          etag: outcome.etag, body: outcome.body, version: set.version)
                try IdempotencyRepository.insert(db, tokenID: tokenID, respondentCode: request.respondentCode, key: key,
                                                 record: record, createdAt: set.createdAt)
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

    /// Inserts the respondent's next version and its audit row, whose changes are the diff from
    /// `previous`, in the caller's write transaction; returns the stored set. The submission and
    /// the import store versions only through here.
    static func insertVersion(
        _ db: Connection, respondentCode: String, answers: [String: AnswerValue], wave: Int, source: AnswerSet.Source,
        previous: AnswerSet?, questionnaire: Questionnaire, action: String, tokenID: Int?, remoteAddress: String
    ) throws -> AnswerSet {
        let set = try AnswerSetRepository.insertNextVersion(db, respondentCode: respondentCode, answers: answers, wave: wave, source: source)
        let changes = AnswerDiff(from: previous?.answers ?? [:], to: answers, questionnaire: questionnaire).pointers
        try AuditRepository.insert(db, set: set, action: action, changes: changes, tokenID: tokenID, remoteAddress: remoteAddress)
        return set
    }
}
