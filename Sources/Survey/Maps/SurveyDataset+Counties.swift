extension SurveyDataset {
    /// The same answers with each unit placed in the county of its counterpart on `map`, so that
    /// waves on different maps are compared by today's counties (`by=county`): a 2011 unit counts
    /// in the 2024 county of its successor (``Correspondence/counterpart(of:on:)``). Size classes
    /// stay the unit's own: each wave is classed by its own population. A unit with no
    /// counterpart keeps its county.
    public func placed(inCountiesOf map: Int, units: [Respondent], correspondence: Correspondence) -> SurveyDataset {
        let unitsByReference = Dictionary(uniqueKeysWithValues: units.map { ($0.reference, $0) })
        let placed = respondents.map { unit -> Respondent in
            guard unit.map != map, let counterpart = correspondence.counterpart(of: unit.reference, on: map),
                  let successor = unitsByReference[counterpart] else { return unit }
            return Respondent(code: unit.code, map: unit.map, name: unit.name, parallelNames: unit.parallelNames, kind: unit.kind,
                              countyCode: successor.countyCode, countyName: successor.countyName,
                              population: unit.population, populationIsEstimate: unit.populationIsEstimate)
        }
        return SurveyDataset(questionnaire: questionnaire, respondents: placed, answersByRespondent: answersByRespondent)
    }
}
