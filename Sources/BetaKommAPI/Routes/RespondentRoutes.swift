import Foundation
import HTTPServer
import Survey
import SurveyData

/// Units on the maps of 2011 and 2024: `GET /v1/respondents` (name search over both maps, filters,
/// sort, keyset pagination with `Link`), `GET /v1/respondents/{code}` (registry facts with
/// predecessors and successors, no answers) and `GET /v1/respondents/{code}/score`.
enum RespondentRoutes {
    static func register(on router: inout Router, context: APIContext) {
        router.get("/v1/respondents") { request in
            var link: String?
            var response = try context.respondJSON(to: request) { snapshot in
                let query = try RespondentListQuery(request.query, questionnaire: snapshot.questionnaire)
                // Answer filters read wave 2011's answers: each unit's answer could be read off the
                // list one filter at a time, so only staff (or a wave published at unit level) use them.
                if let first = query.answers.first, let wave = snapshot.waves[2011]?.wave,
                   !UnitPrivacy.mayFilterByAnswers(wave: wave, role: request.role) {
                    throw UnitPrivacy.answerFilterRefused(first.question, wave: wave)
                }
                let page = try self.page(query, snapshot: snapshot)
                let next = page.hasMore ? page.rows.last.map(query.cursor(after:)) : nil
                link = next.map { nextLink(request, cursor: $0) }
                return [
                    ("respondents", .array(page.rows.map { json($0, snapshot: snapshot, role: request.role) })),
                    ("limit", .int(query.limit)), ("next_cursor", .optional(next)),
                ]
            }
            if let link { response.headers.add("Link", "<\(link)>; rel=\"next\"") }
            return response
        }
        router.get("/v1/respondents/:code") { request in
            try QueryCheck.requireKnown(request.query, allowed: ["map"])
            let code = request.parameter("code") ?? ""
            let map = try RespondentListQuery.map(request.query)
            return try context.respondJSON(to: request) { snapshot in
                guard let respondent = snapshot.unit(code: code, map: map) else { throw SurveyError.unknownRespondent(code) }
                let onMaps = snapshot.units.keys.sorted().filter { snapshot.unit(code: code, map: $0) != nil }
                return [("respondent", json(respondent, snapshot: snapshot, role: request.role, lineage: true)), ("on_maps", .array(onMaps.map(JSONValue.int)))]
            }
        }
        router.get("/v1/respondents/:code/score") { request in
            try QueryCheck.requireKnown(request.query, allowed: ["wave"])
            let code = request.parameter("code") ?? ""
            let wave = try WaveSelection.parse(request.query["wave"])
            return try context.respondJSON(to: request) { snapshot in
                let data = try snapshot.waveData(wave)
                guard snapshot.unit(code: code, map: data.wave.map) != nil else { throw SurveyError.unknownRespondent(code) }
                // Met and missed criteria map straight to answers: the unit's own token, staff, or a published wave.
                try UnitPrivacy.requireRead(unit: code, wave: data.wave, role: request.role)
                guard let ranked = data.scores[code] else {
                    throw APIError.notFound("Respondent '\(code)' has no answers in wave \(wave.name), so it has no score.")
                }
                return [("wave", .string(wave.name)), ("score", score(ranked))]
            }
        }
    }

    /// The rows after the cursor, in sort order, and whether more follow.
    static func page(_ query: RespondentListQuery, snapshot: DataSnapshot) throws -> (rows: [Respondent], hasMore: Bool) {
        let filter = QueryCheck.condition(query.answers)
        // Answer filters read the 2011 wave (the only one whose answers are complete on its map).
        let answers = snapshot.wave2011.answersByRespondent
        let maps = query.maps ?? (query.search == nil ? [2011] : snapshot.units.keys.sorted())
        let units = maps.flatMap { snapshot.units[$0] ?? [] }
        var rows = units.filter { respondent in
            (query.search.map { $0.matches(code: respondent.code, foldedName: snapshot.foldedNames[respondent.reference] ?? "") } ?? true)
                && (query.kinds.isEmpty || query.kinds.contains(respondent.kind.rawValue))
                && (query.sizeClasses.isEmpty || query.sizeClasses.contains(respondent.sizeClass.rawValue))
                && (query.counties.isEmpty || query.counties.contains(respondent.countyCode))
                && (query.answered2011.map { $0 == (respondent.map == 2011 && answers[respondent.code] != nil) } ?? true)
                && (filter.map { filter in respondent.map == 2011 ? answers[respondent.code].map(filter.isSatisfied(by:)) ?? false : false } ?? true)
        }.map { (key: query.sortKey($0), respondent: $0) }
        rows.sort { ($0.key, $0.respondent.code, $0.respondent.map) < ($1.key, $1.respondent.code, $1.respondent.map) }
        if query.descending { rows.reverse() }
        if let after = query.after {
            rows.removeAll { row in
                query.descending ? (row.key, row.respondent.code, row.respondent.map) >= (after.key, after.code, after.map)
                                 : (row.key, row.respondent.code, row.respondent.map) <= (after.key, after.code, after.map)
            }
        }
        return (rows.prefix(query.limit).map(\.respondent), rows.count > query.limit)
    }

    /// The same request with `cursor` replaced, every value percent-encoded.
    static func nextLink(_ request: Request, cursor: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let pairs = request.query.filter { $0.name != "cursor" }.map { ($0.name, $0.value) } + [("cursor", cursor)]
        let query = pairs.map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name) + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }
        return request.path + "?" + query.joined(separator: "&")
    }

    /// Registry facts and answering status, never the answers themselves; with `lineage`, the
    /// unit's predecessors and successors on the other map. How often the unit submitted
    /// (`latest_version`, `latest_wave`) only for its own token and staff (``UnitPrivacy``).
    static func json(_ respondent: Respondent, snapshot: DataSnapshot, role: Role, lineage: Bool = false) -> JSONValue {
        // The latest version of the code, when it belongs to a wave on this unit's map.
        let latest = snapshot.latestVersions[respondent.code].flatMap { snapshot.waves[$0.wave]?.wave.map == respondent.map ? $0 : nil }
        var members: [(String, JSONValue)] = [
            ("code", .string(respondent.code)), ("map", .int(respondent.map)), ("name", .string(respondent.name)),
            ("parallel_names", .array(respondent.parallelNames.map(JSONValue.string))), ("kind", .string(respondent.kind.rawValue)),
            ("county_code", .string(respondent.countyCode)), ("county_name", .string(respondent.countyName)),
            ("population", .int(respondent.population)), ("population_is_estimate", .bool(respondent.populationIsEstimate)),
            ("size_class", .string(respondent.sizeClass.rawValue)),
            ("answered_2011", .bool(respondent.map == 2011 && snapshot.wave2011.answersByRespondent[respondent.code] != nil)),
        ]
        if UnitPrivacy.maySeeVersions(unit: respondent.code, role: role) {
            members += [("latest_version", .optional(latest?.version)), ("latest_wave", .optional(latest?.wave))]
        }
        if lineage {
            func link(_ unit: UnitReference, _ change: Succession.Change) -> JSONValue {
                .object([("code", .string(unit.code)), ("map", .int(unit.map)), ("name", .optional(snapshot.unit(code: unit.code, map: unit.map)?.name)),
                         ("change", .string(change.rawValue)), ("href", .string("/v1/respondents/\(unit.code)?map=\(unit.map)"))])
            }
            members.append(("predecessors", .array(snapshot.correspondence.predecessors(of: respondent.reference).map { link($0.from, $0.change) })))
            members.append(("successors", .array(snapshot.correspondence.successors(of: respondent.reference).map { link($0.to, $0.change) })))
        }
        return .object(members)
    }

    static func score(_ ranked: RankedSuccessScore) -> JSONValue {
        func criterion(_ criterion: SuccessCriterion, advice: Bool) -> JSONValue {
            var members: [(String, JSONValue)] = [
                ("id", .string(criterion.rawValue)), ("title_nb", .string(criterion.titleNb)), ("title_en", .string(criterion.titleEn)),
            ]
            if advice { members += [("advice_nb", .string(criterion.adviceNb)), ("advice_en", .string(criterion.adviceEn))] }
            return .object(members)
        }
        let score = ranked.score
        return .object([
            ("respondent_code", .string(score.respondentCode)), ("size_class", .string(score.sizeClass.rawValue)),
            ("met_count", .int(score.met.count)), ("applicable_count", .int(score.applicableCount)),
            ("percent", .int(score.percent)), ("share", .double(score.score)),
            ("rank", .int(ranked.rank)), ("peers", .int(ranked.peers)),
            ("met", .array(score.met.map { criterion($0, advice: false) })),
            ("missed", .array(score.missed.map { criterion($0, advice: true) })),
            ("not_applicable", .array(score.notApplicable.map { criterion($0, advice: false) })),
        ])
    }
}
