import Survey
import Testing

/// Folding and matching of respondent name search, over the real 2011 list.
@Suite struct NameSearchTests {
    /// The names a search finds among the 449 units of Data/municipalities-2011.csv.
    private func names(_ text: String) throws -> Set<String> {
        let search = try NameSearch(text)
        return Set(BaselineFixture.respondents.filter { search.matches(code: $0.code, foldedName: NameSearch.fold($0.name)) }.map(\.name))
    }

    @Test(arguments: [
        ("Tromsø", "tromso"), ("TROMSØ", "Tromsö"), ("Ås", "aas"), ("Bærum", "baerum"), ("Bærum", "Bärum"),
        ("Unjárga", "unjarga"), ("Kárášjohka", "karasjohka"), ("Deatnu-Tana", "deatnu tana"), ("Gáivuotna", "GAIVUOTNA"),
        ("Aurskog-Høland", "aurskog holand"), ("Våler (Østfold)", "valer ostfold"), ("Nord-Odal", "nord  odal"),
        ("Čáhcesuolu", "cahcesuolu"), ("Guovdageaidnu", "guovdageaidnu"), ("Ŋuorggam đŧ", "nuorggam dt"),
    ])
    func spellingsFoldTogether(name: String, typed: String) {
        #expect(NameSearch.fold(name) == NameSearch.fold(typed))
        #expect(!NameSearch.fold(name).isEmpty)
    }

    @Test func foldingKeepsWordsApartAndDropsPunctuation() {
        #expect(NameSearch.fold("  Herøy (Møre og Romsdal) ") == "heroy more og romsdal")
        #expect(NameSearch.fold("Sør-Trøndelag") == "sor trondelag")
        #expect(NameSearch.fold("Ålesund") == NameSearch.fold("aalesund"))
        #expect(NameSearch.fold("Bø") != NameSearch.fold("Bæ"))
    }

    @Test func norwegianLettersAreFoundWithoutANorwegianKeyboard() throws {
        #expect(try names("tromso") == ["Tromsø"])
        #expect(try names("baerum") == ["Bærum"])
        #expect(try names("bærum") == ["Bærum"])
        #expect(try names("aas").contains("Ås"))
        #expect(try names("ås") == names("aas"))
        #expect(try names("aalesund") == ["Ålesund"])
        #expect(try names("trondelag") == ["Sør-Trøndelag", "Nord-Trøndelag"])
    }

    @Test func aSearchMatchesTheStartOfAnyWordButNotTheMiddle() throws {
        let sand = try names("sand")
        #expect(sand.isSuperset(of: ["Sandnes", "Sandefjord", "Sande (Vestfold)", "Sande (Møre og Romsdal)", "Sandøy"]))
        #expect(sand.allSatisfy { NameSearch.fold($0).split(separator: " ").contains { $0.hasPrefix("sand") } })
        #expect(try names("odal") == ["Nord-Odal", "Sør-Odal"])
        #expect(try names("nord odal") == ["Nord-Odal"])
        #expect(try names("Nord-Odal") == ["Nord-Odal"])
        #expect(try names("vestfold").contains("Våler (Østfold)") == false)
        #expect(try names("vestfold").contains("Sande (Vestfold)"))
        // "romsø" is inside "Tromsø", not at the start of a word.
        #expect(try names("romso").isEmpty)
    }

    @Test func digitsMatchTheStartOfTheCode() throws {
        let search = try NameSearch("16")
        let found = BaselineFixture.respondents.filter { search.matches(code: $0.code, foldedName: NameSearch.fold($0.name)) }
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.code.hasPrefix("16") })
        #expect(found.count == BaselineFixture.respondents.filter { $0.countyCode == "16" }.count)
        #expect(try names("1601") == ["Trondheim"])
        #expect(try names("9").isEmpty)
    }

    @Test func blankAndOverlongSearchesAreRefused() {
        #expect(throws: NameSearchError.blank) { try NameSearch("") }
        #expect(throws: NameSearchError.blank) { try NameSearch("   ") }
        #expect(throws: NameSearchError.blank) { try NameSearch(" - () ") }
        #expect(throws: NameSearchError.tooLong(length: 101)) { try NameSearch(String(repeating: "a", count: 101)) }
        #expect(throws: Never.self) { try NameSearch(String(repeating: "ø", count: NameSearch.maximumLength)) }
    }
}
