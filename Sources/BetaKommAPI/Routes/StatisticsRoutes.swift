import HTTPServer
import Survey

/// `GET /v1/statistics/{question_id}?by=…&wave=…&<question>=<option>…`: any question's
/// distribution over its base, optionally grouped (a crosstab when `by` is a question) and filtered.
enum StatisticsRoutes {
    static let parameters: [String] = ["by", "wave"]

    static func register(on router: inout Router, context: APIContext) {
        router.get("/v1/statistics/:question_id") { request in
            let questionID = request.parameter("question_id") ?? ""
            let wave = try WaveSelection.parse(request.query["wave"])
            let threshold = context.suppressionThreshold(for: request.role)
            return try context.respondJSON(to: request) { snapshot in
                let questionnaire = snapshot.questionnaire
                guard let question = try? questionnaire.question(questionID) else {
                    throw APIError.invalidParameter("question_id", detail: "there is no question '\(questionID)' (see /v1/questions).")
                }
                let filter = try QueryCheck.answerFilter(request.query, reserved: parameters, questionnaire: questionnaire)
                let grouping = try QueryCheck.grouping(request.query, questionnaire: questionnaire)
                let table = try StatisticTable(dataset: snapshot.dataset(wave), questionID: question.id,
                                               filter: QueryCheck.condition(filter), grouping: grouping, minimumCellSize: threshold)
                return [
                    ("wave", .string(wave.name)), ("question", .questionReference(question)),
                    ("by", .optional(grouping?.parameter)), ("filters", QueryCheck.json(filter)),
                    ("minimum_cell_size", .optional(threshold)),
                ] + table.jsonMembers
            }
        }
    }
}
