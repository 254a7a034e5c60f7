import HTTPServer
import Survey

/// A wave's questionnaire (`wave=`, default 2011): `GET /v1/questions` and `GET /v1/questions/{id}`,
/// each question with its 2011 counterpart.
enum QuestionRoutes {
    static func register(on router: inout Router, context: APIContext) {
        router.get("/v1/questions") { request in
            try QueryCheck.requireKnown(request.query, allowed: ["section", "wave"])
            let section = request.query["section"]
            let wave = try WaveSelection.parse(request.query["wave"])
            return try context.respondJSON(to: request) { snapshot in
                let questionnaire = try snapshot.dataset(wave).questionnaire
                let questions = questionnaire.questions.enumerated()
                    .filter { section == nil || $0.element.section == section }
                    .map { JSONValue.question($0.element, position: $0.offset + 1) }
                return [("wave", .string(wave.name)), ("questionnaire", .string(questionnaire.id)), ("questions", .array(questions))]
            }
        }
        router.get("/v1/questions/:id") { request in
            try QueryCheck.requireKnown(request.query, allowed: ["wave"])
            let id = request.parameter("id") ?? ""
            let wave = try WaveSelection.parse(request.query["wave"])
            return try context.respondJSON(to: request) { snapshot in
                let questionnaire = try snapshot.dataset(wave).questionnaire
                let questions = questionnaire.questions
                guard let position = questions.firstIndex(where: { $0.id == id }) else { throw SurveyError.unknownQuestion(id) }
                return [("wave", .string(wave.name)), ("question", .question(questions[position], position: position + 1))]
            }
        }
    }
}
