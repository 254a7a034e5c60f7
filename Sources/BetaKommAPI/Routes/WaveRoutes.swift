import Foundation
import HTTPServer
import Storage
import Survey
import SurveyData

/// Survey waves: `GET /v1/waves` and `GET /v1/waves/{id}` (public: title, map, questionnaire,
/// status, dates, response rate); staff create them (`POST /v1/waves`) and move them along
/// (`POST /v1/waves/{id}/open`, `…/close`).
enum WaveRoutes {
    static func register(on router: inout Router, context: APIContext, pool: DatabasePool) {
        router.get("/v1/waves") { request in
            try QueryCheck.requireKnown(request.query, allowed: [])
            return try context.respondJSON(to: request) { snapshot in
                [("waves", .array(snapshot.waves.keys.sorted().compactMap { snapshot.waves[$0].map(json) }))]
            }
        }
        router.get("/v1/waves/:id") { request in
            try QueryCheck.requireKnown(request.query, allowed: [])
            let selection = try WaveSelection.parse(request.parameter("id"), parameter: "id")
            return try context.respondJSON(to: request) { snapshot in
                guard let data = snapshot.waves[selection.id] else { throw WaveError.unknownWave(selection.id) }
                return [("wave", json(data))]
            }
        }
        // Creating, opening and closing write and wait for an fsync: off the event loops.
        router.post("/v1/waves", runsOn: .worker) { request in
            try request.requireStaff()
            try QueryCheck.requireKnown(request.query, allowed: [])
            let new = try WaveCreation.decode(request.body)
            let wave = try WaveAdministration.create(pool, new, at: Timestamp.now())
            context.store.markStale()
            var response = try waveResponse(wave.id, context: context, status: .created)
            response.headers.set("Location", "/v1/waves/\(wave.id)")
            return response
        }
        for (action, status) in [("open", Wave.Status.open), ("close", .closed)] {
            router.post("/v1/waves/:id/\(action)", runsOn: .worker) { request in
                try request.requireStaff()
                try QueryCheck.requireKnown(request.query, allowed: [])
                let selection = try WaveSelection.parse(request.parameter("id"), parameter: "id")
                let wave = try WaveAdministration.setStatus(pool, wave: selection.id, to: status)
                context.store.markStale()
                return try waveResponse(wave.id, context: context, status: .ok)
            }
        }
        // Publishing a wave at unit level (UnitPrivacy): refused for the synthetic 2011 wave (409).
        router.post("/v1/waves/:id/publish", runsOn: .worker) { request in
            try request.requireStaff()
            try QueryCheck.requireKnown(request.query, allowed: [])
            let selection = try WaveSelection.parse(request.parameter("id"), parameter: "id")
            let wave = try WaveAdministration.publishUnits(pool, wave: selection.id)
            context.store.markStale()
            return try waveResponse(wave.id, context: context, status: .ok)
        }
    }

    /// The wave as stored after a change, never cached.
    private static func waveResponse(_ id: Int, context: APIContext, status: HTTPStatus) throws -> Response {
        let snapshot = try context.store.snapshot()
        guard let data = snapshot.waves[id] else { throw WaveError.unknownWave(id) }
        var response = Response.json(JSONValue.object([("data_version", .int(snapshot.version)), ("wave", json(data))]).serialized(), status: status)
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    static func json(_ data: WaveData) -> JSONValue {
        let wave = data.wave
        let rate = data.responseRate
        return .object([
            ("id", .int(wave.id)), ("title_nb", .string(wave.titleNb)), ("title_en", .string(wave.titleEn)),
            ("map", .int(wave.map)), ("questionnaire", .string(wave.questionnaireID)), ("status", .string(wave.status.rawValue)),
            ("opens_on", .optional(wave.opensOn)), ("closes_on", .optional(wave.closesOn)),
            ("published_units", .bool(wave.publishedUnits)),
            ("units", .int(rate.n)), ("answered", .int(rate.count)), ("response_rate_percent", .int(rate.percent)),
            ("links", .object([("questions", .string("/v1/questions?wave=\(wave.id)")),
                               ("figures", .string("/v1/figures?wave=\(wave.id)"))])),
        ])
    }
}

/// The body of `POST /v1/waves`: `{"id": 2026, "title_nb": …, "title_en": …, "map": 2024,
/// "questionnaire": "2011" | {a questionnaire file}, "opens_on": "2026-01-15", "closes_on": "2026-03-31"}`.
struct WaveCreation: Decodable {
    let id: Int
    let titleNb: String
    let titleEn: String
    let map: Int
    let questionnaire: Choice
    let opensOn: String?
    let closesOn: String?

    enum Choice: Decodable {
        case stored(String)
        case file(QuestionnaireFile)

        init(from decoder: any Decoder) throws {
            if let id = try? decoder.singleValueContainer().decode(String.self) {
                self = .stored(id)
            } else {
                self = .file(try QuestionnaireFile(from: decoder))
            }
        }
    }

    static func decode(_ body: [UInt8]) throws -> WaveAdministration.NewWave {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let creation: WaveCreation
        do {
            creation = try decoder.decode(WaveCreation.self, from: Data(body))
        } catch let error as DecodingError {
            let (pointer, detail) = describe(error)
            throw APIError.invalid(status: .unprocessableContent, detail: "The wave was not created: \(detail)",
                                   errors: [APIError.Item(pointer: pointer, detail: detail)])
        }
        let questionnaire: WaveAdministration.QuestionnaireChoice
        switch creation.questionnaire {
        case let .stored(id): questionnaire = .stored(id)
        case let .file(file): questionnaire = .file(file)
        }
        return WaveAdministration.NewWave(id: creation.id, titleNb: creation.titleNb, titleEn: creation.titleEn, map: creation.map,
                                          questionnaire: questionnaire, opensOn: creation.opensOn, closesOn: creation.closesOn)
    }

    /// A JSON pointer (snake_case, as sent) and a sentence for a decoding error.
    private static func describe(_ error: DecodingError) -> (String, String) {
        func snakeCase(_ name: String) -> String {
            var text = ""
            for character in name {
                text += character.isUppercase ? "_" + character.lowercased() : String(character)
            }
            return text
        }
        func pointer(_ path: [any CodingKey]) -> String {
            var text = ""
            for key in path { text += "/" + (key.intValue.map { String($0) } ?? snakeCase(key.stringValue)) }
            return text
        }
        switch error {
        case let .keyNotFound(key, context):
            let path = pointer(context.codingPath + [key])
            return (path, "\(path) is missing.")
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            let path = pointer(context.codingPath)
            return (path, "\(path) has the wrong type: \(context.debugDescription)")
        case let .dataCorrupted(context):
            let path = pointer(context.codingPath)
            return (path, "the body is not valid JSON (\(context.debugDescription)).")
        @unknown default:
            return ("", "the body could not be read.")
        }
    }
}
