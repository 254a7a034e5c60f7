import Survey

extension ReportNumber {
    /// Computes the number from a dataset through the same statistics calls the API uses.
    public func computed(in dataset: SurveyDataset) throws -> Int {
        let grouping = try spec.group.map { try Grouping(parameter: $0.by, questionnaire: dataset.questionnaire) }
        let groupKey = spec.group?.key ?? "all"
        switch spec.stat {
        case "percent", "count", "base", "mean":
            let group = try distributionGroup(in: dataset, filter: spec.filter, grouping: grouping, key: groupKey)
            switch spec.stat {
            case "base": return group.baseN
            case "mean":
                guard let summary = group.summary else { throw EvaluationError.emptyGroup(id) }
                return Percent.roundHalfUp(summary.mean)
            default:
                // Respondents choosing any of the options: the base of the distribution filtered on them.
                guard let question = spec.question, let options = spec.options, !options.isEmpty else {
                    throw EvaluationError.incompleteSpec(id)
                }
                let chosen = combined(.answer(question: question, in: options))
                let count = try distributionGroup(in: dataset, filter: chosen, grouping: grouping, key: groupKey).baseN
                return spec.stat == "count" ? count : Percent.roundHalfUp(count, of: group.baseN)
            }
        case "mean_ratio":
            guard let numerator = spec.numerator, let denominator = spec.denominator else { throw EvaluationError.incompleteSpec(id) }
            let top = try distributionGroup(in: dataset, filter: combined(numerator), grouping: grouping, key: groupKey).summary
            let bottom = try distributionGroup(in: dataset, filter: combined(denominator), grouping: grouping, key: groupKey).summary
            guard let top, let bottom, bottom.mean > 0 else { throw EvaluationError.emptyGroup(id) }
            return Percent.roundHalfUp((top.mean / bottom.mean - 1) * 100)
        case "proportion", "proportion_count":
            guard let condition = spec.where else { throw EvaluationError.incompleteSpec(id) }
            let rows = try dataset.proportions(of: condition, among: spec.among, groupBy: grouping)
            guard let proportion = rows.first(where: { $0.key == groupKey })?.proportion else { throw EvaluationError.emptyGroup(id) }
            return spec.stat == "proportion" ? proportion.percent : proportion.count
        case "respondents", "response_rate":
            guard let row = try dataset.responses(groupBy: grouping).first(where: { $0.key == groupKey }) else {
                throw EvaluationError.emptyGroup(id)
            }
            return spec.stat == "respondents" ? row.answered.count : row.answered.percent
        default:
            throw EvaluationError.unknownStat(spec.stat)
        }
    }

    private func distributionGroup(in dataset: SurveyDataset, filter: Condition?, grouping: Grouping?, key: String) throws -> DistributionGroup {
        guard let question = spec.question else { throw EvaluationError.incompleteSpec(id) }
        guard let group = try dataset.distribution(of: question, filter: filter, groupBy: grouping).group(key) else {
            throw SurveyError.unknownGroup(key)
        }
        return group
    }

    private func combined(_ condition: Condition) -> Condition {
        spec.filter.map { .all([$0, condition]) } ?? condition
    }
}
