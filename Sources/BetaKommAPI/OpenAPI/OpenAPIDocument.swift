/// The OpenAPI 3.1 description of the API (reads, submissions, staff routes), served at `/openapi.json`. Built in Swift so it
/// ships inside the binary; `OpenAPIConformanceTests` fetches every documented GET (and the
/// answer writes and the import) from the real server and validates the bodies against these schemas, so document and code cannot drift.
enum OpenAPIDocument {
    /// The document as JSON bytes, built once.
    static let bytes: [UInt8] = document.serialized()

    static var document: JSONValue {
        .object([
            ("openapi", "3.1.0"),
            ("info", .object([
                ("title", "BetaKomm API"), ("version", "1.0.0"),
                ("description", "KS's surveys of Norwegian municipalities' use of social media in waves: 2011, the baseline on the 449 units of the 2011 map, and later waves on today's map (see /v1/waves), compared through each question's 2011 counterpart. Every JSON body carries data_version (and a Data-Version header); errors are RFC 9457 problem documents; public aggregates over fewer respondents than the minimum cell size are suppressed."),
            ])),
            ("servers", [["url": "/"]]),
            ("paths", paths),
            ("components", .object([
                ("schemas", schemas), ("parameters", parameters), ("responses", responses),
                ("securitySchemes", ["bearerAuth": .object([
                    ("type", "http"), ("scheme", "bearer"),
                    ("description", "bk_<id>_<secret>, issued with `betakomm token issue`: a respondent token reads and writes its own unit's answers, a staff token every unit, the audit log, export and import."),
                ])]),
            ])),
        ])
    }

    // MARK: helpers for the schema subset the conformance test validates

    /// An object whose members are all required and no others allowed.
    static func object(_ properties: [(String, JSONValue)], optional: Set<String> = []) -> JSONValue {
        .object([
            ("type", "object"),
            ("properties", .object(properties)),
            ("required", .array(properties.map(\.0).filter { !optional.contains($0) }.map(JSONValue.string))),
            ("additionalProperties", false),
        ])
    }

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    static func type(_ name: String) -> JSONValue { ["type": .string(name)] }
    static func nullable(_ name: String) -> JSONValue { ["type": [.string(name), "null"]] }
    static func nullableRef(_ name: String) -> JSONValue { ["anyOf": [ref(name), ["type": "null"]]] }
    static func enumeration(_ values: [String]) -> JSONValue { ["type": "string", "enum": .array(values.map(JSONValue.string))] }
    static let string = type("string")
    static let integer = type("integer")
    static let number = type("number")
    static let boolean = type("boolean")
    /// A wave's id as the read routes take and serve it: a string of digits ("2011", "2026").
    static let waveID: JSONValue = ["type": "string", "pattern": "^[0-9]+$", "examples": ["2011", "2026"]]
}
