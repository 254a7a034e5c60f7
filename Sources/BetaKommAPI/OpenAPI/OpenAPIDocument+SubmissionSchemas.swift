extension OpenAPIDocument {
    /// The schemas of a unit's own answers, their history, the audit log and the import.
    static var submissionSchemas: [(String, JSONValue)] {
        let source = enumeration(["baseline-2011", "submission", "import"])
        let versionMembers: [(String, JSONValue)] = [
            ("respondent_code", string), ("version", integer), ("wave", integer), ("source", source), ("created_at", string),
        ]
        let answers: JSONValue = [
            "type": "object", "additionalProperties": ref("Answer"),
            "description": "Answers by question id (see /v1/questions).",
        ]
        let problemMembers: [(String, JSONValue)] = [
            ("type", string), ("title", string), ("status", integer), ("detail", string), ("instance", nullable("string")),
        ]
        return [
            ("Answer", .object([
                ("description", "Single choice: an option code; multiple choice: option codes, each once; number or scale: a whole number."),
                ("anyOf", [string, array(string), integer]),
            ])),
            ("AnswersDocument", object([("answers", answers)])),
            ("AnswerSet", object(versionMembers + [("answers", answers)])),
            ("AnswerReference", object([
                ("respondent_code", string),
                ("predecessors", array(object([
                    ("code", string), ("map", integer), ("name", string), ("change", enumeration(["unchanged", "renumbered", "merged", "split"])),
                    ("wave", integer), ("answered", boolean), ("provenance", nullable("string")),
                    ("answers", ["anyOf": [answers, ["type": "null"]]]),
                ]))),
            ])),
            ("AnswerVersions", object([("respondent_code", string), ("versions", array(object(versionMembers + [("token_id", nullable("integer"))])))])),
            ("AnswerDiff", object([
                ("respondent_code", string), ("from", integer), ("to", integer),
                ("changes", array(object([
                    ("op", enumeration(["added", "removed", "changed"])), ("pointer", string),
                    ("old", nullableRef("Answer")), ("new", nullableRef("Answer")),
                ]))),
            ])),
            ("AuditPage", object([
                ("entries", array(object([
                    ("id", integer), ("at", string), ("token_id", nullable("integer")), ("action", enumeration(["put", "patch", "import"])),
                    ("respondent_code", string), ("version", integer), ("wave", integer), ("changes", array(string)), ("remote_address", string),
                ]))),
                ("limit", integer), ("next_before", nullable("integer")),
            ])),
            ("ValidationProblem", object(problemMembers + [("errors", array(object([("pointer", string), ("detail", string)])))])),
            ("ImportReport", object([
                ("dry_run", boolean), ("rows", integer), ("valid", boolean),
                ("created", array(object([("respondent_code", string), ("version", integer), ("wave", integer)]))),
            ])),
            ("ImportProblem", object(problemMembers + [
                ("dry_run", boolean), ("rows", integer),
                ("errors", array(object([("row", integer), ("column", nullable("string")), ("detail", string)]))),
            ])),
        ]
    }
}
