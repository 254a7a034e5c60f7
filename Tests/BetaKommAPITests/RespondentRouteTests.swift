import Foundation
import Testing

@Suite struct RespondentRouteTests {
    @Test(arguments: ["code", "-code", "name", "-name", "population", "-population"])
    func walkingAllPagesLosesAndRepeatsNoRow(sort: String) throws {
        let app = try TestApplication.shared.get()
        let codes = try app.walk("/v1/respondents?limit=37&sort=\(sort)")
        #expect(codes.count == 449)
        #expect(Set(codes).count == 449)
        let single = try app.get("/v1/respondents?limit=500&sort=\(sort)").json().objects("respondents").compactMap { $0.string("code") }
        #expect(codes == single)
    }

    @Test func sortsByPopulationAndByNorwegianName() throws {
        let app = try TestApplication.shared.get()
        let rows = try app.get("/v1/respondents?limit=500&sort=-population&kind=kommune").json().objects("respondents")
        let populations = rows.compactMap { $0.int("population") }
        #expect(populations == populations.sorted(by: >))
        #expect(rows.first?.string("name") == "Oslo")
        let names = try app.get("/v1/respondents?limit=500&sort=name").json().objects("respondents").compactMap { $0.string("name") }
        // Norwegian order: … Z, Æ, Ø, Å.
        let lastInitials = names.suffix(15).compactMap(\.first)
        #expect(lastInitials.last == "Å")
        if let firstO = names.firstIndex(where: { $0.hasPrefix("Ø") }), let firstA = names.firstIndex(where: { $0.hasPrefix("Å") }) {
            #expect(firstO < firstA)
        }
    }

    @Test func registryFiltersCombine() throws {
        let app = try TestApplication.shared.get()
        func count(_ query: String) throws -> Int {
            try app.walk("/v1/respondents?limit=500&\(query)").count
        }
        #expect(try count("kind=fylkeskommune") == 19)
        #expect(try count("answered_2011=true") == 274)
        #expect(try count("answered_2011=false") == 175)
        #expect(try count("kind=fylkeskommune&answered_2011=true") == 16)
        #expect(try count("size_class=small") == 232)
        #expect(try count("size_class=small&size_class=county") == 251)
        let oslo = try app.get("/v1/respondents?county=03").json().objects("respondents").compactMap { $0.string("code") }
        #expect(Set(oslo) == ["03", "0301"])
    }

    @Test func answerFiltersOrWithinAQuestionAndAndAcross() throws {
        let app = try TestApplication.shared.get()
        let staff = try app.staffHeaders()  // answer filters are staff only (UnitPrivacy)
        func codes(_ query: String) throws -> Set<String> {
            Set(try app.walk("/v1/respondents?limit=500&\(query)", headers: staff))
        }
        let users = try codes("uses_social_media=yes")
        #expect(users.count == 159)
        let strategy = try codes("has_strategy=yes")
        #expect(strategy.count == 46)
        #expect(try codes("uses_social_media=yes&has_strategy=yes") == users.intersection(strategy))
        let twitter = try codes("channels=twitter")
        let youtube = try codes("channels=youtube")
        #expect(try codes("channels=twitter&channels=youtube") == twitter.union(youtube))
        #expect(try codes("channels=twitter,youtube") == twitter.union(youtube))
        #expect(twitter.isSubset(of: users))
    }

    @Test func badListParametersAreNamed() throws {
        let app = try TestApplication.shared.get()
        let cases: [(String, String)] = [
            ("/v1/respondents?limit=0", "limit"), ("/v1/respondents?limit=501", "limit"), ("/v1/respondents?sort=size", "sort"),
            ("/v1/respondents?cursor=%21%21", "cursor"), ("/v1/respondents?kind=city", "kind"),
            ("/v1/respondents?answered_2011=yes", "answered_2011"), ("/v1/respondents?uses_social_media=maybe", "uses_social_media"),
            ("/v1/respondents?colour=red", "colour"), ("/v1/respondents?facebook_fans=100", "facebook_fans"),
        ]
        for (target, parameter) in cases {
            let response = try app.get(target)
            #expect(response.status == 400, "\(target)")
            #expect(response.header("Content-Type") == "application/problem+json")
            let errors = try response.json().objects("errors")
            #expect(errors.first?.string("parameter") == parameter, "\(target): \(response.text)")
        }
    }

    @Test func aCursorOfAnotherSortIsRefused() throws {
        let app = try TestApplication.shared.get()
        let cursor = try app.get("/v1/respondents?limit=5&sort=name").json().string("next_cursor") ?? ""
        let response = try app.get("/v1/respondents?limit=5&sort=population&cursor=\(cursor)")
        #expect(response.status == 400)
        #expect(response.text.contains("sort=name"))
    }

    @Test func oneRespondentHasRegistryFactsButNoAnswers() throws {
        let app = try TestApplication.shared.get()
        let staff = try app.staffHeaders()
        let response = try app.get("/v1/respondents/1601", headers: staff)
        #expect(response.status == 200)
        let respondent = try #require(try response.json().object("respondent"))
        #expect(respondent.string("name") == "Trondheim")
        #expect(respondent.string("size_class") == "large")
        #expect(respondent["answered_2011"] as? Bool == true)
        #expect(respondent.int("latest_version") == 1)
        #expect(respondent["answers"] == nil)
        #expect(!response.text.contains("has_strategy"))
        let silent = try app.get("/v1/respondents?answered_2011=false&limit=1").json().objects("respondents").first
        let code = try #require(silent?.string("code"))
        #expect(try app.get("/v1/respondents/\(code)", headers: staff).json().object("respondent")?.isNull("latest_version") == true)
        // The public does not see how often a unit submits.
        #expect(try app.get("/v1/respondents/1601").json().object("respondent")?["latest_version"] == nil)
        #expect(try app.get("/v1/respondents/9999").status == 404)
    }

    @Test func scoreListsMetAndMissedCriteriaWithAdviceAndARankAmongPeers() throws {
        let app = try TestApplication.shared.get()
        let staff = try app.staffHeaders()
        let score = try #require(try app.get("/v1/respondents/1601/score", headers: staff).json().object("score"))
        let met = score.objects("met"), missed = score.objects("missed")
        #expect(score.int("met_count") == met.count)
        #expect(score.int("applicable_count") == met.count + missed.count)
        #expect(missed.allSatisfy { $0.string("advice_nb")?.isEmpty == false && $0.string("advice_en")?.isEmpty == false })
        // Trondheim has a strategy and guidelines (docs/data.md, named municipalities).
        #expect(met.contains { $0.string("id") == "strategy_and_guidelines" })
        let peers = try #require(score.int("peers")), rank = try #require(score.int("rank"))
        #expect(peers == 36)
        #expect((1...peers).contains(rank))
        let silent = try app.get("/v1/respondents?answered_2011=false&limit=1").json().objects("respondents").first?.string("code") ?? ""
        #expect(try app.get("/v1/respondents/\(silent)/score", headers: staff).status == 404)
    }
}
