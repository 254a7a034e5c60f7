import HTTPServer
import Survey

/// The questionnaire: `GET /v1/questions` and `GET /v1/questions/{id}`.
enum QuestionRoutes {
    static func register(on router: inout Router, context: APIContext) {
        router.get("/v1/questions") { request in
            try QueryCheck.requireKnown(request.query, allowed: ["section"])
            let section = request.query["section"]
            return try context.respondJSON(to: request) { snapshot in
                let questions = snapshot.questionnaire.questions.enumerated()
                    .filter { section == nil || $0.element.section == section }
                    .map { JSONValue.question($0.element, position: $0.offset + 1) }
                return [("questions", .array(questions))]
            }
        }
        router.get("/v1/questions/:id") { request in
            try QueryCheck.requireKnown(request.query, allowed: [])
            let id = request.parameter("id") ?? ""
            return try context.respondJSON(to: request) { snapshot in
                let questions = snapshot.questionnaire.questions
                guard let position = questions.firstIndex(where: { $0.id == id }) else { throw SurveyError.unknownQuestion(id) }
                return [("question", .question(questions[position], position: position + 1))]
            }
        }
    }
}
