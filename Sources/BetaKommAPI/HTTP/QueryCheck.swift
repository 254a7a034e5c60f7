import HTTPServer
import Survey

/// Query parameter checks shared by every endpoint: unknown names are refused (a typo such as
/// `?sizeclass=` must not silently return the unfiltered answer), and answer filters are parsed
/// one way everywhere.
enum QueryCheck {
    /// Throws naming every parameter that is neither in `allowed` nor (when `answerFilters`) a question id.
    /// `allowed` is a short list, searched linearly: building a `Set` per request cost more than the search.
    static func requireKnown(_ query: QueryParameters, allowed: [String], questionnaire: Questionnaire? = nil) throws(APIError) {
        var unknown: [String] = []
        for item in query where !allowed.contains(item.name) && !unknown.contains(item.name) {
            if let questionnaire, (try? questionnaire.question(item.name)) != nil { continue }
            unknown.append(item.name)
        }
        if !unknown.isEmpty { throw .unknownParameters(unknown) }
    }

    /// `by=size_class|kind|county|<choice question id>`; absent means `nil`.
    static func grouping(_ query: QueryParameters, questionnaire: Questionnaire) throws(APIError) -> Grouping? {
        guard let value = query["by"] else { return nil }
        do {
            return try Grouping(parameter: value, questionnaire: questionnaire)
        } catch {
            throw .invalidParameter("by", detail: "cannot group by '\(value)': use size_class, kind, county or a choice question id.")
        }
    }

    /// `by=size_class` or no `by`, for a section: its figures and numbers are broken down together,
    /// and size is the breakdown the report itself uses. One figure or question can be grouped by
    /// anything (``grouping(_:questionnaire:)``).
    static func sectionGrouping(_ query: QueryParameters) throws(APIError) -> Grouping? {
        switch query["by"] {
        case nil: return nil
        case "size_class": return .sizeClass
        case let other?:
            throw .invalidParameter("by", detail: "sections group only by size_class, got '\(other)'; /v1/figures/{n}?by=… and /v1/statistics/{question}?by=… group by anything.")
        }
    }

    /// The answer filters among the parameters: `question_id=option` pairs, repeated values of
    /// one question OR-ed, different questions AND-ed. Names in `reserved` are not questions.
    static func answerFilter(_ query: QueryParameters, reserved: [String], questionnaire: Questionnaire) throws(APIError) -> [(question: String, options: [String])] {
        var order: [String] = []
        var options: [String: [String]] = [:]
        for item in query where !reserved.contains(item.name) {
            guard let question = try? questionnaire.question(item.name) else { throw .unknownParameters([item.name]) }
            guard question.type.isCategorical else {
                throw .invalidParameter(item.name, detail: "'\(item.name)' is a \(question.type.rawValue) question; only choice questions can filter.")
            }
            for code in item.value.split(separator: ",").map(String.init) {
                guard question.option(code) != nil else {
                    let known = question.options.map(\.code).joined(separator: ", ")
                    throw .invalidParameter(item.name, detail: "question '\(item.name)' has no option '\(code)' (options: \(known)).")
                }
                if options[item.name] == nil { order.append(item.name) }
                if !(options[item.name] ?? []).contains(code) { options[item.name, default: []].append(code) }
            }
        }
        return order.map { ($0, options[$0] ?? []) }
    }

    /// The filter as a domain condition, or `nil` when there is none.
    static func condition(_ filter: [(question: String, options: [String])]) -> Condition? {
        filter.isEmpty ? nil : .all(filter.map { Condition.answer(question: $0.question, in: $0.options) })
    }

    /// The filter as JSON: `[{"question": …, "options": […]}]`.
    static func json(_ filter: [(question: String, options: [String])]) -> JSONValue {
        .array(filter.map { .object([("question", .string($0.question)), ("options", .array($0.options.map(JSONValue.string)))]) })
    }
}
