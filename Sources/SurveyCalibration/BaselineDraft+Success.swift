import Survey

extension BaselineDraft {
    /// Enthusiasts, open comments and Fig. 26.
    mutating func assignSuccess() throws {
        let users = members(isUser)
        // 65 % had enthusiasts (line 210): 91 % of high achievers (line 951), 20 of 68 low.
        try assignSingle("enthusiasts", cell: "high", members: users.filter(isHigh),
                         quotas: [("yes", 83), ("no", 6), ("dont_know", 2)])
        try assignSingle("enthusiasts", cell: "low", members: users.filter { !isHigh($0) },
                         quotas: [("yes", 20), ("no", 40), ("dont_know", 8)])
        // Open comments, coded: 97 positive (line 857–862), 48 negative (line 873–879).
        try assignSingle("positive_experiences", cell: "users", members: users, quotas: [
            ("new_target_groups", 28), ("dialog", 28), ("effective_information", 17), ("visibility_reputation", 14),
            ("web_traffic", 6), ("other", 4), ("no_comment", 62)])
        try assignSingle("negative_experiences", cell: "users", members: users, quotas: [
            ("none", 11), ("lack_resources", 10), ("inappropriate_posts", 7), ("low_activity", 6),
            ("roles", 3), ("other", 11), ("no_comment", 111)])
        // Fig. 26: every factor rated important, clear roles the most (line 932). Means are exact.
        for (factor, mean) in Self.importanceMeans {
            try assignNumbers("importance_\(factor)", cell: "users", members: users, sum: mean * users.count,
                              spread: 0.25, bounds: 0...100, byPopulation: false)
        }
    }

    /// Mean importance (0–100) per Fig. 26 factor; the report prints only that clear roles rank first.
    static let importanceMeans: [(String, Int)] = [
        ("clear_roles", 84), ("management_anchoring", 80), ("competence", 79), ("dedicated_resources", 78),
        ("relevant_content", 77), ("strategy", 74), ("enthusiasts", 73), ("guidelines", 71),
        ("broad_involvement", 68), ("marketing", 66),
    ]
}
