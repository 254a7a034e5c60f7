import Foundation
import Testing

/// English captions and labels of the report's figures: `caption_en` in JSON, `?lang=en` for
/// SVG, CSV and JSON-stat, over real sockets.
@Suite struct FigureLanguageTests {
    @Test func theListAndEachFigureCarryBothCaptions() throws {
        let app = try TestApplication.shared.get()
        let figures = try app.get("/v1/figures").json().objects("figures")
        #expect(figures.count == 26)
        for figure in figures {
            let english = figure.string("caption_en") ?? ""
            #expect(!english.isEmpty && english != figure.string("caption_nb"), "\(figure.int("number") ?? 0)")
            #expect(figure.string("base_text_en")?.isEmpty == false)
        }
        let seven = try #require(try app.get("/v1/figures/7").json().object("figure"))
        #expect(seven.string("caption_en")?.hasPrefix("Has your municipality started using social media") == true)
        #expect(seven.string("caption_nb")?.hasPrefix("Har din kommune tatt i bruk sosiale medier") == true)
    }

    @Test func anEnglishChartIsWellFormedSVGTitledAndLabelledInEnglish() throws {
        let app = try TestApplication.shared.get()
        let response = try app.get("/v1/figures/7.svg?lang=en")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "image/svg+xml")
        #expect(response.header("Content-Language") == "en")
        let svg = try SVGDocument(response.body)
        let caption = try #require(try app.get("/v1/figures/7").json().object("figure")?.string("caption_en"))
        #expect(svg.titles.first == "Figure 7: \(caption)")
        #expect(svg.rootAttributes["xml:lang"] == "en")
        #expect(svg.text.contains("Small municipalities (under 5,000 inhabitants)"))
        #expect(svg.text.contains("Percent of those who answered. Base: All, n=274."))
        #expect(!svg.text.contains("Små kommuner") && !svg.text.contains("Figur 7") && !svg.text.contains("Bølge"))
        // Option labels come from the questionnaire's English labels (Fig. 12's channels, Fig. 26's factors).
        let channels = try app.get("/v1/questions/channels").json().object("question")?.objects("options") ?? []
        let twelve = try SVGDocument(try app.get("/v1/figures/12.svg?lang=en").body)
        #expect(!channels.isEmpty)
        for option in channels {
            #expect(twelve.text.contains(option.string("label_en") ?? "?"), "\(option.string("code") ?? "")")
        }
        // Fig. 24 withholds small groups publicly: the bar says so in the chart's language.
        let withheld = try app.get("/v1/figures/24.svg?lang=en").text
        #expect(withheld.contains("… (withheld, too few answers)") && !withheld.contains("skjult"))
        #expect(try app.get("/v1/figures/24.svg").text.contains("… (skjult, for få svar)"))
        let norwegian = try SVGDocument(try app.get("/v1/figures/7.svg").body)
        #expect(norwegian.rootAttributes["xml:lang"] == "nb")
        #expect(norwegian.titles.first?.hasPrefix("Figur 7: Har din kommune") == true)
    }

    @Test func englishAndDefaultAreCachedApartWithTheirOwnETags() throws {
        let app = try TestApplication.shared.get()
        for (path, english) in [("/v1/figures/20.svg", "?lang=en"), ("/v1/figures/20?format=csv", "&lang=en"),
                                ("/v1/figures/20?format=jsonstat", "&lang=en")] {
            // Alternate so each request after the first of its kind is served from the cache.
            let responses = try [path, path + english, path, path + english, path + english.replacingOccurrences(of: "en", with: "nb")]
                .map { try app.get($0) }
            #expect(responses.allSatisfy { $0.status == 200 }, "\(path)")
            #expect(responses[0].body == responses[2].body && responses[0].body == responses[4].body, "\(path)")
            #expect(responses[1].body == responses[3].body, "\(path)")
            #expect(responses[0].body != responses[1].body, "\(path): English served the Norwegian bytes")
            #expect(responses[1].text.contains("Small municipalities"), "\(path)")
            #expect(!responses[0].text.contains("Small municipalities") && responses[0].text.contains("Små kommuner"), "\(path)")
            let nbTag = try #require(responses[0].header("ETag")), enTag = try #require(responses[1].header("ETag"))
            #expect(nbTag != enTag && enTag.hasSuffix("-en\""), "\(path)")
            // A cache holding the Norwegian copy must not get a 304 for the English URL.
            #expect(try app.get(path + english, headers: [("If-None-Match", nbTag)]).status == 200)
            #expect(try app.get(path + english, headers: [("If-None-Match", enTag)]).status == 304)
        }
    }

    @Test func englishCSVChangesOnlyTheLabelColumns() throws {
        let app = try TestApplication.shared.get()
        for number in [7, 17, 24, 26] {
            let nb = try app.get("/v1/figures/\(number)?format=csv&wave=2011").text.components(separatedBy: "\r\n")
            let enResponse = try app.get("/v1/figures/\(number)?format=csv&wave=2011&lang=en")
            #expect(enResponse.header("Content-Language") == "en")
            let en = enResponse.text.components(separatedBy: "\r\n")
            #expect(nb[0] == en[0], "the header's column names are the same in both languages")
            #expect(nb.count == en.count)
            for (nbLine, enLine) in zip(nb.dropFirst(), en.dropFirst()) where !nbLine.isEmpty {
                let nbFields = nbLine.split(separator: ",", omittingEmptySubsequences: false)
                let enFields = enLine.split(separator: ",", omittingEmptySubsequences: false)
                // Labels holding a comma are quoted; compare the numbers from the end, where no label sits.
                #expect(Array(nbFields.suffix(6)) == Array(enFields.suffix(6)), "figure \(number)")
                #expect(Array(nbFields.prefix(5)) == Array(enFields.prefix(5)), "figure \(number)")
            }
        }
        let seven = try app.get("/v1/figures/7?format=csv&lang=en").text
        #expect(seven.contains(",small,\"Small municipalities (under 5,000 inhabitants)\",128,yes,Yes,58,45,0.4531,"))
        let excel = try app.get("/v1/figures/7?format=csv&variant=excel&lang=en").text
        #expect(excel.contains(";small;Small municipalities (under 5,000 inhabitants);128;yes;Yes;58;45;0,4531;"))
    }

    @Test func englishJSONStatHasEnglishLabelsTheSameValuesAndBothCaptions() throws {
        let app = try TestApplication.shared.get()
        let nb = try app.get("/v1/figures/24?format=jsonstat").json()
        let en = try app.get("/v1/figures/24?format=jsonstat&lang=en").json()
        #expect(en.string("label")?.hasPrefix("Figure 24: The table shows the average number of fans") == true)
        #expect((en["value"] as? [Any]).map { "\($0)" } == (nb["value"] as? [Any]).map { "\($0)" })
        let group = en.object("dimension")?.object("group")
        #expect(group?.string("label") == "Municipality size")
        #expect(group?.object("category")?.object("label")?.string("all") == "All")
        let figure = try #require(try app.get("/v1/figures/24").json().object("figure"))
        for document in [nb, en] {
            #expect(document.object("extension")?.string("caption_en") == figure.string("caption_en"))
            #expect(document.object("extension")?.string("caption_nb") == figure.string("caption_nb"))
        }
        #expect(en.object("extension")?.string("lang") == "en" && nb.object("extension")?.string("lang") == "nb")
    }

    @Test func anUnknownLanguageOrALanguageForJSONIsRefusedNamingLang() throws {
        let app = try TestApplication.shared.get()
        for target in ["/v1/figures/7.svg?lang=de", "/v1/figures/7?format=csv&lang=EN", "/v1/figures/7?format=jsonstat&lang=",
                       "/v1/figures/7?lang=en", "/v1/figures/7?format=json&lang=nb"] {
            let response = try app.get(target)
            #expect(response.status == 400, "\(target)")
            #expect(try response.json().objects("errors").first?.string("parameter") == "lang", "\(target): \(response.text)")
        }
        #expect(try app.get("/v1/figures/7.svg?lang=nb").status == 200)
    }
}
