import Foundation
import Storage
import Survey

/// What staff do with waves, from the command line and the staff API alike: create a wave with
/// its questionnaire, open it, close it. Each call is one write transaction.
public enum WaveAdministration {
    /// The questionnaire a new wave follows.
    public enum QuestionnaireChoice: Sendable {
        /// One already stored, by id (`2011`).
        case stored(String)
        /// A questionnaire file (`Data/questionnaire-2026.json`), stored with the wave.
        case file(QuestionnaireFile)
    }

    /// What a new wave is made of.
    public struct NewWave: Sendable {
        public var id: Int
        public var titleNb: String
        public var titleEn: String
        public var map: Int
        public var questionnaire: QuestionnaireChoice
        public var opensOn: String?
        public var closesOn: String?

        public init(id: Int, titleNb: String, titleEn: String, map: Int, questionnaire: QuestionnaireChoice, opensOn: String?, closesOn: String?) {
            self.id = id
            self.titleNb = titleNb
            self.titleEn = titleEn
            self.map = map
            self.questionnaire = questionnaire
            self.opensOn = opensOn
            self.closesOn = closesOn
        }
    }

    /// Creates a wave as a draft; a questionnaire file is checked against the 2011
    /// questionnaire (every counterpart must exist) and stored under its id.
    public static func create(_ pool: DatabasePool, _ new: NewWave, at now: String) throws -> Wave {
        for date in [new.opensOn, new.closesOn].compactMap({ $0 }) where !isDate(date) {
            throw WaveAdministrationError.invalidDate(date)
        }
        if let opens = new.opensOn, let closes = new.closesOn, opens > closes {
            throw WaveAdministrationError.closesBeforeOpening(opens: opens, closes: closes)
        }
        return try pool.write { db in
            let questionnaireID: String
            switch new.questionnaire {
            case let .stored(id):
                guard try QuestionnaireRepository.exists(db, id: id) else { throw WaveAdministrationError.unknownQuestionnaire(id) }
                questionnaireID = id
            case let .file(file):
                guard try !QuestionnaireRepository.exists(db, id: file.id) else { throw WaveAdministrationError.questionnaireExists(file.id) }
                let baseline = try QuestionnaireRepository.load(db, id: Questionnaire.baselineID)
                try QuestionnaireRepository.insert(db, try file.questionnaire(checkedAgainst: baseline), titleNb: file.titleNb,
                                                   titleEn: file.titleEn, note: file.note)
                questionnaireID = file.id
            }
            let wave = Wave(id: new.id, titleNb: new.titleNb, titleEn: new.titleEn, map: new.map, questionnaireID: questionnaireID,
                            status: .draft, opensOn: new.opensOn, closesOn: new.closesOn)
            try WaveRepository.insert(db, wave, createdAt: now)
            return wave
        }
    }

    /// Opens or closes a wave (draft → open → closed).
    public static func setStatus(_ pool: DatabasePool, wave id: Int, to status: Wave.Status) throws -> Wave {
        try pool.write { try WaveRepository.setStatus($0, id: id, to: status) }
    }

    /// Publishes a wave's answers at unit level (KS has the units' consent); never 2011.
    public static func publishUnits(_ pool: DatabasePool, wave id: Int) throws -> Wave {
        try pool.write { try WaveRepository.publishUnits($0, id: id) }
    }

    /// `YYYY-MM-DD`, a real day.
    static func isDate(_ text: String) -> Bool {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return text.count == 10 && formatter.date(from: text) != nil
    }
}

/// Why a wave cannot be created as asked.
public enum WaveAdministrationError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidDate(String)
    case closesBeforeOpening(opens: String, closes: String)
    case unknownQuestionnaire(String)
    case questionnaireExists(String)

    public var description: String {
        switch self {
        case let .invalidDate(text): "'\(text)' is not a date; write it as YYYY-MM-DD (2026-01-15)."
        case let .closesBeforeOpening(opens, closes): "The wave would close (\(closes)) before it opens (\(opens))."
        case let .unknownQuestionnaire(id): "There is no questionnaire '\(id)'; give a stored one (2011) or a questionnaire file."
        case let .questionnaireExists(id): "A questionnaire '\(id)' is stored already; name it by id instead of loading the file again."
        }
    }
}
