import Foundation
import Testing
@testable import BetaKommAPI

@Suite struct FigureFormatTests {
    @Test func csvIsRFC4180WithAHeaderRowAndCRLF() throws {
        let app = try TestApplication.shared.get()
        let response = try app.get("/v1/figures/7?format=csv")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/csv; charset=utf-8; header=present")
        #expect(response.body.first != 0xEF)
        let lines = response.text.components(separatedBy: "\r\n")
        #expect(lines.last == "")
        #expect(lines[0].hasPrefix("figure,wave,question_id,series,group,"))
        // The small kommuner's "yes" row: 58 of 128, 45 %, share with a decimal point.
        let small = try #require(lines.first { $0.contains(",small,") && $0.contains(",yes,") })
        #expect(small.contains(",128,yes,Ja,58,45,0.4531,"))
        #expect(!response.text.contains("\n\n"))
    }

    @Test func excelVariantHasBOMSemicolonsAndDecimalCommas() throws {
        let app = try TestApplication.shared.get()
        let response = try app.get("/v1/figures/7?format=csv&variant=excel")
        #expect(Array(response.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: response.body.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("figure;wave;question_id;"))
        let small = try #require(lines.first { $0.contains(";small;") && $0.contains(";yes;") })
        #expect(small.contains(";128;yes;Ja;58;45;0,4531;"))
        let means = try app.get("/v1/figures/23?format=csv&variant=excel").text
        #expect(means.contains(";506;") || means.contains(";506,"))
    }

    @Test func excelVariantDefusesFormulasAndQuotesSeparators() {
        let excel = CSVWriter(variant: .excel)
        #expect(excel.field(.text("=HYPERLINK(\"x\")")) == "'=HYPERLINK(\"\"x\"\")".quotedForTest)
        #expect(excel.field(.text("+47 999")) == "'+47 999")
        #expect(excel.field(.text("-1")) == "'-1")
        #expect(excel.field(.text("@SUM(A1)")) == "'@SUM(A1)")
        #expect(excel.field(.text("\tx")) == "'\tx")
        #expect(excel.field(.text("a;b")) == "\"a;b\"")
        #expect(excel.field(.decimal(-1.5)) == "-1,5")
        #expect(excel.field(.decimal(506)) == "506")
        let plain = CSVWriter(variant: .rfc4180)
        #expect(plain.field(.text("=1+1")) == "=1+1")
        #expect(plain.field(.text("a,b \"c\"")) == "\"a,b \"\"c\"\"\"")
        #expect(plain.field(.text("line\r\nbreak")) == "\"line\r\nbreak\"")
    }

    @Test func jsonStatIsADatasetWhoseSizesMultiplyToTheValueCount() throws {
        let app = try TestApplication.shared.get()
        for number in [7, 12, 17, 24, 26] {
            let json = try app.get("/v1/figures/\(number)?format=jsonstat&wave=2011").json()
            #expect(json.string("version") == "2.0")
            #expect(json.string("class") == "dataset")
            #expect(json.string("label")?.hasPrefix("Figur \(number):") == true)
            #expect(json.string("source") != nil && json.string("updated") != nil)
            let ids = json["id"] as? [String] ?? []
            let sizes = json["size"] as? [Int] ?? []
            #expect(ids.count == sizes.count && !ids.isEmpty)
            let values = json["value"] as? [Any] ?? []
            #expect(sizes.reduce(1, *) == values.count, "figure \(number)")
            let dimensions = try #require(json.object("dimension"))
            for (id, size) in zip(ids, sizes) {
                let category = dimensions.object(id)?.object("category")
                #expect(category?.object("index")?.count == size, "figure \(number) dimension \(id)")
                #expect(category?.object("label")?.count == size)
            }
        }
        // Fig. 7: small kommuner's "yes" percent sits at panel 0, group small (0), option yes (0), measure percent (0).
        let seven = try app.get("/v1/figures/7?format=jsonstat").json()
        #expect((seven["value"] as? [Any])?.first as? Int == 45)
    }

    @Test func theSVGIsWellFormedXMLWithTheFiguresNumbers() throws {
        let app = try TestApplication.shared.get()
        let response = try app.get("/v1/figures/12.svg")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "image/svg+xml")
        let svg = try SVGDocument(response.body)
        #expect(svg.elements.first == "svg")
        #expect(svg.elements.contains("title") && svg.elements.contains("desc") && svg.elements.contains("rect"))
        #expect(svg.text.contains("Figur 12: Hvilke sosiale mediekanaler"))
        let table = try app.get("/v1/figures/12").json().object("figure")?.objects("panels").first?.object("total")?.objects("options") ?? []
        #expect(!table.isEmpty)
        for option in table {
            #expect(svg.text.contains("\(option.int("percent") ?? -1) %"), "\(option.string("code") ?? "")")
        }
        #expect(!response.text.contains("href"))
        let grouped = try app.get("/v1/figures/7.svg").text
        #expect(grouped.contains("Små kommuner"))
    }

    @Test func bySizeClassBreaksDownAFigureInEveryFormat() throws {
        let app = try TestApplication.shared.get()
        let json = try #require(try app.get("/v1/figures/12?by=size_class&wave=2011").json().object("figure"))
        #expect(json.string("by") == "size_class")
        #expect(json.object("links")?.string("csv") == "/v1/figures/12?by=size_class&format=csv")
        #expect(json.object("links")?.string("svg") == "/v1/figures/12.svg?by=size_class")
        let panel = try #require(json.objects("panels").first)
        #expect(panel.objects("groups").compactMap { $0.string("key") } == ["small", "medium", "large", "county"])
        let total = try #require(panel.object("total"))

        let csv = try app.get("/v1/figures/12?by=size_class&wave=2011&format=csv").text.components(separatedBy: "\r\n")
        #expect(csv.contains { $0.contains(",medium,") })
        let facebookTotal = try #require(total.objects("options").first { $0.string("code") == "facebook" })
        let allRow = try #require(csv.first { $0.contains(",all,") && $0.contains(",facebook,") })
        #expect(allRow.contains(",\(facebookTotal.int("count") ?? -1),\(facebookTotal.int("percent") ?? -1),"))

        let stat = try app.get("/v1/figures/12?by=size_class&format=jsonstat&lang=en").json()
        #expect(stat.object("dimension")?.object("group")?.object("category")?.object("index")?.count == 5)
        #expect(stat.string("label")?.hasSuffix("By municipality size.") == true)

        let svg = try SVGDocument(try app.get("/v1/figures/12.svg?by=size_class").body)
        #expect(svg.titles.contains { $0.hasSuffix("Fordelt på kommunestørrelse.") })
        #expect(svg.text.contains("Små kommuner"))

        // A figure the report already breaks down by size is unchanged by by=size_class.
        #expect(try app.get("/v1/figures/7?by=size_class").body == app.get("/v1/figures/7").body)
        let refused = try app.get("/v1/figures/12.svg?by=municipality")
        #expect(refused.status == 400)
        #expect(try refused.json().objects("errors").first?.string("parameter") == "by")
    }

    @Test func byReplacesTheReportsBreakdownWithCountyKindOrAnotherAnswer() throws {
        let app = try TestApplication.shared.get()
        // Fig. 7 by county instead of size: 19 counties whose units add up to all 274.
        let county = try #require(try app.get("/v1/figures/7?by=county&wave=2011").json().object("figure"))
        #expect(county.string("by") == "county")
        #expect(county.object("links")?.string("self") == "/v1/figures/7?by=county")
        let groups = county.objects("panels").first?.objects("groups") ?? []
        #expect(groups.count == 19)
        #expect(groups.first?.string("key") == "01")
        #expect(groups.contains { $0["suppressed"] as? Bool == true }, "Oslo, one unit, is withheld from the public")
        // Without suppression (a minimum cell of 1) the counties add up to all 274.
        let unsuppressed = try TestApplication(minimumCellSize: 1)
        let all = try unsuppressed.get("/v1/figures/7?by=county&wave=2011").json().object("figure")?.objects("panels").first?.objects("groups") ?? []
        #expect(all.compactMap { $0.int("base_n") }.reduce(0, +) == 274)

        let svg = try SVGDocument(try app.get("/v1/figures/7.svg?by=county").body)
        #expect(svg.titles.first?.hasSuffix("% svarfordeling. Fordelt på fylke.") == true, "the report's size breakdown is no longer named")

        let kind = try app.get("/v1/figures/7?by=kind&format=jsonstat&lang=en").json()
        #expect(kind.object("dimension")?.object("group")?.string("label") == "Kommune or fylkeskommune")
        #expect(kind.object("dimension")?.object("group")?.object("category")?.object("index")?.count == 3)

        // A crosstab: Fig. 12's channels by whether the unit has a strategy. The public's copy is
        // perturbed by the cell key (FigurePrivacyTests); its rows and columns are the same.
        let csv = try app.get("/v1/figures/12?by=has_strategy&wave=2011&format=csv").text.components(separatedBy: "\r\n")
        #expect(csv.contains { $0.hasPrefix("12,2011,channels,,yes,Ja,") && $0.contains(",facebook,") })
        #expect(csv.contains { $0.hasPrefix("12,2011,channels,,no,Nei,") && $0.contains(",twitter,") })
        let title = try app.get("/v1/figures/12?by=has_strategy&format=jsonstat").json().string("label")
        #expect(title?.hasSuffix("Fordelt på svar på «Har din kommune utarbeidet en strategi for bruk av sosiale medier?».") == true, "\(title ?? "")")
    }

    @Test func badFormatsAndFiguresAreRefused() throws {
        let app = try TestApplication.shared.get()
        #expect(try app.get("/v1/figures/7?format=xlsx").json().objects("errors").first?.string("parameter") == "format")
        #expect(try app.get("/v1/figures/7?format=csv&variant=lotus").json().objects("errors").first?.string("parameter") == "variant")
        #expect(try app.get("/v1/figures/7?variant=excel").status == 400)
        #expect(try app.get("/v1/figures/27").status == 404)
        #expect(try app.get("/v1/figures/seven.svg").status == 404)
        #expect(try app.get("/v1/figures/7.svg?format=csv").status == 400)
    }
}

private extension String {
    /// A field holding a quote is itself quoted, with inner quotes doubled (RFC 4180 §2.7).
    var quotedForTest: String { "\"" + self + "\"" }
}
