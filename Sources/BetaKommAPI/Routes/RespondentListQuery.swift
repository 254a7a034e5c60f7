import Foundation
import HTTPServer
import Survey

/// The parsed query of `GET /v1/respondents`: name search, registry filters, answer filters, sort, limit, cursor.
struct RespondentListQuery: Sendable {
    enum SortKey: String, Sendable {
        case code, name, population
    }

    static let parameters: [String] = ["q", "map", "kind", "size_class", "county", "answered_2011", "sort", "limit", "cursor"]
    static let defaultLimit = 50
    static let maximumLimit = 500

    /// `q`: a name or code prefix (``NameSearch``).
    var search: NameSearch?
    /// `map`: the maps listed; `nil` means 2011, or both maps when searching by name.
    var maps: [Int]?
    var kinds: Set<String> = []
    var sizeClasses: Set<String> = []
    var counties: Set<String> = []
    var answered2011: Bool?
    var answers: [(question: String, options: [String])] = []
    var sort = SortKey.code
    var descending = false
    var limit = defaultLimit
    /// The sort key, code and map of the last row of the previous page.
    var after: (key: String, code: String, map: Int)?

    init(_ query: QueryParameters, questionnaire: Questionnaire) throws(APIError) {
        try QueryCheck.requireKnown(query, allowed: Self.parameters, questionnaire: questionnaire)
        search = try Self.nameSearch(query.values(for: "q"))
        maps = try Self.map(query).map { [$0] }
        kinds = try Self.values(query, "kind", allowed: RespondentKind.allCases.map(\.rawValue))
        sizeClasses = try Self.values(query, "size_class", allowed: SizeClass.allCases.map(\.rawValue))
        counties = Set(query.values(for: "county").flatMap { $0.split(separator: ",").map(String.init) })
        if let answered = query["answered_2011"] {
            guard let value = Bool(answered) else { throw .invalidParameter("answered_2011", detail: "expected true or false, got '\(answered)'.") }
            answered2011 = value
        }
        answers = try QueryCheck.answerFilter(query, reserved: Self.parameters, questionnaire: questionnaire)
        if let sort = query["sort"] {
            descending = sort.hasPrefix("-")
            guard let key = SortKey(rawValue: descending ? String(sort.dropFirst()) : sort) else {
                throw .invalidParameter("sort", detail: "expected code, name or population, optionally prefixed with '-', got '\(sort)'.")
            }
            self.sort = key
        }
        if let limit = query["limit"] {
            guard let value = Int(limit), (1...Self.maximumLimit).contains(value) else {
                throw .invalidParameter("limit", detail: "expected an integer in 1...\(Self.maximumLimit), got '\(limit)'.")
            }
            self.limit = value
        }
        if let cursor = query["cursor"] { after = try decodeCursor(cursor) }
    }

    /// A cursor names the sort it belongs to, the last row's sort key, its code and map: base64url
    /// of `sort \u{1F} key \u{1F} code \u{1F} map`. Opaque to clients; a cursor of another sort is refused.
    func cursor(after respondent: Respondent) -> String {
        let text = [sortName, sortKey(respondent), respondent.code, String(respondent.map)].joined(separator: "\u{1F}")
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    private var sortName: String { (descending ? "-" : "") + sort.rawValue }

    private func decodeCursor(_ cursor: String) throws(APIError) -> (key: String, code: String, map: Int) {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else {
            throw .invalidParameter("cursor", detail: "not a cursor this API issued.")
        }
        let parts = text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let map = Int(parts[3]) else { throw .invalidParameter("cursor", detail: "not a cursor this API issued.") }
        guard parts[0] == sortName else {
            throw .invalidParameter("cursor", detail: "the cursor belongs to sort=\(parts[0]), not sort=\(sortName).")
        }
        return (parts[1], parts[2], map)
    }

    /// `map=2011|2024`, or `nil` when absent.
    static func map(_ query: QueryParameters) throws(APIError) -> Int? {
        guard let text = query["map"] else { return nil }
        guard let map = Int(text), map == 2011 || map == 2024 else {
            throw .invalidParameter("map", detail: "expected 2011 (the units of the report) or 2024 (today's units), got '\(text)'.")
        }
        return map
    }

    /// The value compared for `sort`; populations zero-padded so text order is numeric order,
    /// names folded so Norwegian Æ, Ø, Å sort after Z in that order.
    func sortKey(_ respondent: Respondent) -> String {
        switch sort {
        case .code: respondent.code
        case .population: String(repeating: "0", count: max(0, 10 - String(respondent.population).count)) + String(respondent.population)
        case .name: Self.collationKey(respondent.name)
        }
    }

    static func collationKey(_ name: String) -> String {
        let lowered = name.lowercased().replacingOccurrences(of: "æ", with: "{").replacingOccurrences(of: "ø", with: "|")
            .replacingOccurrences(of: "å", with: "}")
        return lowered.folding(options: [.diacriticInsensitive], locale: nil)
    }

    private static func nameSearch(_ values: [String]) throws(APIError) -> NameSearch? {
        guard let text = values.first else { return nil }
        guard values.count == 1 else { throw .invalidParameter("q", detail: "give one search text, not \(values.count).") }
        do {
            return try NameSearch(text)
        } catch {
            throw .invalidParameter("q", detail: error.description + ".")
        }
    }

    private static func values(_ query: QueryParameters, _ name: String, allowed: [String]) throws(APIError) -> Set<String> {
        let values = query.values(for: name).flatMap { $0.split(separator: ",").map(String.init) }
        if let wrong = values.first(where: { !allowed.contains($0) }) {
            throw .invalidParameter(name, detail: "expected one of \(allowed.joined(separator: ", ")), got '\(wrong)'.")
        }
        return Set(values)
    }
}
