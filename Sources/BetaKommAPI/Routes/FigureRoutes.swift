import HTTPServer
import Survey

/// The report's 26 figures: `GET /v1/figures`, `GET /v1/figures/{n}` (JSON, `?format=csv`,
/// `?format=csv&variant=excel`, `?format=jsonstat`) and `GET /v1/figures/{n}.svg`.
/// Rendered bytes are cached per data version, role and representation.
enum FigureRoutes {
    static func register(on router: inout Router, context: APIContext) {
        router.get("/v1/figures") { request in
            try QueryCheck.requireKnown(request.query, allowed: [])
            return try context.respondJSON(to: request) { _ in
                [("figures", .array(Figure.report2011.map(FigureData.summary)))]
            }
        }
        router.get("/v1/figures/:n") { request in
            try QueryCheck.requireKnown(request.query, allowed: ["wave", "format", "variant"])
            let number = try figureNumber(request)
            let wave = try WaveSelection.parse(request.query["wave"])
            let threshold = context.suppressionThreshold(for: request.role)
            switch try representation(request.query) {
            case .json:
                return try context.respondJSON(to: request) { snapshot in
                    [("wave", .string(wave.name)),
                     ("figure", try FigureData(number: number, snapshot: snapshot, wave: wave, minimumCellSize: threshold).json)]
                }
            case let .csv(variant):
                let writer = CSVWriter(variant: variant)
                return try context.respond(to: request, format: "csv-\(variant.rawValue)", contentType: writer.contentType) { snapshot in
                    try FigureData(number: number, snapshot: snapshot, wave: wave, minimumCellSize: threshold).csv(writer)
                }
            case .jsonStat:
                return try context.respond(to: request, format: "jsonstat", contentType: "application/json") { snapshot in
                    try FigureData(number: number, snapshot: snapshot, wave: wave, minimumCellSize: threshold)
                        .jsonStat(updated: snapshot.updated, dataVersion: snapshot.version).serialized()
                }
            }
        }
        router.get("/v1/figures/:n.svg") { request in
            try QueryCheck.requireKnown(request.query, allowed: ["wave"])
            let number = try figureNumber(request)
            let wave = try WaveSelection.parse(request.query["wave"])
            let threshold = context.suppressionThreshold(for: request.role)
            return try context.respond(to: request, format: "svg", contentType: "image/svg+xml") { snapshot in
                try FigureData(number: number, snapshot: snapshot, wave: wave, minimumCellSize: threshold).svg()
            }
        }
    }

    private enum Representation {
        case json
        case csv(CSVWriter.Variant)
        case jsonStat
    }

    private static func representation(_ query: QueryParameters) throws(APIError) -> Representation {
        let variant = query["variant"]
        switch query["format"] ?? "json" {
        case "json" where variant == nil: return .json
        case "jsonstat" where variant == nil: return .jsonStat
        case "csv":
            switch variant ?? "rfc4180" {
            case "rfc4180": return .csv(.rfc4180)
            case "excel": return .csv(.excel)
            case let other: throw .invalidParameter("variant", detail: "expected excel or rfc4180, got '\(other)'.")
            }
        case "json", "jsonstat": throw .invalidParameter("variant", detail: "only format=csv has variants.")
        case let other: throw .invalidParameter("format", detail: "expected json, csv or jsonstat, got '\(other)'.")
        }
    }

    private static func figureNumber(_ request: Request) throws(APIError) -> Int {
        let text = request.parameter("n") ?? ""
        guard let number = Int(text), Figure.report2011.contains(where: { $0.number == number }) else {
            throw .notFound("The report has no figure '\(text)'; figures are numbered 1–\(Figure.report2011.count).")
        }
        return number
    }
}
