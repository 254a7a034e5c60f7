import HTTPServer
import Survey

/// `GET /v1/strategies`, `/v1/channels`, `/v1/success-factors`: a section's figures and text
/// numbers in one document, each `?by=size_class` and `?wave=2011|current`.
enum SectionRoutes {
    static func register(on router: inout Router, context: APIContext) {
        for section in [Section.strategies, .channels, .successFactors] {
            router.get("/v1/\(section.id)") { request in
                try QueryCheck.requireKnown(request.query, allowed: ["by", "wave"])
                let wave = try WaveSelection.parse(request.query["wave"])
                let grouping = try QueryCheck.sectionGrouping(request.query)
                let threshold = context.suppressionThreshold(for: request.role)
                return try context.respondJSON(to: request) { snapshot in
                    let dataset = try snapshot.dataset(wave)
                    var members: [(String, JSONValue)] = [
                        ("wave", .string(wave.name)), ("by", .optional(grouping?.parameter)),
                        ("section", .object([("id", .string(section.id)), ("title_nb", .string(section.titleNb)), ("title_en", .string(section.titleEn))])),
                        ("figures", .array(try section.figures.map { number in
                            try FigureData(number: number, snapshot: snapshot, wave: wave, by: grouping, minimumCellSize: threshold).json
                        })),
                        ("numbers", .array(try section.numbers.map { try $0.json(dataset: dataset, grouping: grouping, minimumCellSize: threshold) })),
                    ]
                    if section.id == Section.successFactors.id {
                        let goal = try StatisticTable(dataset: dataset, questionID: "goal_attainment", filter: nil, grouping: grouping, minimumCellSize: threshold)
                        members.append(("goal_attainment", .object(goal.jsonMembers)))
                        members.append(("score_distribution", try ScoreDistribution(snapshot: snapshot, wave: wave, grouping: grouping, minimumCellSize: threshold).json))
                    }
                    return members
                }
            }
        }
    }
}
