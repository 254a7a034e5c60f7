import HTTPServer
import Survey

/// The report's 26 figures: `GET /v1/figures`, `GET /v1/figures/{n}` (JSON, `?format=csv`,
/// `?format=csv&variant=excel`, `?format=jsonstat`) and `GET /v1/figures/{n}.svg`; CSV, JSON-stat
/// and SVG take `lang=nb|en` for their labels, and every form takes `by=` to group the figure
/// otherwise than the report does (size class, kind, county or another answer). Rendered bytes
/// are cached per data version, role and request target.
enum FigureRoutes {
    static func register(on router: inout Router, context: APIContext) {
        router.get("/v1/figures") { request in
            try QueryCheck.requireKnown(request.query, allowed: [])
            return try context.respondJSON(to: request) { _ in
                [("figures", .array(Figure.report2011.map { FigureData.summary($0, by: $0.grouping) }))]
            }
        }
        router.get("/v1/figures/:n") { request in
            try QueryCheck.requireKnown(request.query, allowed: ["wave", "by", "compare", "format", "variant", "lang", "level", "weights"])
            let figure = try figureComputation(request, context: context)
            let representation = try representation(request.query)
            if case .json = representation {} else if request.query["weights"] != nil {
                throw APIError.invalidParameter("weights", detail: "weighted estimates are served with format=json; csv, jsonstat and the chart show the report's unweighted figures.")
            }
            switch representation {
            case .json:
                return try context.respondJSON(to: request) { snapshot in
                    let data = try figure(snapshot)
                    return [("wave", .string(data.wave.name)), ("figure", data.json)]
                }
            case let .csv(variant, language):
                let writer = CSVWriter(variant: variant)
                let format = "csv-\(variant.rawValue)" + tagSuffix(language)
                return try respond(context, to: request, format: format, contentType: writer.contentType, language: language) { snapshot in
                    try figure(snapshot).csv(writer, language: language)
                }
            case let .jsonStat(language):
                return try respond(context, to: request, format: "jsonstat" + tagSuffix(language), contentType: "application/json", language: language) { snapshot in
                    try figure(snapshot).jsonStat(updated: snapshot.updated, dataVersion: snapshot.version, language: language).serialized()
                }
            }
        }
        router.get("/v1/figures/:n.svg") { request in
            try QueryCheck.requireKnown(request.query, allowed: ["wave", "by", "compare", "lang", "level"])
            let figure = try figureComputation(request, context: context)
            let language = try self.language(request.query)
            return try respond(context, to: request, format: "svg" + tagSuffix(language), contentType: "image/svg+xml", language: language) { snapshot in
                try figure(snapshot).svg(language)
            }
        }
    }

    /// The figure the request names (`n`, `wave`, `by`, with the caller's suppression), computed
    /// from a snapshot when the cache has no rendering of it. `by` is checked against the
    /// snapshot's questionnaire, as `/v1/statistics` checks it.
    private static func figureComputation(_ request: Request, context: APIContext) throws -> @Sendable (DataSnapshot) throws -> FigureData {
        let number = try figureNumber(request)
        let wave = try WaveSelection.parse(request.query["wave"])
        let compare = try request.query["compare"].map { try WaveSelection.parse($0, parameter: "compare") }
        let threshold = context.suppressionThreshold(for: request.role)
        let level = try StatisticTable.level(request.query)
        let weights = try StatisticTable.weights(request.query)
        let query = request.query
        let cellKey = request.role == .staff ? nil : context.cellKey
        return { snapshot in
            try FigureData(number: number, snapshot: snapshot, wave: wave,
                           by: QueryCheck.grouping(query, questionnaire: try snapshot.dataset(wave).questionnaire), compare: compare,
                           minimumCellSize: threshold, level: level, weights: weights, cellKey: cellKey)
        }
    }

    /// A rendered figure with `Content-Language` (RFC 9110 §8.5) naming the language of its labels.
    /// The cache is keyed by the whole request target, so `?lang=en` is stored apart from the default.
    private static func respond(
        _ context: APIContext, to request: Request, format: String, contentType: String, language: Language,
        render: (DataSnapshot) throws -> [UInt8]
    ) throws -> Response {
        try context.respond(
            to: request, format: format, contentType: contentType, extraHeaders: ["Content-Language": language.rawValue], render: render
        )
    }

    /// The ETag's representation part grows `-en` for English; Norwegian keeps the tags it always had.
    private static func tagSuffix(_ language: Language) -> String {
        language == .nb ? "" : "-\(language.rawValue)"
    }

    /// `lang=nb|en`; absent means `nb`, the report's own language.
    private static func language(_ query: QueryParameters) throws(APIError) -> Language {
        guard let value = query["lang"] else { return .nb }
        guard let language = Language(rawValue: value) else {
            throw .invalidParameter("lang", detail: "expected nb or en, got '\(value)'.")
        }
        return language
    }

    private enum Representation {
        case json
        case csv(CSVWriter.Variant, Language)
        case jsonStat(Language)
    }

    private static func representation(_ query: QueryParameters) throws(APIError) -> Representation {
        let variant = query["variant"]
        let language = try language(query)
        switch query["format"] ?? "json" {
        case "json" where query["lang"] != nil:
            throw .invalidParameter("lang", detail: "format=json carries both languages (caption_nb and caption_en, label_nb and label_en); lang applies to csv, jsonstat and the .svg chart.")
        case "json" where variant == nil: return .json
        case "jsonstat" where variant == nil: return .jsonStat(language)
        case "csv":
            switch variant ?? "rfc4180" {
            case "rfc4180": return .csv(.rfc4180, language)
            case "excel": return .csv(.excel, language)
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
