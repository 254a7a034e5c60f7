import Foundation
import Testing

@Suite struct StatisticsRouteTests {
    @Test func aDistributionCountsTheBaseOnly() throws {
        let app = try TestApplication.shared.get()
        let json = try app.get("/v1/statistics/channels").json()
        let total = try #require(json.object("total"))
        // Fig. 12 asks only users of social media (n=159).
        #expect(total.int("base_n") == 159)
        let facebook = total.objects("options").first { $0.string("code") == "facebook" }
        #expect(facebook?.int("percent") == 96)
        #expect(json.objects("groups").count == 1)
        #expect(json.isNull("by"))
    }

    @Test func groupsAddUpToTheTotalForASingleChoiceQuestion() throws {
        let app = try TestApplication.shared.get()
        let json = try app.get("/v1/statistics/uses_social_media?by=size_class&wave=2011").json()
        #expect(json.string("wave") == "2011")
        let groups = json.objects("groups")
        #expect(groups.compactMap { $0.string("key") } == ["small", "medium", "large", "county"])
        #expect(groups.compactMap { $0.int("base_n") }.reduce(0, +) == json.object("total")?.int("base_n"))
        let yes = groups.map { $0.objects("options").first { $0.string("code") == "yes" }?.int("count") ?? 0 }
        #expect(yes.reduce(0, +) == 159)
    }

    @Test func aCrosstabByAnotherQuestionWithAFilter() throws {
        let app = try TestApplication.shared.get()
        // A crosstab by a question is an ad-hoc table: staff get it exact, the public cell-key
        // perturbed (docs/privacy.md), within a few points.
        let staff = try app.staffHeaders()
        let json = try app.get("/v1/statistics/has_guidelines?by=has_strategy", headers: staff).json()
        let perturbed = try app.get("/v1/statistics/has_guidelines?by=has_strategy").json()
        #expect(perturbed.string("disclosure_control") == "cell_key")
        let publicYes = perturbed.objects("groups").first { $0.string("key") == "yes" }?.objects("options").first { $0.string("code") == "yes" }?.int("percent") ?? 0
        #expect(abs(publicYes - 78) <= 5)
        let yesGroup = try #require(json.objects("groups").first { $0.string("key") == "yes" })
        let noGroup = try #require(json.objects("groups").first { $0.string("key") == "no" })
        // "78 % of those with a strategy also have guidelines, against 10 % of those without".
        #expect(yesGroup.objects("options").first { $0.string("code") == "yes" }?.int("percent") == 78)
        #expect(noGroup.objects("options").first { $0.string("code") == "yes" }?.int("percent") == 10)
        let filtered = try app.get("/v1/statistics/has_guidelines?has_strategy=yes", headers: staff).json()
        #expect(filtered.object("total")?.int("base_n") == yesGroup.int("base_n"))
        #expect(filtered.objects("filters").first?.string("question") == "has_strategy")
    }

    @Test func numberQuestionsHaveMeanAndStandardDeviation() throws {
        let app = try TestApplication.shared.get()
        let summary = try #require(try app.get("/v1/statistics/facebook_fans").json().object("total")?.object("summary"))
        #expect(summary.int("n") == 107)
        #expect(summary.double("mean").map { ($0 + 0.5).rounded(.down) } == 506)
        #expect((summary.double("standard_deviation") ?? 0) > 0)
    }

    @Test func unknownsAreNamedInTheErrorsArray() throws {
        let app = try TestApplication.shared.get()
        let cases: [(String, String)] = [
            ("/v1/statistics/favourite_colour", "question_id"), ("/v1/statistics/channels?by=colour", "by"),
            ("/v1/statistics/channels?by=facebook_fans", "by"), ("/v1/statistics/channels?has_strategy=perhaps", "has_strategy"),
            ("/v1/statistics/channels?wave=1999", "wave"), ("/v1/statistics/channels?group_by=kind", "group_by"),
        ]
        for (target, parameter) in cases {
            let response = try app.get(target)
            #expect(response.status == 400, "\(target)")
            let json = try response.json()
            #expect(json.string("type")?.hasPrefix("urn:betakomm:problem:") == true)
            #expect(json.int("status") == 400)
            #expect(json.string("instance") == String(target.split(separator: "?")[0]))
            #expect(json.objects("errors").first?.string("parameter") == parameter, "\(target): \(response.text)")
            #expect(response.header("Cache-Control") == "no-store")
        }
    }
}
