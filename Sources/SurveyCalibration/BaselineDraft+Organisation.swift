import Survey

extension BaselineDraft {
    /// Fig. 14–19 and the organisation text.
    mutating func assignOrganisation() throws {
        let users = members(isUser)
        var view = self
        // 94 % have no staff working only on social media; only the largest cities do (line 552).
        let largest = users.filter { size($0) == .large }.sorted { units[$0].population > units[$1].population }.prefix(9)
        for index in users { answers[index]["dedicated_staff"] = .choice(largest.contains(index) ? "yes" : "no") }
        view = self
        let isAdopted: (Int) -> Bool = { view.has($0, "strategy_adoption", "political", "administrative") }
        let hasStaff: (Int) -> Bool = { view.has($0, "dedicated_staff", "yes") }
        // Fig. 14: chief executive or head of communication 63 %, unclear 12 % (line 519). Units with
        // an adopted strategy or staff of their own have settled who is responsible; strategy holders
        // and high achievers are seldom unclear. Heads of communication sit in the larger units,
        // the small ones leave it to the chief executive's office (line 192).
        try assignSingle("overall_responsibility", cell: "users", members: users, quotas: [
            ("unclear", 19), ("information_chief", 42), ("radmann", 58), ("service_desk", 12), ("it_chief", 8),
            ("unit_leaders", 12), ("other", 8)],
            weight: { index, option in
                let population = Double(view.units[index].population)
                switch option {
                case "unclear":
                    if isAdopted(index) || hasStaff(index) { return Self.never }
                    return (view.hasStrategy(index) ? 0.5 : 1) * (view.isHigh(index) ? 0.5 : 2)
                case "information_chief": return population >= 5_000 ? (population / 5_000).squareRoot() * 2 : 0.5 * (population / 5_000) * (population / 5_000)
                case "radmann": return population < 5_000 ? 2 : 1
                default: return 1
                }
            })
        view = self
        // Fig. 15: high achievers involve the service desk and politicians more (line 947–948). The
        // unit holding the overall responsibility publishes; an information unit is a feature of the
        // larger units (line 192), rare under 2 000 inhabitants.
        let responsiblePublisher = ["information_chief": "information_unit", "service_desk": "service_desk", "it_chief": "it_department"]
        try assignMultiple("publishers", cell: "users", members: users, counts: [
            ("information_unit", 95), ("service_desk", 60), ("radmann", 30), ("politicians", 18),
            ("it_department", 25), ("external", 4), ("other_employees", 88),
        ], required: { index in
            (view.answers[index]["overall_responsibility"]?.selectedCodes ?? []).compactMap { responsiblePublisher[$0] }
        }, weight: { index, option in
            let population = Double(view.units[index].population)
            switch option {
            case "service_desk", "politicians": return view.isHigh(index) ? 4 : 1
            case "information_unit": return population < 2_000 ? 0.1 : population < 5_000 ? 0.3 : population < 20_000 ? 1.5 : 6
            case "radmann": return population < 5_000 ? 2 : 1
            default: return 1
            }
        })
        // Fig. 16: mostly the largest kommuner and counties (line 561); staff working only on social
        // media always have it in their job description.
        try assignSingleBySize("job_descriptions", cell: "users", members: users, quotas: (
            small: [("yes", 5), ("dont_know", 4), ("no", 49)], medium: [("yes", 12), ("dont_know", 3), ("no", 43)],
            large: [("yes", 18), ("dont_know", 1), ("no", 12)], county: [("yes", 9), ("dont_know", 0), ("no", 3)]),
            weight: { index, option in
                guard option == "yes" else { return hasStaff(index) ? Self.never : 1 }
                return hasStaff(index) ? 1e12 : Double(view.units[index].population)
            })

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
            // Politicians are trained where staff are (rule `politicians_trained_with_staff`).
            weight: { index, option in option == "yes" ? (view.has(index, "staff_trained", "yes") ? 1 : Self.never) : 1 })
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
