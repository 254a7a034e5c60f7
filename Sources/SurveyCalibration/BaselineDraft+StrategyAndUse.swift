import Survey

extension BaselineDraft {
    /// Fig. 7 (use by size), Fig. 1–2 (strategy by size), and the goal-attainment split they condition.
    mutating func assignStrategyAndUse() throws {
        let everyone = members { _ in true }
        // 159 users = 58 % (line 253), rising with size (Fig. 7); 115 non-users = 42 %.
        try assignSingleBySize("uses_social_media", cell: "all", members: everyone, quotas: (
            small: yesNo(58, of: 128), medium: yesNo(58, of: 94), large: yesNo(31, of: 36), county: yesNo(12, of: 16)))

        // 46 strategies = 17 % (line 133), largest among large kommuner and counties (line 141).
        // Every strategy holder uses social media (strategy holders' main use is reported, line 467).
        let users = members(isUser)
        let named = Set(NamedMunicipalities.users)
        let view = self
        try assignSingleBySize("has_strategy", cell: "users", members: users, quotas: (
            small: yesNo(8, of: 58), medium: yesNo(14, of: 58), large: yesNo(14, of: 31), county: yesNo(10, of: 12)),
            // Named large kommuner are the report's forerunners; placing them among strategy holders
            // also leaves room for their official pages in the page quotas below.
            weight: { index, option in option == "yes" && view.size(index) == .large && named.contains(view.units[index].code) ? 20 : 1 })
        for index in members({ !isUser($0) }) { answers[index]["has_strategy"] = .choice("no") }

        // Goal attainment: 91 high (57 %) and 68 low (43 %) of 159 users (line 930/978); strategy
        // holders succeed more often (32 of 46 against 59 of 113).
        let strategyUsers = users.filter(hasStrategy)
        let otherUsers = users.filter { !hasStrategy($0) }
        try assignSingleBySize(Self.highAttainmentKey, cell: "strategy", members: strategyUsers, quotas: (
            small: yesNo(5, of: 8), medium: yesNo(9, of: 14), large: yesNo(10, of: 14), county: yesNo(8, of: 10)))
        try assignSingleBySize(Self.highAttainmentKey, cell: "no strategy", members: otherUsers, quotas: (
            small: yesNo(22, of: 50), medium: yesNo(22, of: 44), large: yesNo(13, of: 17), county: yesNo(2, of: 2)))
        try assignSingle("goal_attainment", cell: "high", members: users.filter(isHigh),
                         quotas: [("very_large", 21), ("fairly_large", 70)])
        try assignSingle("goal_attainment", cell: "low", members: users.filter { !isHigh($0) },
                         quotas: [("small", 55), ("very_small", 13)])
    }

    /// Fig. 3–6 and the strategy text: plans, type, adoption, year, participants, objectives.
    mutating func assignStrategyDetails() throws {
        // Fig. 4: 107 plan (39 % of 274; 47 % of the 228 without), 80 of them in 2011 (46 % with a
        // strategy in 2011, line 180), 118 unsure (43 %), 3 will not (1 %). Large/counties plan most.
        // Non-users plan a strategy more often than users without one: 48 of them wait for a
        // strategy process before starting (Fig. 9), which only a planned strategy makes sense of.
        let planner = self
        let nonUserPlans: (Int, String) -> Double = { index, option in
            option.hasPrefix("plans") && !planner.isUser(index) ? 2.5 : 1
        }
        try assignSingleBySize("strategy_plans", cell: "no strategy", members: members { !hasStrategy($0) }, quotas: (
            small: [("plans_2011", 31), ("plans_2012", 11), ("dont_know", 76), ("will_not", 2)],
            medium: [("plans_2011", 30), ("plans_2012", 10), ("dont_know", 39), ("will_not", 1)],
            large: [("plans_2011", 14), ("plans_2012", 5), ("dont_know", 3), ("will_not", 0)],
            county: [("plans_2011", 5), ("plans_2012", 1), ("dont_know", 0), ("will_not", 0)]), weight: nonUserPlans)

        let strategy = members(hasStrategy)
        var view = self
        // 61 % own strategy, 37 % part of another communication strategy (line 148).
        try assignSingle("strategy_type", cell: "strategy", members: strategy,
                         quotas: [("own", 28), ("part_of_other", 17), ("dont_know", 1)])
        // 11 % political, 39 % administrative, about half not adopted (line 150); Fig. 5 n=23.
        try assignSingle("strategy_adoption", cell: "strategy", members: strategy,
                         quotas: [("political", 5), ("administrative", 18), ("not_adopted", 23)],
                         weight: { index, option in option == "political" && view.size(index) == .county ? 3 : 1 })
        let adopted = members { has($0, "strategy_adoption", "political", "administrative") }
        view = self
        // 18 % in 2009 or earlier, 57 % in 2010 (line 990).
        try assignSingle("strategy_adoption_year", cell: "adopted", members: adopted,
                         quotas: [("by_2009", 4), ("in_2010", 13), ("in_2011", 6)])
        // Fig. 5: the chief executive's office takes part "i de aller fleste tilfeller" (line 184).
        try assignMultiple("strategy_participants", cell: "adopted", members: adopted, counts: [
            ("information_unit", 17), ("unit_leaders", 9), ("other_employees", 12), ("politicians", 6),
            ("external_consultants", 3), ("other", 2), ("radmann", 20),
        ], required: { view.has($0, "strategy_adoption", "political") ? ["politicians"] : [] })
        // Fig. 3: 59 % poorly known, 34 % well known (line 154).
        try assignSingle("strategy_known", cell: "strategy", members: strategy, quotas: [
            ("very_large", 3), ("fairly_large", 13), ("small", 20), ("very_small", 7), ("dont_know", 3)])
        // Most important objective 37/24/24/4/11 % (lines 227–231): dialogue 41 %, one-way 48 %.
        try assignSingle("main_objective", cell: "strategy", members: strategy, quotas: [
            ("dialog_services", 17), ("reputation", 11), ("information", 11), ("dialog_politics", 2), ("other", 5)],
            weight: { index, option in option.hasPrefix("dialog") && view.isHigh(index) ? 2 : 1 })
        view = self
        try assignMultiple("strategy_objectives", cell: "strategy", members: strategy, counts: [
            ("dialog_services", 33), ("reputation", 30), ("information", 38), ("dialog_politics", 14),
            ("new_target_groups", 22), ("crisis", 12), ("other", 6),
        ], required: { view.answers[$0]["main_objective"]?.selectedCodes ?? [] },
        // High achievers state a broader set of objectives (line 946).
        weight: { index, _ in view.isHigh(index) ? 2 : 1 })
    }
}
