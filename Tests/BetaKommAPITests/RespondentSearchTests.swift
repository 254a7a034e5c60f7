import Foundation
import Testing

/// `GET /v1/respondents?q=`: name and code search over real sockets, combined with filters,
/// sorting and keyset pagination.
@Suite struct RespondentSearchTests {
    /// The units found, as "name (map)": without `map=`, a name search covers both maps.
    private func names(_ app: TestApplication, _ query: String) throws -> [String] {
        let response = try app.get("/v1/respondents?limit=500&\(query)")
        #expect(response.status == 200, "\(query): \(response.text.prefix(300))")
        return try response.json().objects("respondents").compactMap { row in
            row.string("name").map { "\($0) (\(row.int("map") ?? 0))" }
        }
    }

    @Test func norwegianLettersMayBeTypedWithoutANorwegianKeyboard() throws {
        let app = try TestApplication.shared.get()
        #expect(try names(app, "q=tromso") == ["Tromsø (2011)", "Tromsø (2024)"])
        #expect(try names(app, "q=TROMS%C3%98") == ["Tromsø (2011)", "Tromsø (2024)"])
        #expect(try names(app, "q=Tromso%CC%88") == ["Tromsø (2011)", "Tromsø (2024)"], "o + combining diaeresis, as some keyboards send ö")
        #expect(try names(app, "q=baerum") == ["Bærum (2011)", "Bærum (2024)"])
        #expect(try names(app, "q=b%C3%A6rum") == ["Bærum (2011)", "Bærum (2024)"])
        let aas = try names(app, "q=aas")
        #expect(aas.contains("Ås (2011)") && aas.contains("Ås (2024)"))
        #expect(try names(app, "q=%C3%A5s") == aas)
        #expect(try names(app, "q=kaafjord") == ["Kåfjord (2011)", "Gáivuotna - Kåfjord - Kaivuono (2024)"])
        // An accented spelling of the Norwegian name still finds it.
        #expect(try names(app, "q=K%C3%A1fjord") == ["Kåfjord (2011)", "Gáivuotna - Kåfjord - Kaivuono (2024)"])
        // map= keeps a search to one map.
        #expect(try names(app, "q=kaafjord&map=2011") == ["Kåfjord (2011)"])
        #expect(try names(app, "q=tromso&map=2024") == ["Tromsø (2024)"])
    }

    @Test func sámiAndKvenParallelNamesFindTheUnitAndAreShownBesideItsName() throws {
        let app = try TestApplication.shared.get()
        // On the 2011 map the parallel names are beside the name; on the 2024 map they are in it.
        #expect(try names(app, "q=K%C3%A1r%C3%A1%C5%A1johka&map=2011") == ["Karasjok (2011)"], "Kárášjohka as typed with Sami letters")
        #expect(try names(app, "q=karasjohka&map=2011") == ["Karasjok (2011)"])
        #expect(try names(app, "q=guovdageaidnu") == ["Kautokeino (2011)", "Guovdageaidnu - Kautokeino (2024)"])
        #expect(try names(app, "q=unjarga") == ["Nesseby (2011)", "Unjárga - Nesseby (2024)"])
        #expect(try names(app, "q=porsanki") == ["Porsanger (2011)", "Porsanger - Porsángu - Porsanki (2024)"], "the Kven name")
        #expect(try names(app, "q=sn%C3%A5ase") == ["Snåsa (2011)", "Snåase - Snåsa (2024)"])
        #expect(try names(app, "q=deatnu&kind=kommune") == ["Tana (2011)", "Deatnu - Tana (2024)"])
        let porsanger = try app.get("/v1/respondents/2020").json().object("respondent")
        #expect(porsanger?["parallel_names"] as? [String] == ["Porsángu", "Porsanki"])
        #expect(try app.get("/v1/respondents/0301").json().object("respondent")?["parallel_names"] as? [String] == [])
    }

    @Test func aSearchMatchesTheStartOfAWordOrOfTheCode() throws {
        let app = try TestApplication.shared.get()
        let sand = try names(app, "q=sand&map=2011")
        #expect(Set(sand).isSuperset(of: ["Sandnes (2011)", "Sandefjord (2011)", "Sande (Vestfold) (2011)", "Sandøy (2011)"]))
        #expect(try names(app, "q=odal&sort=name") == ["Nord-Odal (2011)", "Nord-Odal (2024)", "Sør-Odal (2011)", "Sør-Odal (2024)"])
        #expect(try names(app, "q=nord+odal") == ["Nord-Odal (2011)", "Nord-Odal (2024)"])
        #expect(try names(app, "q=romso").isEmpty)
        let codes = try app.walk("/v1/respondents?limit=500&q=16")
        #expect(!codes.isEmpty && codes.allSatisfy { $0.hasPrefix("16") })
        #expect(codes == (try app.walk("/v1/respondents?limit=500&county=16")))
        #expect(try app.walk("/v1/respondents?q=1601") == ["1601"])
        #expect(try app.walk("/v1/respondents?q=5001") == ["5001"])
    }

    /// The units of a walk as "code@map": a code may be on both maps (Oslo is 0301 on each).
    private func units(_ app: TestApplication, _ first: String) throws -> [String] {
        var units: [String] = []
        var target: String? = first
        while let current = target, units.count < 2000 {
            let response = try app.get(current)
            #expect(response.status == 200, "\(current): \(response.text.prefix(300))")
            units += try response.json().objects("respondents").map { "\($0.string("code") ?? "")@\($0.int("map") ?? 0)" }
            target = response.header("Link").flatMap { $0.split(separator: ">").first.map { String($0.dropFirst()) } }
        }
        return units
    }

    @Test(arguments: ["code", "-name", "population"])
    func pagesOfASearchWithFiltersLoseAndRepeatNoRow(sort: String) throws {
        let app = try TestApplication.shared.get()
        let query = "q=s&kind=kommune&sort=\(sort)"
        // The cursor carries the map, so rows of the same code on both maps are neither lost nor repeated.
        let paged = try units(app, "/v1/respondents?limit=3&\(query)")
        let whole = try units(app, "/v1/respondents?limit=500&\(query)")
        #expect(whole.count > 9, "several pages of 3")
        #expect(paged == whole)
        #expect(Set(paged).count == paged.count)
        #expect(Set(whole.map { $0.split(separator: "@").last.map(String.init) ?? "" }) == ["2011", "2024"])
        #expect(Set(try app.walk("/v1/respondents?limit=500&\(query)")) == Set(whole.map { String($0.prefix { $0 != "@" }) }))
        let everyS = Set(try units(app, "/v1/respondents?limit=500&q=s"))
        let kommuner = Set(try units(app, "/v1/respondents?limit=500&kind=kommune&map=2011") + units(app, "/v1/respondents?limit=500&kind=kommune&map=2024"))
        #expect(Set(whole) == everyS.intersection(kommuner))
    }

    @Test func aSearchAndsWithAnswerFiltersAndKeepsItsNonASCIITextInTheLink() throws {
        let app = try TestApplication.shared.get()
        let staff = try app.staffHeaders()
        let users = Set(try app.walk("/v1/respondents?limit=500&uses_social_media=yes", headers: staff))
        let sor = try app.walk("/v1/respondents?limit=2&q=s%C3%B8r&uses_social_media=yes", headers: staff)
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
