import HTTPServer
import Survey

/// `GET /v1/statistics/{question_id}?by=…&wave=…&compare=2011&<question>=<option>…`: any
/// question's distribution over its base in one wave, optionally grouped (a crosstab when `by` is
/// a question), filtered, and compared with 2011 through the questions' counterparts.
enum StatisticsRoutes {
    static let parameters: [String] = ["by", "wave", "compare", "level", "weights"]

    static func register(on router: inout Router, context: APIContext) {
        router.get("/v1/statistics/:question_id") { request in
            let questionID = request.parameter("question_id") ?? ""
            let wave = try WaveSelection.parse(request.query["wave"])
            let compare = try request.query["compare"].map { try WaveSelection.parse($0, parameter: "compare") }
            let threshold = context.suppressionThreshold(for: request.role)
            let level = try StatisticTable.level(request.query)
            let weights = try StatisticTable.weights(request.query)
            return try context.respondJSON(to: request) { snapshot in
                let data = try snapshot.waveData(wave)
                let questionnaire = data.dataset.questionnaire
                guard let question = try? questionnaire.question(questionID) else {
                    throw APIError.invalidParameter("question_id", detail: "there is no question '\(questionID)' (see /v1/questions).")
                }
                let filter = try QueryCheck.answerFilter(request.query, reserved: parameters, questionnaire: questionnaire)
                let grouping = try QueryCheck.grouping(request.query, questionnaire: questionnaire)
                let perturbed = CellKeyPerturbation.applies(role: request.role, filtered: !filter.isEmpty, grouping: grouping)
                // Weighted estimates come from the exact counts: beside a perturbed table they would undo the noise.
                if perturbed, weights != .none {
                    throw APIError.invalidParameter("weights", detail: "weights apply to tables without answer filters or a question breakdown (or for staff): an ad-hoc table is perturbed for privacy, and weighted estimates would undo that (docs/privacy.md).")
                }
                var table = try StatisticTable(dataset: data.dataset, questionID: question.id,
                                               filter: QueryCheck.condition(filter), grouping: grouping, minimumCellSize: threshold,
                                               level: level, weights: weights)
                // Ad-hoc tables (a filter, or grouped by a question) are perturbed for all but staff:
                // the difference of two such tables is noise, not a unit (docs/privacy.md).
                if perturbed {
                    try table.applyCellKey(context.cellKey, dataset: data.dataset, filter: QueryCheck.condition(filter), wave: data.wave.id)
                }
                let comparison = try compare.map {
                    try WaveComparison.tables(snapshot: snapshot, now: data, compare: $0, questionID: question.id, filter: filter,
                                              grouping: grouping, minimumCellSize: threshold, level: level, cellKey: perturbed ? context.cellKey : nil)
                }
                return [
                    ("wave", .string(wave.name)), ("question", .questionReference(question)),
                    ("by", .optional(grouping?.parameter)), ("filters", QueryCheck.json(filter)),
                    ("minimum_cell_size", .optional(threshold)), ("level", .double(level)),
                    ("disclosure_control", .string(perturbed ? "cell_key" : threshold == nil ? "none" : "suppression")),
                    ("response", .object([("answered", .int(data.responseRate.count)), ("units", .int(data.responseRate.n)),
                                          ("rate_percent", .int(data.responseRate.percent))])),
                ] + table.weightingMembers + table.jsonMembers + (comparison?.jsonMembers ?? [])
            }
        }
    }
}
