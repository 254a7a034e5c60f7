import Foundation
import Testing

/// A figure regrouped by another question is an ad-hoc crosstab: the public gets it perturbed by
/// the cell key exactly as the same table from /v1/statistics (so the two cannot be differenced),
/// staff get it exact, and the report's own figures stay exact for everyone.
@Suite struct FigurePrivacyTests {
    /// Every (group, option) count of a table's groups, as "group/option=count".
    static func counts(_ groups: [[String: Any]]) -> [String] {
        groups.flatMap { group in
            group.objects("options").map { "\(group["key"] as? String ?? "")/\($0["code"] as? String ?? "")=\($0.int("count").map(String.init) ?? "-")" }
        }
    }

    @Test func aFigureRegroupedByAQuestionIsPerturbedLikeTheSameStatistic() throws {
        let fixture = try SubmissionFixture()
        let target = "/v1/figures/12?by=has_strategy"
        let publicFigure = try fixture.send("GET", target).json().object("figure")?.objects("panels").first?.objects("groups") ?? []
        let staffFigure = try fixture.send("GET", target, token: fixture.staff).json().object("figure")?.objects("panels").first?.objects("groups") ?? []
        let publicStatistic = try fixture.send("GET", "/v1/statistics/channels?by=has_strategy").json().objects("groups")
        #expect(!publicFigure.isEmpty)
        #expect(Self.counts(publicFigure) == Self.counts(publicStatistic))
        #expect(Self.counts(publicFigure) != Self.counts(staffFigure))
        #expect(try fixture.send("GET", "/v1/statistics/channels?by=has_strategy").json()["disclosure_control"] as? String == "cell_key")
        // The report's own breakdown of the same figure is exact for the public.
        let report = try fixture.send("GET", "/v1/figures/12").json().object("figure")?.objects("panels").first?.objects("groups") ?? []
        let reportStaff = try fixture.send("GET", "/v1/figures/12", token: fixture.staff).json().object("figure")?.objects("panels").first?.objects("groups") ?? []
        #expect(Self.counts(report) == Self.counts(reportStaff))
        // Weights would come from exact counts: refused beside a perturbed figure.
        let weighted = try fixture.send("GET", target + "&weights=size_class")
        #expect(weighted.status == 400)
        #expect(weighted.text.contains(#""parameter":"weights""#))
    }
}
