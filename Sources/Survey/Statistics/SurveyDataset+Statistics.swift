extension SurveyDataset {
    /// The distribution of a question over its base (respondents for whom its base holds and who
    /// answered it), restricted by `filter`, optionally broken down by `groupBy`.
    ///
    /// Throws `SurveyError` naming an unknown question, option (in the filter) or grouping.
    public func distribution(of questionID: String, filter: Condition? = nil, groupBy grouping: Grouping? = nil) throws -> Distribution {
        let question = try questionnaire.question(questionID)
        if let filter { try questionnaire.validate(filter) }
        let groups = try groupDefinitions(for: grouping)
        var members = Array(repeating: [[String: AnswerValue]](), count: groups.count)
        let indexByKey = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1.key, $0) })
        for (respondent, answers) in answered where answers[questionID] != nil
            && question.isAsked(given: answers) && (filter?.isSatisfied(by: answers) ?? true) {
            for key in groupKeys(of: respondent, answers: answers, grouping: grouping) {
                if let index = indexByKey[key] { members[index].append(answers) }
            }
        }
        let populations = finitePopulations(groups: groups, grouping: grouping)
        let built = groups.enumerated().map { index, group in
            summarize(question, answers: members[index], key: group.key, labelNb: group.labelNb, labelEn: group.labelEn,
                      population: populations[index])
        }
        return Distribution(questionID: questionID, grouping: grouping, groups: built)
    }

    /// Respondents in the base of `questionID` (restricted by `filter`) who did not answer the
    /// `by` question `groupingQuestion` (skip logic: not asked, or left blank): they count in the
    /// total of a table grouped by that question but in none of its groups, so total minus the
    /// groups gives them away unless suppression counts them too (``Suppression``). 0 for
    /// groupings that are not questions.
    public func unansweredRemainder(of questionID: String, filter: Condition? = nil, groupBy grouping: Grouping?) throws -> Int {
        guard case let .question(byID)? = grouping else { return 0 }
        let question = try questionnaire.question(questionID)
        if let filter { try questionnaire.validate(filter) }
        return answered.filter { _, answers in
            answers[questionID] != nil && question.isAsked(given: answers) && (filter?.isSatisfied(by: answers) ?? true)
                && (answers[byID].map { $0.selectedCodes.isEmpty } ?? true)
        }.count
    }

    /// How many respondents that answered (and satisfy `population`, when given) satisfy `condition`.
    public func proportion(of condition: Condition, among population: Condition? = nil) throws -> Proportion {
        try proportions(of: condition, among: population)[0].proportion
    }

    /// `proportion(of:among:)` per group (one group `all` when ungrouped).
    public func proportions(of condition: Condition, among population: Condition? = nil,
                            groupBy grouping: Grouping? = nil) throws -> [(key: String, proportion: Proportion)] {
        try questionnaire.validate(condition)
        if let population { try questionnaire.validate(population) }
        let groups = try groupDefinitions(for: grouping)
        let indexByKey = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1.key, $0) })
        var n = Array(repeating: 0, count: groups.count)
        var count = Array(repeating: 0, count: groups.count)
        for (respondent, answers) in answered where population?.isSatisfied(by: answers) ?? true {
            let satisfied = condition.isSatisfied(by: answers)
            for key in groupKeys(of: respondent, answers: answers, grouping: grouping) {
                guard let index = indexByKey[key] else { continue }
                n[index] += 1
                if satisfied { count[index] += 1 }
            }
        }
        return groups.indices.map { (groups[$0].key, Proportion(count: count[$0], n: n[$0])) }
    }

    /// Answered versus all units per group of a respondent attribute (response rates).
    public func responses(groupBy grouping: Grouping? = nil) throws -> [(key: String, answered: Proportion)] {
        if case .question = grouping { throw SurveyError.unknownGroup(grouping?.parameter ?? "") }
        return try groupDefinitions(for: grouping).map { group in
            let units = respondents.filter { groupKeys(of: $0, answers: [:], grouping: grouping).contains(group.key) }
            let answeredCount = units.filter { answersByRespondent[$0.code] != nil }.count
            return (group.key, Proportion(count: answeredCount, n: units.count))
        }
    }

    /// Per group, its units on the map and how many answered; a group that is an option of another
    /// question has no units of its own on the map and takes the whole map's.
    func finitePopulations(groups: [(key: String, labelNb: String, labelEn: String)], grouping: Grouping?) -> [FinitePopulation] {
        let whole = FinitePopulation(units: respondents.count, answered: answered.count)
        switch grouping {
        case nil, .question: return groups.map { _ in whole }
        case .sizeClass, .kind, .county:
            let indexByKey = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1.key, $0) })
            var units = Array(repeating: 0, count: groups.count)
            var answeredCount = Array(repeating: 0, count: groups.count)
            for respondent in respondents {
                for key in groupKeys(of: respondent, answers: [:], grouping: grouping) {
                    guard let index = indexByKey[key] else { continue }
                    units[index] += 1
                    if answersByRespondent[respondent.code] != nil { answeredCount[index] += 1 }
                }
            }
            return groups.indices.map { FinitePopulation(units: units[$0], answered: answeredCount[$0]) }
        }
    }

    private func summarize(_ question: Question, answers: [[String: AnswerValue]], key: String, labelNb: String, labelEn: String,
                           population: FinitePopulation) -> DistributionGroup {
        let n = answers.count
        if question.type.isCategorical {
            var counts: [String: Int] = [:]
            for value in answers.compactMap({ $0[question.id] }) {
                for code in Set(value.selectedCodes) { counts[code, default: 0] += 1 }
            }
            let options = question.options.map { option in
                let count = counts[option.code] ?? 0
                return OptionShare(code: option.code, labelNb: option.labelNb, labelEn: option.labelEn, count: count,
                                   share: n > 0 ? Double(count) / Double(n) : 0, percent: Percent.roundHalfUp(count, of: n))
            }
            return DistributionGroup(key: key, labelNb: labelNb, labelEn: labelEn, baseN: n, options: options, summary: nil, population: population)
        }
        let values = answers.compactMap { $0[question.id]?.numberValue }
        return DistributionGroup(key: key, labelNb: labelNb, labelEn: labelEn, baseN: n, options: [],
                                 summary: NumericSummary(values: values), population: population)
    }

    func groupDefinitions(for grouping: Grouping?) throws -> [(key: String, labelNb: String, labelEn: String)] {
        switch grouping {
        case nil:
            return [("all", "Alle", "All")]
        case .sizeClass:
            return SizeClass.allCases.map { ($0.rawValue, $0.labelNb, $0.labelEn) }
        case .kind:
            return [("kommune", "Kommuner", "Municipalities"), ("fylkeskommune", "Fylkeskommuner", "County authorities")]
        case .county:
            var seen = Set<String>()
            return respondents.sorted { $0.countyCode < $1.countyCode }.compactMap { respondent in
                seen.insert(respondent.countyCode).inserted ? (respondent.countyCode, respondent.countyName, respondent.countyName) : nil
            }
        case let .question(id):
            let question = try questionnaire.question(id)
            guard question.type.isCategorical else { throw SurveyError.unknownGroup(id) }
            return question.options.map { ($0.code, $0.labelNb, $0.labelEn) }
        }
    }

    func groupKeys(of respondent: Respondent, answers: [String: AnswerValue], grouping: Grouping?) -> [String] {
        switch grouping {
        case nil: return ["all"]
        case .sizeClass: return [respondent.sizeClass.rawValue]
        case .kind: return [respondent.kind.rawValue]
        case .county: return [respondent.countyCode]
        case let .question(id): return answers[id].map { Array(Set($0.selectedCodes)) } ?? []
        }
    }
}
