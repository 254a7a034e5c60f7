extension OpenAPIDocument {
    static var parameters: JSONValue {
        func query(_ name: String, _ description: String, _ schema: JSONValue) -> JSONValue {
            .object([("name", .string(name)), ("in", "query"), ("required", false), ("description", .string(description)), ("schema", schema)])
        }
        return .object([
            ("wave", query("wave", "A wave by its id (see /v1/waves): 2011, the baseline on the 2011 map (default), or a later wave such as 2026 on the 2024 map. Each wave counts only its own respondents; current is refused (400 naming wave), an unknown wave is 404 naming wave.", waveID)),
            ("compare", query("compare", "compare=2011 puts the same question in wave 2011 beside the wave asked, through the questions' and options' declared 2011 counterparts (the compare member): each side's base and shares, and the difference in percentage points. With by=county both waves are grouped by the counties of the later wave's map.", waveID)),
            ("by", query("by", "Group by size_class, kind, county or a choice question id (a crosstab).", string)),
            ("figureBy", query("by", "Group the figure by size_class, kind, county or a choice question id instead of as the report does (absent: as the report; the response's by says which).", string)),
            ("sectionBy", query("by", "size_class breaks down by municipality size every figure of the section that the report shows for all units (a figure the report already breaks down keeps its groups), and every number.", enumeration(["size_class"]))),
            ("map", query("map", "A map of units: 2011 (the 449 units the 2011 survey asked) or 2024 (today's units).", enumeration(["2011", "2024"]))),
            ("level", query("level", "Confidence level of the intervals (ci_low, ci_high), strictly between 0 and 1; default 0.95. Shares: Wilson score interval with the finite-population correction of the group's units on the wave's map (n' = n(N_d - 1)/(N_d - n)); means: t interval with (1 - f). ci_low/ci_high are on the scale of share (0-1) or of the mean; null with interval_note saying why (suppressed, empty base, fewer than two values). Outside (0, 1): 400 naming level.",
                            ["type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1, "default": 0.95])),
            ("weights", query("weights", "Non-response weights: none (default; the report's unweighted figures), size_class or size_class_county: post-stratification to the wave's units on its map (w = N_h/m_h per stratum; an empty size class x county cell is collapsed into its size class, an empty size class into all; each collapse in weight_notes). Adds weighted_share with weighted_ci_low/high per option (Wilson with Kish's effective n and the finite-population correction), weighted_mean, and per group weighted.effective_n and design_effect (Kish). JSON only; unknown values are 400 naming weights.",
                              enumeration(["none", "size_class", "size_class_county"]))),
            ("lang", query("lang", "Language of the labels: nb (Norwegian, the report's own words; default) or en (English).", enumeration(["nb", "en"]))),
            ("answerFilter", .object([
                ("name", "filters"), ("in", "query"), ("required", false), ("style", "form"), ("explode", true),
                ("description", "Any choice question id with an option code, e.g. uses_social_media=yes; repeated or comma-separated values of one question are OR-ed, different questions AND-ed. Unknown names are refused."),
                ("schema", ["type": "object", "additionalProperties": ["type": "string"]]),
            ])),
        ] + submissionParameters)
    }

    static var responses: JSONValue {
        let problem: JSONValue = ["application/problem+json": ["schema": ref("Problem")]]
        return .object([
            ("NotModified", ["description": "The representation matches If-None-Match (weak comparison)."]),
            ("BadRequest", .object([("description", "An unknown or invalid parameter, named in errors[].parameter."), ("content", problem)])),
            ("NotFound", .object([("description", "No such resource."), ("content", problem)])),
            ("Unauthorized", .object([
                ("description", "No token on a private route, or a bearer token that is not valid (also on a public route)."),
                ("headers", ["WWW-Authenticate": ["schema": ["type": "string"], "description": "Bearer realm=\"betakomm\", with error=\"invalid_token\" when a token was sent."]]),
                ("content", problem),
            ])),
        ] + submissionResponses)
    }

    private static func path(_ id: String, _ pathParameter: (String, String, JSONValue)?, _ queryParameters: [JSONValue],
                             _ content: [(String, JSONValue)], summary: String, forbidden: String? = nil) -> JSONValue {
        var parameters = queryParameters
        if let (name, example, schema) = pathParameter {
            parameters.insert(.object([("name", .string(name)), ("in", "path"), ("required", true), ("schema", schema), ("example", .string(example))]), at: 0)
        }
        return .object([("get", .object([
            ("operationId", .string(id)), ("summary", .string(summary)), ("parameters", .array(parameters)),
            ("responses", .object([
                ("200", .object([
                    ("description", "OK. Headers: ETag, Data-Version, Cache-Control."),
                    ("content", .object(content.map { ($0.0, ["schema": $0.1]) })),
                ])),
                ("304", ["$ref": "#/components/responses/NotModified"]),
                ("400", ["$ref": "#/components/responses/BadRequest"]),
                ("401", ["$ref": "#/components/responses/Unauthorized"]),
            ] + (forbidden.map { [("403", .object([("description", .string($0)), ("content", ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]])]))] } ?? []) + [
                ("404", ["$ref": "#/components/responses/NotFound"]),
                ("503", ["$ref": "#/components/responses/ServiceUnavailable"]),
            ])),
        ]))])
    }

    private static func parameter(_ name: String) -> JSONValue { ["$ref": .string("#/components/parameters/\(name)")] }

    private static func query(_ name: String, _ description: String, _ schema: JSONValue) -> JSONValue {
        .object([("name", .string(name)), ("in", "query"), ("required", false), ("description", .string(description)), ("schema", schema)])
    }

    static var paths: JSONValue {
        let json = "application/json"
        let code = ("code", "1601", string)
        return .object([
            ("/health", path("health", nil, [], [(json, ref("Health"))], summary: "Liveness and database readability (503 problem with Retry-After: 1 when unreadable).")),
            ("/openapi.json", path("openapi", nil, [], [(json, type("object"))], summary: "This document.")),
            ("/v1/questions", path("listQuestions", nil, [query("section", "Only questions of this report section.", string), parameter("wave")],
                                   [(json, ref("QuestionsResponse"))], summary: "A wave's questionnaire with options, types, bases and each question's and option's 2011 counterpart.")),
            ("/v1/questions/{id}", path("getQuestion", ("id", "channels", string), [parameter("wave")], [(json, ref("QuestionResponse"))],
                                        summary: "One question of a wave's questionnaire.")),
            ("/v1/respondents", path("listRespondents", nil, [
                parameter("map"),
                query("q", "Name or code search: matches the start of the code or of any word of the name, case-insensitive, with æ/ä as ae, ø/ö as o, å and aa as a, accents stripped (tromso finds Tromsø, odal finds Nord-Odal, 16 finds codes 16…). Combines with every filter.",
                      ["type": "string", "minLength": 1, "maxLength": 100]),
                query("kind", "kommune or fylkeskommune (repeatable).", enumeration(["kommune", "fylkeskommune"])),
                query("size_class", "small, medium, large or county (repeatable).", enumeration(["small", "medium", "large", "county"])),
                query("county", "County code, e.g. 03 (repeatable).", string),
                query("answered_2011", "Whether the unit answered in 2011.", boolean),
                query("sort", "code, name or population; prefix - for descending.", string),
                query("limit", "Rows per page, 1–500 (default 50).", ["type": "integer", "minimum": 1, "maximum": 500]),
                query("cursor", "The next_cursor of the previous page (also in the Link header).", string),
                .object([("$ref", "#/components/parameters/answerFilter"), ("description", "Staff only (or a wave KS published at unit level): filtering units by their answers would show each unit's answers, so the public gets 400 naming the parameter and why. Wave 2011's answers are synthetic and never published at unit level.")]),
            ], [(json, ref("RespondentList"))], summary: "Units of a map (2011 unless map= is given; a name search without map= searches both maps) with filters, sorting and keyset pagination (Link: rel=\"next\"); each row names its map.")),
            ("/v1/respondents/{code}", path("getRespondent", code, [.object([("$ref", "#/components/parameters/map"), ("description", "The map whose unit is shown (default: the newest map that has the code).")])],
                                            [(json, ref("RespondentResponse"))],
                                            summary: "Registry facts of one unit (never its answers), its predecessors and successors on the other map, and the maps that have the code.")),
            ("/v1/respondents/{code}/score", path("getScore", code, [parameter("wave")], [(json, ref("ScoreResponse"))],
                                                  summary: "Success-factor score: criteria met and missed with advice, rank among peers of its size class. Private: the unit's own token, staff, or a wave KS published at unit level (401 for the public, with the reason; never 2011, whose answers are synthetic).",
                                                  forbidden: "Another unit's token: a token reads only its own unit's score.")),
            ("/v1/statistics/{question_id}", path("getStatistic", ("question_id", "channels", string), [parameter("by"), parameter("wave"), parameter("compare"), parameter("level"), parameter("weights"), parameter("answerFilter")],
                                                  [(json, ref("Statistic"))], summary: "Any question's distribution in one wave, its response rate, optionally grouped, filtered and compared with 2011.")),
            ("/v1/figures", path("listFigures", nil, [], [(json, ref("FigureList"))], summary: "The report's 26 figures.")),
            ("/v1/figures/{n}", path("getFigure", ("n", "7", string), [
                parameter("wave"), parameter("figureBy"), parameter("level"), parameter("weights"),
                .object([("$ref", "#/components/parameters/compare"), ("description", "With format=json: compare=2011 adds each panel's compare member (the same question in wave 2011 through its counterparts).")]),
                query("format", "json (default), csv or jsonstat (JSON-stat 2.0).", enumeration(["json", "csv", "jsonstat"])),
                query("variant", "With format=csv: rfc4180 (default) or excel (BOM, ';', decimal comma, formula escaping).", enumeration(["rfc4180", "excel"])),
                .object([("$ref", "#/components/parameters/lang"), ("description", "With format=csv or jsonstat: the language of the labels (nb default, en). Refused with format=json, which carries both.")]),
            ], [(json, ["anyOf": [ref("FigureResponse"), ref("JSONStatDataset")]]), ("text/csv; charset=utf-8; header=present", string)],
               summary: "One figure as data (Content-Language on csv and jsonstat).")),
            ("/v1/figures/{n}.svg", path("getFigureChart", ("n", "7", string), [parameter("wave"), parameter("figureBy"), parameter("compare"), parameter("lang"), parameter("level")], [("image/svg+xml", string)],
                                         summary: "One figure as an SVG bar chart, titled and labelled in lang (Content-Language).")),
            ("/v1/strategies", path("getStrategies", nil, [parameter("sectionBy"), parameter("wave")], [(json, ref("Section"))],
                                    summary: "Fig. 1–6 and the strategy numbers of the text.")),
            ("/v1/channels", path("getChannels", nil, [parameter("sectionBy"), parameter("wave")], [(json, ref("Section"))],
                                  summary: "Fig. 10–13 and 20–25 and the channel numbers of the text.")),
            ("/v1/success-factors", path("getSuccessFactors", nil, [parameter("sectionBy"), parameter("wave")], [(json, ref("Section"))],
                                         summary: "Fig. 26, goal attainment, the success-criteria comparisons and the distribution of scores.")),
        ] + submissionPaths + wavePaths)
    }
}
