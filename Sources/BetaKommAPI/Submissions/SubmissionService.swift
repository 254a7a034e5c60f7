import Foundation
import Storage
import Survey
import SurveyData
import Synchronization

/// Stores validated answer sets as new versions, with the optimistic-concurrency check, the
/// idempotency record and the audit row all in the one write transaction, then invalidates the
/// read cache so every aggregate read afterwards includes the new answers.
final class SubmissionService: Sendable {
    let pool: DatabasePool
    let store: SurveyDataStore
    /// Questionnaires by id, read once each: a stored questionnaire never changes, and asking the
    /// data store for it would make each write reload the snapshot the previous write marked stale.
    private let questionnaires = Mutex<[String: Questionnaire]>([:])

    init(pool: DatabasePool, store: SurveyDataStore) {
        self.pool = pool
        self.store = store
    }

    /// The questionnaire with this id (cached).
    func questionnaire(_ db: Connection, id: String) throws -> Questionnaire {
        if let cached = questionnaires.withLock({ $0[id] }) { return cached }
        let loaded = try QuestionnaireRepository.load(db, id: id)
        questionnaires.withLock { $0[id] = loaded }
        return loaded
    }

    /// Validates and stores one submission; throws ``SubmissionError`` or ``WaveError`` when it is not stored.
    func submit(_ request: SubmissionRequest) throws -> SubmissionOutcome {
        let outcome = try pool.write { db -> SubmissionOutcome in
            guard try RespondentRepository.exists(db, code: request.respondentCode) else {
                throw SubmissionError.unknownRespondent(request.respondentCode)
            }
            let wave = try WaveTarget.resolve(db, code: request.respondentCode, requested: request.wave, tokenWave: request.tokenWave,
                                              mustBeOpen: !request.isStaff)
            let questionnaire = try questionnaire(db, id: wave.questionnaireID)
            // A retry first: it must get the first result even though its If-Match is stale by now.
            // Keys expire after a day (``idempotencyLifetime``): an older record is not replayed.
            let cutoff = Timestamp.string(from: Date(timeIntervalSinceNow: -Self.idempotencyLifetime))
            if let key = request.idempotencyKey, let tokenID = request.tokenID,
               let stored = try IdempotencyRepository.find(db, tokenID: tokenID, respondentCode: request.respondentCode, key: key, notBefore: cutoff) {
                guard Digest.constantTimeEqual(stored.requestDigest, request.requestDigest) else {
                    throw SubmissionError.idempotencyKeyReused
                }
                return SubmissionOutcome(status: stored.status, etag: stored.etag, body: stored.body, version: stored.version, replayed: true)
            }
            // Inside the write transaction (BEGIN IMMEDIATE holds the write lock), so two writers
            // with the same If-Match cannot both see it current. Only this wave's answers count:
            // a new wave starts empty, nothing is carried forward from an earlier one.
            let latest = try AnswerSetRepository.latest(db, respondentCode: request.respondentCode, wave: wave.id)
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
            let set = try AnswerVersions.store(db, respondentCode: request.respondentCode, answers: answers, wave: wave.id,
                                               source: .submission, previous: latest, questionnaire: questionnaire,
                                               action: request.change.action, tokenID: request.tokenID, remoteAddress: request.remoteAddress)
            let tag = AnswerTag.make(respondentCode: set.respondentCode, version: set.version)
            let outcome = SubmissionOutcome(status: latest == nil ? 201 : 200, etag: tag,
                                            body: JSONValue.answerSetDocument(set).serialized(), version: set.version, replayed: false)
            if let key = request.idempotencyKey, let tokenID = request.tokenID {
                // Expired records go a few at a time with each new one (bounded work per write).
                try IdempotencyRepository.prune(db, before: cutoff)
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

    /// How long an `Idempotency-Key` is remembered: 24 hours, as payment APIs keep theirs.
    static let idempotencyLifetime: TimeInterval = 24 * 60 * 60
    /// The longest `Idempotency-Key` accepted, in bytes (400 beyond).
    public static let maxIdempotencyKeyBytes = 255
}
