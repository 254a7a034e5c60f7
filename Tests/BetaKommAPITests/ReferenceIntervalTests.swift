import Foundation
import Testing

/// The API's intervals against `Tests/Fixtures/reference-intervals.json`, which
/// `scripts/reference-intervals.py` computes with statsmodels' Wilson interval and scipy's t
/// quantile (the finite-population correction applied explicitly), and the size-class
/// post-stratified shares recomputed from the unweighted groups with numpy. Tolerance: 1e-9 absolute on
/// the share scale (0…1) and on means — both sides evaluate the same closed forms in double
/// precision, so anything larger is a difference of method, not of rounding.
@Suite struct ReferenceIntervalTests {
    static let tolerance = 1e-9

    @Test func everyFixtureIntervalAgreesWithTheAPI() throws {
        let app = try TestApplication.shared.get()
        let url = TestApplication.repository.appendingPathComponent("Tests/Fixtures/reference-intervals.json")
        let fixture = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        #expect(fixture.double("tolerance") == Self.tolerance)
        let cases = fixture.objects("cases")
        #expect(cases.count > 300)
        var documents: [String: [String: Any]] = [:]
        var largest = 0.0
        for reference in cases {
            let target = try #require(reference.string("target"))
            if documents[target] == nil { documents[target] = try app.get(target).json().object("figure") }
            let panels = documents[target]?.objects("panels") ?? []
            let panel = try #require(panels.indices.contains(reference.int("panel") ?? -1) ? panels[reference.int("panel")!] : nil)
            let groups = [panel.object("total") ?? [:]] + panel.objects("groups")
            let group = try #require(groups.first { $0.string("key") == reference.string("group") }, "\(target) \(reference)")
            #expect(group.object("population")?.int("units") == reference.int("units"))
            #expect(group.object("population")?.int("answered") == reference.int("answered"))
            let served: [String: Any]
            if reference.string("statistic") == "weighted_share" {
                // Post-stratified by size class: the weighted share, Kish's n_eff and deff, and the interval.
                let option = try #require(group.objects("options").first { $0.string("code") == reference.string("option") })
                let weighted = try #require(group.object("weighted"))
                var pairs: [(Double?, Double?, String)] = [
                    (option.double("weighted_share"), reference.double("weighted_share"), "weighted_share"),
                    (option.double("weighted_ci_low"), reference.double("ci_low"), "weighted_ci_low"),
                    (option.double("weighted_ci_high"), reference.double("ci_high"), "weighted_ci_high"),
                    (weighted.double("design_effect"), reference.double("design_effect"), "design_effect"),
                ]
                pairs.append((weighted.double("effective_n").map { $0 / 1000 }, reference.double("effective_n").map { $0 / 1000 }, "effective_n / 1000"))
                for (api, expected, name) in pairs {
                    let difference = abs((api ?? .nan) - (expected ?? .infinity))
                    #expect(difference <= Self.tolerance, "\(target) \(reference.string("option") ?? "") \(name)")
                    if difference.isFinite { largest = max(largest, difference) }
                }
                continue
            }
            if reference.string("statistic") == "mean" {
                served = try #require(group.object("summary"))
                #expect(served.int("n") == reference.int("n"))
            } else {
                #expect(group.int("base_n") == reference.int("n"))
                served = try #require(group.objects("options").first { $0.string("code") == reference.string("option") })
                #expect(served.int("count") == reference.int("count"))
            }
            for member in ["ci_low", "ci_high"] {
                let difference = abs((served.double(member) ?? .nan) - (reference.double(member) ?? .infinity))
                #expect(difference <= Self.tolerance, "\(target) \(reference.string("group") ?? "") \(reference.string("option") ?? "mean") \(member)")
                if difference.isFinite { largest = max(largest, difference) }
            }
        }
        print("reference intervals: \(cases.count) cases, largest absolute difference \(largest) (tolerance \(Self.tolerance))")
    }
}
