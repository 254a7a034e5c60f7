import Foundation
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
        // Open comments, coded: 97 positive (line 857–862), 48 negative (line 873–879). More dialogue
        // is named only by units that use the channels for dialogue; high achievers comment on
        // successes, low achievers on problems; unclear roles are named where roles are unclear.
        let view = self
        try assignSingle("positive_experiences", cell: "users", members: users, quotas: [
            ("dialog", 28), ("new_target_groups", 28), ("effective_information", 17), ("visibility_reputation", 14),
            ("web_traffic", 6), ("other", 4), ("no_comment", 62)],
            weight: { index, option in
                if option == "dialog", !view.has(index, "uses", "dialog_services", "dialog_politics") { return Self.never }
                return option == "no_comment" ? 1 : (view.isHigh(index) ? 2 : 1)
            })
        try assignSingle("negative_experiences", cell: "users", members: users, quotas: [
            ("roles", 3), ("none", 11), ("lack_resources", 10), ("inappropriate_posts", 7), ("low_activity", 6),
            ("other", 11), ("no_comment", 111)],
            weight: { index, option in
                switch option {
                case "roles": return view.has(index, "overall_responsibility", "unclear") ? 20 : 1
                case "none": return view.isHigh(index) ? 3 : 1
                case "lack_resources", "low_activity": return view.isHigh(index) ? 1 : 3
                default: return 1
                }
            })
        try assignImportance(users: users)
    }

    /// Mean importance (0–100) per Fig. 26 factor; the report prints only that clear roles rank first
    /// (line 932) and that every factor is rated important.
    static let importanceMeans: [(String, Int)] = [
        ("clear_roles", 84), ("management_anchoring", 80), ("competence", 79), ("dedicated_resources", 78),
        ("relevant_content", 77), ("strategy", 74), ("enthusiasts", 73), ("guidelines", 71),
        ("broad_involvement", 68), ("marketing", 66),
    ]

    /// The five-point scale of Fig. 26 ("Skala gj.snitt 0–100"): 1 "ikke viktig" … 5 "svært viktig",
    /// stored transformed as (answer − 1) × 25.
    static let importanceScale = [0, 25, 50, 75, 100]

    /// Fig. 26: each respondent's ratings share a general level (one latent draw per respondent), so
    /// the items correlate positively; a factor the respondent's own experience bears out is rated
    /// higher (high achievers rate clear roles higher, strategy holders the strategy, …). Each item's
    /// ratings are the ranked latent scores cut into scale steps whose counts give the item's mean.
    mutating func assignImportance(users: [Int]) throws {
        let general = users.map { _ in normal() }
        let me = self
        for (factor, mean) in Self.importanceMeans {
            let bonus: (Int) -> Double
            switch factor {
            case "clear_roles": bonus = { (me.isHigh($0) ? 0.6 : 0) + (me.has($0, "overall_responsibility", "unclear") ? 0.3 : 0) }
            case "management_anchoring": bonus = { me.has($0, "strategy_adoption", "political", "administrative") ? 0.5 : 0 }
            case "competence": bonus = { me.has($0, "staff_trained", "yes") ? 0.4 : 0 }
            case "dedicated_resources": bonus = { me.has($0, "job_descriptions", "yes") ? 0.4 : 0 }
            case "strategy": bonus = { me.hasStrategy($0) ? 0.6 : 0 }
            case "enthusiasts": bonus = { me.has($0, "enthusiasts", "yes") ? 0.5 : 0 }
            case "guidelines": bonus = { me.has($0, "has_guidelines", "yes") ? 0.5 : 0 }
            case "broad_involvement": bonus = { (me.answers[$0]["publishers"]?.selectedCodes.count ?? 0) >= 3 ? 0.4 : 0 }
            case "marketing": bonus = { me.has($0, "facebook_marketing", "very_large", "fairly_large") ? 0.5 : 0 }
            default: bonus = { _ in 0 }
            }
            var scores: [(index: Int, score: Double)] = []
            for (position, index) in users.enumerated() {
                scores.append((index, 0.6 * general[position] + 0.8 * normal() + bonus(index) + (isHigh(index) ? 0.2 : 0)))
            }
            scores.sort { $0.score != $1.score ? $0.score < $1.score : $0.index < $1.index }
            var position = 0
            for (step, count) in Self.stepCounts(mean: mean, n: users.count).enumerated() {
                for entry in scores[position..<(position + count)] {
                    answers[entry.index]["importance_\(factor)"] = .number(Self.importanceScale[step])
                }
                position += count
            }
        }
    }

    /// How many of `n` respondents take each scale step (0–4) so that the mean on 0–100 rounds to
    /// `mean`: a normal curve on the steps (spread 0.85) centred so its expected mean is right,
    /// rounded by largest remainder, then moved one step at a time to the exact total.
    static func stepCounts(mean: Int, n: Int) -> [Int] {
        let total = Int((Double(mean) * Double(n) / 25).rounded())   // sum of steps; ×25/n is the mean
        let spread = 0.85
        func shares(_ centre: Double) -> [Double] {
            func cdf(_ x: Double) -> Double {
                let z: Double = (x - centre) / (spread * 2.0.squareRoot())
                return 0.5 * (1 + erf(z))
            }
            var result: [Double] = []
            for step in 0..<5 {
                let upper: Double = step == 4 ? 1 : cdf(Double(step) + 0.5)
                let lower: Double = step == 0 ? 0 : cdf(Double(step) - 0.5)
                result.append(upper - lower)
            }
            return result
        }
        var low = -2.0, high = 8.0
        for _ in 0..<60 {
            let centre = (low + high) / 2
            let expected = shares(centre).enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
            if expected * Double(n) < Double(total) { low = centre } else { high = centre }
        }
        let exact = shares((low + high) / 2).map { $0 * Double(n) }
        var counts = exact.map { Int($0) }
        let byRemainder = exact.indices.sorted { exact[$0] - Double(counts[$0]) > exact[$1] - Double(counts[$1]) }
        for step in byRemainder.prefix(n - counts.reduce(0, +)) { counts[step] += 1 }
        var sum = counts.enumerated().reduce(0) { $0 + $1.offset * $1.element }
        while sum != total {
            // Move one respondent from the fullest step that can move towards the total.
            let up = sum < total
            let candidates = (0..<5).filter { counts[$0] > 0 && (up ? $0 < 4 : $0 > 0) }
            guard let step = candidates.max(by: { counts[$0] < counts[$1] }) else { break }
            counts[step] -= 1
            counts[step + (up ? 1 : -1)] += 1
            sum += up ? 1 : -1
        }
        return counts
    }
}
