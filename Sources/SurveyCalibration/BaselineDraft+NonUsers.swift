import Survey

extension BaselineDraft {
    /// Fig. 8–9: the 115 non-users' plans and reasons, coherent with their strategy plans (Fig. 4,
    /// assigned before) and read by the plans for an official page (Fig. 20, assigned after).
    mutating func assignNonUsers() throws {
        let nonUsers = members { !isUser($0) }
        var view = self
        // Fig. 8: 30 % plan, 31 % unsure, 38 % not (line 261); all large and county non-users plan.
        // Those planning a strategy in 2011 more often plan to start; those that decided against
        // a strategy seldom do.
        try assignSingleBySize("plans_social_media_2011", cell: "non-users", members: nonUsers, quotas: (
            small: [("yes", 14), ("no", 32), ("dont_know", 24)], medium: [("yes", 12), ("no", 12), ("dont_know", 12)],
            large: [("yes", 5), ("no", 0), ("dont_know", 0)], county: [("yes", 4), ("no", 0), ("dont_know", 0)]),
            weight: { index, option in
                switch (view.answers[index]["strategy_plans"]?.selectedCodes.first ?? "", option) {
                case ("plans_2011", "yes"): return 4
                case ("plans_2012", "dont_know"), ("plans_2011", "dont_know"): return 2
                case ("will_not", "yes"): return Self.never
                case ("dont_know", "no"), ("will_not", "no"): return 2
                default: return 1
                }
            })
        view = self
        // Fig. 9: resources first, then awaiting a strategy, then privacy (line 898). Awaiting a
        // strategy process means a strategy is planned (Fig. 4); seeing no need excludes both
        // awaiting one and planning to start in 2011; the uncertainties go together.
        try assignMultiple("reasons_not_using", cell: "non-users", members: nonUsers, counts: [
            ("awaiting_strategy", 48), ("no_need", 20), ("privacy", 35), ("case_handling", 25), ("legislation", 18),
            ("harassment", 12), ("other", 10), ("lack_resources", 70),
        ], excluding: [("awaiting_strategy", "no_need")], weight: { index, option in
            let strategyPlans = view.answers[index]["strategy_plans"]?.selectedCodes.first ?? ""
            let plansUse = view.answers[index]["plans_social_media_2011"]?.selectedCodes.first ?? ""
            switch option {
            case "awaiting_strategy":
                return strategyPlans == "plans_2011" ? 3 : strategyPlans == "plans_2012" ? 2 : Self.never
            case "no_need":
                return plansUse == "yes" ? Self.never : plansUse == "no" ? 4 : 1
            case "privacy", "case_handling", "legislation":
                return plansUse == "dont_know" ? 2 : 1
            default:
                return 1
            }
        })
    }
}
