import Survey

extension BaselineDraft {
    /// Fig. 14–19 and the organisation text.
    mutating func assignOrganisation() throws {
        let users = members(isUser)
        var view = self
        // Fig. 14: chief executive or head of communication 63 %, unclear 12 % (line 519).
        try assignSingle("overall_responsibility", cell: "users", members: users, quotas: [
            ("radmann", 58), ("information_chief", 42), ("service_desk", 12), ("it_chief", 8),
            ("unit_leaders", 12), ("other", 8), ("unclear", 19)])
        // Fig. 15: high achievers involve the service desk and politicians more (line 947–948).
        try assignMultiple("publishers", cell: "users", members: users, counts: [
            ("service_desk", 60), ("other_employees", 88), ("radmann", 30), ("politicians", 18),
            ("it_department", 25), ("external", 4), ("information_unit", 95),
        ], weight: { index, option in (option == "service_desk" || option == "politicians") && view.isHigh(index) ? 4 : 1 })
        // 94 % have no staff working only on social media; only the largest cities do (line 552).
        let largest = users.filter { size($0) == .large }.sorted { units[$0].population > units[$1].population }.prefix(9)
        for index in users { answers[index]["dedicated_staff"] = .choice(largest.contains(index) ? "yes" : "no") }
        // Fig. 16: mostly the largest kommuner and counties (line 561).
        try assignSingleBySize("job_descriptions", cell: "users", members: users, quotas: (
            small: [("yes", 5), ("dont_know", 4), ("no", 49)], medium: [("yes", 12), ("dont_know", 3), ("no", 43)],
            large: [("yes", 18), ("dont_know", 1), ("no", 12)], county: [("yes", 9), ("dont_know", 0), ("no", 3)]),
            weight: { index, option in option == "yes" ? Double(view.units[index].population) : 1 })

        // Fig. 17: 34 % trained staff, rising with size, 81 % of counties (line 567); 4 % politicians (577).
        let everyone = members { _ in true }
        let trainingWeight: (Int, String) -> Double = { index, option in
            guard option == "yes" else { return 1 }
            return view.isUser(index) ? (view.isHigh(index) ? 4 : 1.5) : 1
        }
        try assignSingleBySize("staff_trained", cell: "all", members: everyone, quotas: (
            small: [("yes", 30), ("dont_know", 4), ("no", 94)], medium: [("yes", 30), ("dont_know", 3), ("no", 61)],
            large: [("yes", 20), ("dont_know", 1), ("no", 15)], county: [("yes", 13), ("dont_know", 0), ("no", 3)]),
            weight: trainingWeight)
        view = self
        try assignSingleBySize("politicians_trained", cell: "all", members: everyone, quotas: (
            small: [("yes", 2), ("dont_know", 3), ("no", 123)], medium: [("yes", 2), ("dont_know", 3), ("no", 89)],
            large: [("yes", 4), ("dont_know", 2), ("no", 30)], county: [("yes", 3), ("dont_know", 2), ("no", 11)]),
            weight: { index, option in option == "yes" && view.has(index, "staff_trained", "yes") ? 100 : 1 })
        try assignGuidelines()
    }

    /// Fig. 18–19: 58 with guidelines (21 %), 36 of 46 with a strategy (78 %) and 22 of 228 without
    /// (10 %); 21 well rooted (36 %): 18 of 27 high achievers (67 %), 3 of 20 low (15 %), 0 of 11 non-users.
    private mutating func assignGuidelines() throws {
        let view = self
        let groups: [(String, (Int) -> Bool, [SizeClass: Int])] = [
            ("strategy/high", { view.hasStrategy($0) && view.isHigh($0) }, [.small: 3, .medium: 6, .large: 8, .county: 7]),
            ("strategy/low", { view.hasStrategy($0) && view.isUser($0) && !view.isHigh($0) }, [.small: 2, .medium: 4, .large: 4, .county: 2]),
            ("no strategy/high", { !view.hasStrategy($0) && view.isHigh($0) }, [.small: 0, .medium: 1, .large: 0, .county: 2]),
            ("no strategy/low", { !view.hasStrategy($0) && view.isUser($0) && !view.isHigh($0) }, [.small: 2, .medium: 3, .large: 3, .county: 0]),
            ("non-users", { !view.isUser($0) }, [.small: 3, .medium: 3, .large: 3, .county: 2]),
        ]
        for (name, predicate, yesBySize) in groups {
            let cellMembers = members(predicate)
            for sizeClass in SizeClass.allCases {
                let inClass = cellMembers.filter { size($0) == sizeClass }
                try assignSingle("has_guidelines", cell: "\(name)/\(sizeClass.rawValue)", members: inClass,
                                 quotas: yesNo(yesBySize[sizeClass] ?? 0, of: inClass.count))
            }
        }
        let withGuidelines = members { has($0, "has_guidelines", "yes") }
        try assignSingle("guidelines_anchoring", cell: "high", members: withGuidelines.filter(isHigh), quotas: [
            ("very_large", 5), ("fairly_large", 13), ("small", 5), ("very_small", 2), ("dont_know", 2)])
        try assignSingle("guidelines_anchoring", cell: "low", members: withGuidelines.filter { isUser($0) && !isHigh($0) }, quotas: [
            ("fairly_large", 3), ("small", 10), ("very_small", 4), ("dont_know", 3)])
        try assignSingle("guidelines_anchoring", cell: "non-users", members: withGuidelines.filter { !isUser($0) }, quotas: [
            ("small", 5), ("very_small", 3), ("dont_know", 3)])
    }
}
