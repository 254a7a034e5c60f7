extension OpenAPIDocument {
    static var schemas: JSONValue {
        let labels: [(String, JSONValue)] = [("label_nb", string), ("label_en", string)]
        let questionType = enumeration(["single", "multiple", "number", "scale"])
        let wave = waveID
        let counterpart: (String, JSONValue) = ("counterpart_2011", nullable("string"))
        return .object([
            ("Problem", object([
                ("type", string), ("title", string), ("status", integer), ("detail", string), ("instance", nullable("string")),
                ("errors", array(object([("parameter", string), ("pointer", string), ("detail", string)], optional: ["parameter", "pointer"]))),
            ])),
            ("Health", object([("status", enumeration(["ok"])), ("data_version", integer), ("database", enumeration(["ok"]))])),
            ("Option", object([("code", string)] + labels)),
            ("QuestionOption", object([("code", string)] + labels + [counterpart])),
            ("Condition", ["type": "object", "description": "{\"question\":id,\"in\":[codes]} | {\"all\":[…]} | {\"any\":[…]} | {\"not\":…}"]),
            ("Question", object([
                ("id", string), ("position", integer), ("section", string), ("type", questionType), ("text_nb", string), ("label_en", string),
                ("base", ["anyOf": [ref("Condition"), ["type": "null"]]]), ("minimum", nullable("integer")), ("maximum", nullable("integer")),
                ("options", array(ref("QuestionOption"))), counterpart,
            ])),
            ("QuestionReference", object([("id", string), ("type", questionType), ("text_nb", string), ("label_en", string)])),
            ("QuestionsResponse", object([("data_version", integer), ("wave", wave), ("questionnaire", string), ("questions", array(ref("Question")))])),
            ("QuestionResponse", object([("data_version", integer), ("wave", wave), ("question", ref("Question"))])),
            ("Respondent", object(respondentMembers, optional: ["latest_version", "latest_wave"])),
            ("UnitLink", object([
                ("code", string), ("map", integer), ("name", nullable("string")), ("change", enumeration(["unchanged", "renumbered", "merged", "split"])),
                ("href", string),
            ])),
            ("RespondentDetail", object(respondentMembers + [("predecessors", array(ref("UnitLink"))), ("successors", array(ref("UnitLink")))],
                                        optional: ["latest_version", "latest_wave"])),
            ("RespondentList", object([("data_version", integer), ("respondents", array(ref("Respondent"))), ("limit", integer), ("next_cursor", nullable("string"))])),
            ("RespondentResponse", object([("data_version", integer), ("respondent", ref("RespondentDetail")), ("on_maps", array(integer))])),
            ("Criterion", object([("id", string), ("title_nb", string), ("title_en", string), ("advice_nb", string), ("advice_en", string)],
                                 optional: ["advice_nb", "advice_en"])),
            ("Score", object([
                ("respondent_code", string), ("size_class", string), ("met_count", integer), ("applicable_count", integer), ("percent", integer),
                ("share", number), ("rank", integer), ("peers", integer),
                ("met", array(ref("Criterion"))), ("missed", array(ref("Criterion"))), ("not_applicable", array(ref("Criterion"))),
            ])),
            ("ScoreResponse", object([("data_version", integer), ("wave", wave), ("score", ref("Score"))])),
            ("OptionShare", object([("code", string)] + labels + [("count", nullable("integer")), ("percent", nullable("integer")), ("share", nullable("number")),
                                                                   ("ci_low", nullable("number")), ("ci_high", nullable("number")),
                                                                   ("weighted_share", nullable("number")), ("weighted_ci_low", nullable("number")),
                                                                   ("weighted_ci_high", nullable("number"))],
                                   optional: ["weighted_share", "weighted_ci_low", "weighted_ci_high"])),
            ("Summary", object([("n", integer), ("mean", number), ("standard_deviation", number), ("ci_low", nullable("number")), ("ci_high", nullable("number")),
                                ("weighted_mean", nullable("number")), ("weighted_ci_low", nullable("number")), ("weighted_ci_high", nullable("number"))],
                               optional: ["weighted_mean", "weighted_ci_low", "weighted_ci_high"])),
            ("Weighted", object([("effective_n", number), ("design_effect", number)])),
            ("GroupPopulation", object([("units", integer), ("answered", integer)])),
            ("Group", object([("key", string)] + labels + [
                ("base_n", nullable("integer")), ("suppressed", boolean), ("options", array(ref("OptionShare"))), ("summary", nullableRef("Summary")),
                ("population", nullableRef("GroupPopulation")), ("interval_note", nullable("string")), ("weighted", nullableRef("Weighted")),
            ], optional: ["weighted"])),
            ("Filter", object([("question", string), ("options", array(string))])),
            ("ResponseRate", object([("answered", integer), ("units", integer), ("rate_percent", integer)])),
            ("Statistic", object([
                ("data_version", integer), ("wave", wave), ("question", ref("QuestionReference")), ("by", nullable("string")),
                ("filters", array(ref("Filter"))), ("minimum_cell_size", nullable("integer")), ("level", number),
                ("disclosure_control", ["type": "string", "enum": ["suppression", "cell_key", "none"],
                                        "description": "suppression: small cells withheld (the report's tables); cell_key: an ad-hoc table (a filter, or by a question) for all but staff, small cells withheld and every count perturbed by the cell-key method (docs/privacy.md); none: staff, exact."]),
                ("response", ref("ResponseRate")),
                ("weights", enumeration(["size_class", "size_class_county"])), ("weight_notes", array(string)),
                ("total", ref("Group")), ("groups", array(ref("Group"))), ("compare", ref("Comparison")),
            ], optional: ["compare", "weights", "weight_notes"])),
            ("FigureLinks", object([("self", string), ("csv", string), ("jsonstat", string), ("svg", string)])),
            ("FigureSummary", object(figureSummaryMembers)),
            ("Panel", object([
                ("question", ref("QuestionReference")), ("series", nullableRef("Option")), ("total", ref("Group")), ("groups", array(ref("Group"))),
                ("compare", ref("Comparison")),
            ], optional: ["compare"])),
            ("Figure", object(figureSummaryMembers + [("wave", wave), ("n", integer), ("level", number),
                                                       ("weights", enumeration(["size_class", "size_class_county"])), ("weight_notes", array(string)),
                                                       ("panels", array(ref("Panel")))], optional: ["weights", "weight_notes"])),
            ("FigureList", object([("data_version", integer), ("figures", array(ref("FigureSummary")))])),
            ("FigureResponse", object([("data_version", integer), ("wave", wave), ("figure", ref("Figure"))])),
            ("JSONStatDataset", object([
                ("version", enumeration(["2.0"])), ("class", enumeration(["dataset"])), ("label", string), ("source", string), ("updated", string),
                ("id", array(string)), ("size", array(integer)), ("role", type("object")), ("dimension", type("object")),
                ("value", array(nullable("number"))), ("status", type("object")),
                ("extension", object([
                    ("data_version", integer), ("wave", wave), ("n", integer), ("lang", enumeration(["nb", "en"])),
                    ("caption_nb", string), ("caption_en", string), ("level", number), ("interval_method", string),
                ])),
            ])),
            ("ProportionCell", object([
                ("key", string), ("suppressed", boolean), ("count", nullable("integer")), ("n", nullable("integer")),
                ("percent", nullable("integer")), ("share", nullable("number")),
            ])),
            ("SectionNumber", object([("id", string)] + labels + [
                ("question", string), ("options", array(string)), ("among", nullableRef("Condition")),
                ("total", ref("ProportionCell")), ("groups", array(ref("ProportionCell"))),
            ])),
            ("ScoreCell", object([
                ("key", string), ("suppressed", boolean), ("n", nullable("integer")), ("mean_percent", nullable("number")),
                ("bands", array(object([("band", string), ("count", nullable("integer"))]))),
            ])),
            ("ScoreDistribution", object([("criteria", array(string)), ("total", ref("ScoreCell")), ("groups", array(ref("ScoreCell")))])),
            ("Table", object([("total", ref("Group")), ("groups", array(ref("Group")))])),
            ("Section", object([
                ("data_version", integer), ("wave", wave), ("by", nullable("string")),
                ("section", object([("id", string), ("title_nb", string), ("title_en", string)])),
                ("figures", array(ref("Figure"))), ("numbers", array(ref("SectionNumber"))),
                ("goal_attainment", ref("Table")), ("score_distribution", ref("ScoreDistribution")),
            ], optional: ["goal_attainment", "score_distribution"])),
        ] + submissionSchemas + comparisonSchemas + waveSchemas)
    }

    /// A unit's registry facts on one map (`map`: 2011 or 2024) and its answering status.
    private static var respondentMembers: [(String, JSONValue)] {
        [
            ("code", string), ("map", integer), ("name", string), ("parallel_names", array(string)), ("kind", enumeration(["kommune", "fylkeskommune"])),
            ("county_code", string), ("county_name", string),
            ("population", integer), ("population_is_estimate", boolean), ("size_class", enumeration(["small", "medium", "large", "county"])),
            ("answered_2011", boolean),
            ("latest_version", ["type": ["integer", "null"], "description": "Only for the unit's own token and staff (how often a unit submits is private)."]),
            ("latest_wave", ["type": ["integer", "null"], "description": "Only for the unit's own token and staff."]),
        ]
    }

    /// `compare=2011`: one question in two waves, group by group, through the declared counterparts.
    static var comparisonSchemas: [(String, JSONValue)] {
        let side = object([("base_n", nullable("integer")), ("suppressed", boolean)])
        return [
            ("ComparisonOption", object([
                ("code", nullable("string")), ("code_2011", nullable("string")), ("label_nb", string), ("label_en", string),
                ("percent_now", nullable("integer")), ("percent_then", nullable("integer")),
                ("count_now", nullable("integer")), ("count_then", nullable("integer")), ("difference_points", nullable("number")),
                ("difference_ci_low", nullable("number")), ("difference_ci_high", nullable("number")), ("significant", nullable("boolean")),
            ])),
            ("ComparisonGroup", object([
                ("key", string), ("label_nb", nullable("string")), ("label_en", nullable("string")), ("now", side), ("then", side),
                ("options", array(ref("ComparisonOption"))), ("warnings", array(string)),
                ("mean_now", nullable("number")), ("mean_then", nullable("number")), ("mean_difference", nullable("number")),
                ("mean_difference_ci_low", nullable("number")), ("mean_difference_ci_high", nullable("number")),
                ("mean_difference_significant", nullable("boolean")),
            ], optional: ["mean_now", "mean_then", "mean_difference", "mean_difference_ci_low", "mean_difference_ci_high", "mean_difference_significant"])),
            ("Comparison", object([
                ("wave", waveID), ("with", waveID), ("level", number),
                ("samples", ["type": "string", "enum": ["independent"], "description": "The waves are treated as independent samples (different maps, few units answering both); differences use Newcombe's hybrid score interval (shares, in percentage points) or Welch's t interval (means), each side with its own finite-population correction."]),
                ("question_2011", ref("QuestionReference")),
                ("total", ref("ComparisonGroup")), ("groups", array(ref("ComparisonGroup"))),
            ])),
        ]
    }

    private static var figureSummaryMembers: [(String, JSONValue)] {
        [
            ("number", integer), ("caption_nb", string), ("caption_en", string), ("base_text_nb", string), ("base_text_en", string),
            ("printed_base_n", integer),
            ("statistic", enumeration(["distribution", "percent_yes", "mean"])), ("questions", array(string)),
            ("by", nullable("string")), ("series_question", nullable("string")), ("links", ref("FigureLinks")),
        ]
    }
}
