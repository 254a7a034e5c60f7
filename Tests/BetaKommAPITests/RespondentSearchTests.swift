import Foundation
import Testing

/// `GET /v1/respondents?q=`: name and code search over real sockets, combined with filters,
/// sorting and keyset pagination.
@Suite struct RespondentSearchTests {
    private func names(_ app: TestApplication, _ query: String) throws -> [String] {
        let response = try app.get("/v1/respondents?limit=500&\(query)")
        #expect(response.status == 200, "\(query): \(response.text.prefix(300))")
        return try response.json().objects("respondents").compactMap { $0.string("name") }
    }

    @Test func norwegianLettersMayBeTypedWithoutANorwegianKeyboard() throws {
        let app = try TestApplication.shared.get()
        #expect(try names(app, "q=tromso") == ["Tromsø"])
        #expect(try names(app, "q=TROMS%C3%98") == ["Tromsø"])
        #expect(try names(app, "q=Tromso%CC%88") == ["Tromsø"], "o + combining diaeresis, as some keyboards send ö")
        #expect(try names(app, "q=baerum") == ["Bærum"])
        #expect(try names(app, "q=b%C3%A6rum") == ["Bærum"])
        let aas = try names(app, "q=aas")
        #expect(aas.contains("Ås"))
        #expect(try names(app, "q=%C3%A5s") == aas)
        #expect(try names(app, "q=kaafjord") == ["Kåfjord"])
        // An accented spelling of the Norwegian name still finds it.
        #expect(try names(app, "q=K%C3%A1fjord") == ["Kåfjord"])
    }

    @Test func sámiAndKvenParallelNamesFindTheUnitAndAreShownBesideItsName() throws {
        let app = try TestApplication.shared.get()
        #expect(try names(app, "q=K%C3%A1r%C3%A1%C5%A1johka") == ["Karasjok"], "Kárášjohka as typed with Sami letters")
        #expect(try names(app, "q=karasjohka") == ["Karasjok"])
        #expect(try names(app, "q=guovdageaidnu") == ["Kautokeino"])
        #expect(try names(app, "q=unjarga") == ["Nesseby"])
        #expect(try names(app, "q=porsanki") == ["Porsanger"], "the Kven name")
        #expect(try names(app, "q=sn%C3%A5ase") == ["Snåsa"])
        #expect(try names(app, "q=deatnu&kind=kommune") == ["Tana"])
        let porsanger = try app.get("/v1/respondents/2020").json().object("respondent")
        #expect(porsanger?["parallel_names"] as? [String] == ["Porsángu", "Porsanki"])
        #expect(try app.get("/v1/respondents/0301").json().object("respondent")?["parallel_names"] as? [String] == [])
    }

    @Test func aSearchMatchesTheStartOfAWordOrOfTheCode() throws {
        let app = try TestApplication.shared.get()
        let sand = try names(app, "q=sand")
        #expect(Set(sand).isSuperset(of: ["Sandnes", "Sandefjord", "Sande (Vestfold)", "Sandøy"]))
        #expect(try names(app, "q=odal&sort=name") == ["Nord-Odal", "Sør-Odal"])
        #expect(try names(app, "q=nord+odal") == ["Nord-Odal"])
        #expect(try names(app, "q=romso").isEmpty)
        let codes = try app.walk("/v1/respondents?limit=500&q=16")
        #expect(!codes.isEmpty && codes.allSatisfy { $0.hasPrefix("16") })
        #expect(codes == (try app.walk("/v1/respondents?limit=500&county=16")))
        #expect(try app.walk("/v1/respondents?q=1601") == ["1601"])
    }

    @Test(arguments: ["code", "-name", "population"])
    func pagesOfASearchWithFiltersLoseAndRepeatNoRow(sort: String) throws {
        let app = try TestApplication.shared.get()
        let query = "q=s&kind=kommune&sort=\(sort)"
        let paged = try app.walk("/v1/respondents?limit=3&\(query)")
        let whole = try app.walk("/v1/respondents?limit=500&\(query)")
        #expect(whole.count > 9, "several pages of 3")
        #expect(paged == whole)
        #expect(Set(paged).count == paged.count)
        let everyS = Set(try app.walk("/v1/respondents?limit=500&q=s"))
        let kommuner = Set(try app.walk("/v1/respondents?limit=500&kind=kommune"))
        #expect(Set(whole) == everyS.intersection(kommuner))
    }

    @Test func aSearchAndsWithAnswerFiltersAndKeepsItsNonASCIITextInTheLink() throws {
        let app = try TestApplication.shared.get()
        let users = Set(try app.walk("/v1/respondents?limit=500&uses_social_media=yes"))
        let sor = try app.walk("/v1/respondents?limit=2&q=s%C3%B8r&uses_social_media=yes")
        #expect(Set(sor) == users.intersection(try app.walk("/v1/respondents?limit=500&q=sor")))
        let first = try app.get("/v1/respondents?limit=1&q=s%C3%B8r")
        #expect(first.header("Link")?.contains("q=s%C3%B8r") == true, "\(first.header("Link") ?? "no Link")")
    }

    @Test func aCursorCarriesOnlyTheSortSoTheSameSearchResumesWhereItStopped() throws {
        let app = try TestApplication.shared.get()
        let page = try app.get("/v1/respondents?limit=2&q=nord&sort=name").json()
        let cursor = try #require(page.string("next_cursor"))
        let rest = try app.walk("/v1/respondents?limit=2&q=nord&sort=name&cursor=\(cursor)")
        let firstTwo = page.objects("respondents").compactMap { $0.string("code") }
        #expect(firstTwo + rest == (try app.walk("/v1/respondents?limit=500&q=nord&sort=name")))
        #expect(try app.get("/v1/respondents?limit=2&q=nord&sort=code&cursor=\(cursor)").status == 400)
    }

    @Test func blankRepeatedAndOverlongSearchesAreRefusedNamingQ() throws {
        let app = try TestApplication.shared.get()
        let long = String(repeating: "a", count: 101)
        for query in ["q=", "q=%20%20", "q=-", "q=\(long)", "q=oslo&q=bergen"] {
            let response = try app.get("/v1/respondents?\(query)")
            #expect(response.status == 400, "\(query)")
            #expect(response.header("Content-Type") == "application/problem+json")
            let errors = try response.json().objects("errors")
            #expect(errors.count == 1 && errors.first?.string("parameter") == "q", "\(query): \(response.text)")
        }
        #expect(try app.get("/v1/respondents?q=\(String(repeating: "a", count: 100))").status == 200)
    }
}
