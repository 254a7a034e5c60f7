extension OpenAPIDocument {
    /// The survey waves: each on a map of units, with a questionnaire, a status and dates.
    static var waveSchemas: [(String, JSONValue)] {
        [
            ("Wave", object([
                ("id", integer), ("title_nb", string), ("title_en", string), ("map", integer), ("questionnaire", string),
                ("status", enumeration(["draft", "open", "closed"])), ("opens_on", nullable("string")), ("closes_on", nullable("string")),
                ("published_units", ["type": "boolean", "description": "Whether KS published the wave at unit level: then anyone may read each unit's score and filter units by answers. Never true for the synthetic 2011 wave."]),
                ("units", integer), ("answered", integer), ("response_rate_percent", integer),
                ("links", object([("questions", string), ("figures", string)])),
            ])),
            ("WaveList", object([("data_version", integer), ("waves", array(ref("Wave")))])),
            ("WaveResponse", object([("data_version", integer), ("wave", ref("Wave"))])),
            ("NewWave", .object([
                ("type", "object"),
                ("description", "A new wave (status draft): its id (a year), titles, the map whose units it asks, and its questionnaire: the id of a stored one (\"2011\") or a questionnaire file, stored with the wave."),
                ("properties", .object([
                    ("id", integer), ("title_nb", string), ("title_en", string), ("map", .object([("type", "integer"), ("enum", .array([.int(2011), .int(2024)]))])),
                    ("questionnaire", ["anyOf": [string, type("object")]]),
                    ("opens_on", ["type": "string", "description": "A date, YYYY-MM-DD."]),
                    ("closes_on", ["type": "string", "description": "A date, YYYY-MM-DD, not before opens_on."]),
                ])),
                ("required", ["id", "title_nb", "title_en", "map", "questionnaire"]),
            ])),
        ]
    }

    static var wavePaths: [(String, JSONValue)] {
        let json = "application/json"
        let id: JSONValue = .object([("name", "id"), ("in", "path"), ("required", true), ("schema", ["type": "string", "pattern": "^[0-9]+$"]),
                                     ("example", "2011")])
        func reference(_ name: String) -> JSONValue { ["$ref": .string("#/components/responses/\(name)")] }
        func problem(_ description: String) -> JSONValue {
            .object([("description", .string(description)), ("content", ["application/problem+json": ["schema": ref("Problem")]])])
        }
        func read(_ operationID: String, _ summary: String, parameters: [JSONValue], schema: String) -> JSONValue {
            .object([
                ("operationId", .string(operationID)), ("summary", .string(summary)), ("parameters", .array(parameters)),
                ("responses", .object([
                    ("200", .object([("description", "OK. Headers: ETag, Data-Version, Cache-Control."),
                                     ("content", .object([(json, .object([("schema", ref(schema))]))]))])),
                    ("304", reference("NotModified")), ("400", reference("BadRequest")), ("401", reference("Unauthorized")),
                    ("404", reference("NotFound")), ("503", reference("ServiceUnavailable")),
                ])),
            ])
        }
        func staff(_ operationID: String, _ summary: String, parameters: [JSONValue], body: JSONValue?,
                   success: (String, String), failures: [(String, JSONValue)]) -> JSONValue {
            var members: [(String, JSONValue)] = [
                ("operationId", .string(operationID)), ("summary", .string(summary)), ("security", [["bearerAuth": []]]),
                ("parameters", .array(parameters)),
            ]
            if let body { members.append(("requestBody", body)) }
            let ok: JSONValue = .object([("description", .string(success.1)), ("content", .object([(json, .object([("schema", ref("WaveResponse"))]))]))])
            members.append(("responses", .object([(success.0, ok)] + failures + [
                ("401", reference("Unauthorized")), ("403", reference("Forbidden")), ("503", reference("ServiceUnavailable")),
            ])))
            return .object(members)
        }
        let transitionFailures: [(String, JSONValue)] = [
            ("400", reference("BadRequest")),
            ("404", problem("No such wave (errors[].parameter wave).")),
            ("409", problem("The wave cannot move so (draft → open → closed only); detail names its status.")),
        ]
        return [
            ("/v1/waves", .object([
                ("get", read("listWaves", "Every survey wave: map, questionnaire, status, dates and response rate.", parameters: [], schema: "WaveList")),
                ("post", staff(
                    "createWave", "Staff: create a wave (status draft) on a map with a stored questionnaire or a questionnaire file.",
                    parameters: [],
                    body: .object([("required", true), ("content", .object([(json, .object([("schema", ref("NewWave"))]))]))]),
                    success: ("201", "Created. Headers: Location (/v1/waves/{id}), Cache-Control: no-store."),
                    failures: [
                        ("400", reference("BadRequest")),
                        ("409", problem("A wave with this id, or a questionnaire file whose id is stored already.")),
                        ("422", problem("The body is not a valid wave (each problem with its JSON pointer), or its questionnaire is not valid.")),
                    ])),
            ])),
            ("/v1/waves/{id}", .object([
                ("get", read("getWave", "One wave.", parameters: [id], schema: "WaveResponse")),
            ])),
            ("/v1/waves/{id}/open", .object([
                ("post", staff("openWave", "Staff: open a draft wave: units' tokens for it may write from now on.", parameters: [id], body: nil,
                               success: ("200", "Opened. Cache-Control: no-store."), failures: transitionFailures)),
            ])),
            ("/v1/waves/{id}/close", .object([
                ("post", staff("closeWave", "Staff: close an open wave: its answers are final (staff may still correct them, audited).",
                               parameters: [id], body: nil, success: ("200", "Closed. Cache-Control: no-store."), failures: transitionFailures)),
            ])),
            ("/v1/waves/{id}/publish", .object([
                ("post", staff("publishWave", "Staff: publish a wave at unit level (KS has the units' consent): each unit's score and answer filters become public. Never the synthetic 2011 wave.",
                               parameters: [id], body: nil, success: ("200", "Published. Cache-Control: no-store."), failures: [
                                   ("400", reference("BadRequest")),
                                   ("404", problem("No such wave (errors[].parameter wave).")),
                                   ("409", problem("The wave may never be published at unit level: 2011's answers are synthetic (detail says why).")),
                               ])),
            ])),
        ]
    }
}
