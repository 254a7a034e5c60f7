import Survey
import SurveyData

extension WaveError {
    /// The problem a wave error becomes: an unknown wave or a unit not on the wave's map is
    /// not found (naming `wave` or the unit's successor), a closed or draft wave is a conflict
    /// with its dates, a token for another wave is forbidden.
    var apiError: APIError {
        switch self {
        case .unknownWave:
            return .invalid(status: .notFound, detail: description, errors: [APIError.Item(parameter: "wave", detail: description)])
        case .notOnMap:
            return .invalid(status: .notFound, detail: description, errors: [APIError.Item(parameter: "code", detail: description)])
        case .notOpen, .invalidTransition, .exists, .noWaveOpen:
            return .invalid(status: .conflict, detail: description, errors: [])
        case .severalOpen:
            return .invalid(status: .badRequest, detail: description, errors: [APIError.Item(parameter: "wave", detail: description)])
        case .unknownMap:
            return .invalid(status: .badRequest, detail: description, errors: [APIError.Item(parameter: "map", detail: description)])
        case .tokenForOtherWave:
            return .forbidden(description)
        }
    }
}

extension WaveAdministrationError {
    /// A wave that cannot be created as asked: the field at fault named by its pointer.
    var apiError: APIError {
        switch self {
        case .invalidDate, .closesBeforeOpening:
            return .invalid(status: .unprocessableContent, detail: description, errors: [APIError.Item(pointer: "/closes_on", detail: description)])
        case .unknownQuestionnaire:
            return .invalid(status: .unprocessableContent, detail: description, errors: [APIError.Item(pointer: "/questionnaire", detail: description)])
        case .questionnaireExists:
            return .invalid(status: .conflict, detail: description, errors: [APIError.Item(pointer: "/questionnaire", detail: description)])
        }
    }
}

extension QuestionnaireFileError {
    /// Every problem of a questionnaire sent with a new wave.
    var apiError: APIError {
        .invalid(status: .unprocessableContent, detail: "The questionnaire is not valid: \(problems.count) problem\(problems.count == 1 ? "" : "s").",
                 errors: problems.map { APIError.Item(pointer: "/questionnaire", detail: $0) })
    }
}
