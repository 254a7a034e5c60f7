import Survey
import Testing

/// Reading statistikkbanken's CSV export of table 07459 (population 1 January by region).
@Suite struct PopulationFileTests {
    /// A small map: three kommuner and two counties.
    let known: Set<String> = ["0301", "5001", "1508", "03", "50"]

    private func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    private func parsed(_ bytes: [UInt8], year: Int? = nil) throws -> PopulationFile.Result {
        try PopulationFile.parse(bytes, knownCodes: known, year: year).get()
    }

    private func problems(_ bytes: [UInt8], known: Set<String>? = nil, year: Int? = nil) -> [String] {
        switch PopulationFile.parse(bytes, knownCodes: known ?? self.known, year: year) {
        case .success: return ["(no problems)"]
        case let .failure(error): return error.problems.map(\.description)
        }
    }

    private let expected2024 = ["0301": 717_710, "5001": 216_108, "1508": 68_682, "03": 717_710, "50": 484_167]

    @Test func longShapeWithTitleLineStatistikkvariabelAndSeveralYears() throws {
        let text = """
        "07459: Befolkning, etter region, statistikkvariabel og år"

        "region";"statistikkvariabel";"år";"07459: Befolkning, etter region, statistikkvariabel og år"
        "0301 Oslo - Oslove";"Personer";"2023";709037
        "0301 Oslo - Oslove";"Personer";"2024";717710
        "5001 Trondheim - Tråante";"Personer";"2023";212660
        "5001 Trondheim - Tråante";"Personer";"2024";216108
        "1508 Ålesund";"Personer";"2023";67114
        "1508 Ålesund";"Personer";"2024";68682
        "03 Oslo";"Personer";"2024";717710
        "50 Trøndelag - Trööndelage";"Personer";"2024";484167

        """
        let result = try parsed(utf8(text))
        #expect(result.year == 2024)
        #expect(result.populations == expected2024)
        #expect(result.notes == ["took the population of 1 January 2024, the latest year in the file (it has 2023, 2024)"])
    }

    @Test func theCallerChoosesTheYear() throws {
        let text = """
        "region";"år";"Personer"
        "0301 Oslo - Oslove";"2023";"709 037"
        "0301 Oslo - Oslove";"2024";"717 710"
        "5001";"2023";"212 660"
        "5001";"2024";"216 108"
        "1508 Ålesund";"2023";"67 114"
        "1508 Ålesund";"2024";"68 682"
        "03 Oslo";"2023";"709 037"
        "03 Oslo";"2024";"717 710"
        "50 Trøndelag - Trööndelage";"2023";"478 000"
        "50 Trøndelag - Trööndelage";"2024";"484 167"
        """
        let result = try parsed(utf8(text), year: 2023)
        #expect(result.year == 2023)
        #expect(result.populations == ["0301": 709_037, "5001": 212_660, "1508": 67_114, "03": 709_037, "50": 478_000])
        #expect(result.notes == ["took the population of 1 January 2023, the year asked for"])
        #expect(problems(utf8(text), year: 2025) == ["the file has no population for 2025; it has 2023, 2024"])
    }

    @Test(arguments: ["Personer 2024", "Befolkning 2025", "2024"])
    func wideShapeWithTheYearInTheHeader(column: String) throws {
        let text = """
        "region";"\(column)"
        "K-0301 Oslo - Oslove";"717 710"
        "K-5001 Trondheim - Tråante";"216\u{A0}108"
        "K-1508 Ålesund";"68\u{202F}682"
        "F-03 Oslo";717710
        "F-50 Trøndelag - Trööndelage";484167
        """
        let result = try parsed(utf8(text))
        #expect(result.year == (column.hasSuffix("2025") ? 2025 : 2024))
        #expect(result.populations == expected2024)
    }

    @Test func wideShapeWithSeveralYearsTakesTheLatest() throws {
        let text = "\"region\";\"Personer 2023\";\"Personer 2024\"\n"
            + "\"0301 Oslo - Oslove\";709037;717710\n\"5001 Trondheim - Tråante\";212660;216108\n\"1508 Ålesund\";..;68682\n"
            + "\"03 Oslo\";709037;717710\n\"50 Trøndelag - Trööndelage\";478000;484167\n"
        let result = try parsed(utf8(text))
        #expect(result.year == 2024)
        #expect(result.populations == expected2024)
        // Ålesund has no value for 2023: a problem only if 2023 is asked for.
        #expect(problems(utf8(text), year: 2023) == [#"line 4: "1508 Ålesund" has no value for 2023 ("..")"#])
    }

    @Test func commaSeparatedWithCRLFAndAByteOrderMark() throws {
        let text = "\"07459: Befolkning, etter region, statistikkvariabel og år\"\r\n\r\n"
            + "\"region\",\"år\",\"Personer\"\r\n"
            + "\"0301 Oslo - Oslove\",\"2024\",\"717 710\"\r\n\"5001 Trondheim - Tråante\",\"2024\",216108\r\n"
            + "\"1508 Ålesund\",\"2024\",68682\r\n\"03 Oslo\",2024,717710\r\n\"50 Trøndelag - Trööndelage\",2024,484167\r\n"
        let result = try parsed([0xEF, 0xBB, 0xBF] + utf8(text))
        #expect(result.populations == expected2024)
        #expect(result.notes == ["took the population of 1 January 2024, the only year in the file"])
    }

    @Test func latin1IsDecodedWhenTheBytesAreNotUTF8() throws {
        // "5001 Trondheim - Tråante", "1508 Ålesund", "50 Trøndelag - Trööndelage" in ISO-8859-1: å = E5, Å = C5, ø = F8, ö = F6.
        var bytes = utf8("\"region\";\"") + [0xE5] + utf8("r\";\"Personer\"\r\n")
        bytes += utf8("\"0301 Oslo - Oslove\";\"2024\";717710\r\n")
        bytes += utf8("\"5001 Trondheim - Tr") + [0xE5] + utf8("ante\";\"2024\";216108\r\n")
        bytes += utf8("\"1508 ") + [0xC5] + utf8("lesund\";\"2024\";68682\r\n")
        bytes += utf8("\"03 Oslo\";\"2024\";717710\r\n")
        bytes += utf8("\"50 Tr") + [0xF8] + utf8("ndelag - Tr") + [0xF6, 0xF6] + utf8("ndelage\";\"2024\";484167\r\n")
        let result = try parsed(bytes)
        #expect(result.populations == expected2024)
        #expect(result.notes.first == "the file is not UTF-8; read it as Latin-1 (Windows-1252)")

        // Problems quote the names as they were meant.
        bytes += utf8("\"1804 Bod") + [0xF8] + utf8("\";\"2024\";52803\r\n")
        #expect(problems(bytes) == [#"line 7: "1804 Bodø" is not a unit of the map"#])
    }

    @Test func theWholeCountryIsSkippedWithANote() throws {
        let text = """
        "region";"Personer 2024"
        "0 Hele landet";5550203
        "0301 Oslo - Oslove";717710
        "5001 Trondheim - Tråante";216108
        "1508 Ålesund";68682
        "03 Oslo";717710
        "50 Trøndelag - Trööndelage";484167
        "Hele landet";5550203
        """
        let result = try parsed(utf8(text))
        #expect(result.populations == expected2024)
        #expect(result.notes == [
            #"skipped line 2, "0 Hele landet": the whole country is not a unit of the map"#,
            #"skipped line 8, "Hele landet": the whole country is not a unit of the map"#,
            "took the population of 1 January 2024, the only year in the file",
        ])
    }

    @Test func quotedFieldsMayHoldSeparatorsAndDoubledQuotes() throws {
        let text = #"""
        "region";"år";"Personer"
        "0301 Oslo; ""Oslove""";2024;717710
        5001 Trondheim - Tråante;2024;216108
        "1508 Ålesund";2024;68682
        "03";2024;717710
        "50";2024;484167
        """#
        #expect(try parsed(utf8(text)).populations == expected2024)
    }

    @Test func everyProblemWithItsLineAndNothingLoaded() {
        let text = """
        "07459: Befolkning, etter region, statistikkvariabel og år"

        "region";"år";"Personer"
        "0301 Oslo - Oslove";"2024";"717 710"
        "9999 Atlantis";"2024";"12"
        "5001 Trondheim - Tråante";"2024";"216 108"
        "1508 Ålesund";"2024";"ca. 68 000"
        "5001 Trondheim - Tråante";"2024";"216 108"
        "03 Oslo";"2024";".."
        "Oslo";"2024";"717 710"
        "301 Oslo";"2024";"717 710"
        "0301 Oslo - Oslove";"2024"
        "5001 Trondheim - Tråante";"2024";"216 108"
        """
        #expect(problems(utf8(text)) == [
            #"line 5: "9999 Atlantis" is not a unit of the map"#,
            "line 6: unit 5001 appears more than once for 2024: again on lines 8, 13",
            #"line 7: the population of "1508 Ålesund" for 2024, "ca. 68 000", is not a whole number"#,
            "line 8: unit 5001 appears more than once for 2024: first on line 6",
            #"line 9: "03 Oslo" has no value for 2024 ("..")"#,
            #"line 10: "Oslo" does not start with a unit code (4 digits for a kommune, 2 for a county)"#,
            #"line 11: "301 Oslo": 301 is not a unit code (4 digits for a kommune, 2 for a county)"#,
            "line 12: has 2 columns, the header (line 3) has 3; is a semicolon missing or one too many?",
            "line 13: unit 5001 appears more than once for 2024: first on line 6",
            "unit 50 of the map is not in the file for 2024",
        ])
    }

    @Test func aNumberThatIsNotAYearInTheYearColumn() {
        let text = "region;år;Personer\n0301;2024;717710\n5001;to tusen;216108\n1508;2024;68682\n03;2024;1\n50;2024;1\n"
        #expect(problems(utf8(text)) == [#"line 3: the year "to tusen" is not a year"#, "unit 5001 of the map is not in the file for 2024"])
    }

    @Test func missingUnitsAreNamedWithoutALine() {
        let text = "\"region\";\"Personer 2024\"\n\"0301 Oslo - Oslove\";717710\n\"03 Oslo\";717710\n"
        #expect(problems(utf8(text)) == [
            "unit 1508 of the map is not in the file for 2024",
            "unit 50 of the map is not in the file for 2024",
            "unit 5001 of the map is not in the file for 2024",
        ])
    }

    @Test func emptyFilesAndFilesWithoutAHeader() {
        #expect(problems([]) == ["the file is empty"])
        #expect(problems([0xEF, 0xBB, 0xBF] + utf8("\r\n\r\n")) == ["the file is empty"])
        let noHeader = "\"0301 Oslo - Oslove\";717710\n\"5001 Trondheim - Tråante\";216108\n"
        #expect(problems(utf8(noHeader)) == [
            #"the file has no header line: no line has a column named "region"; expected the CSV that statistikkbanken exports of table 07459 (separated by ; or ,)"#,
        ])
        #expect(problems(utf8("\"07459: Befolkning\"\n\"region\";\"år\";\"Personer\"\n\n")) == [
            "the file has no rows of population after the header (line 2)",
        ])
        #expect(problems(utf8("\"region\";\"Personer 2024\"\n\"0 Hele landet\";5550203\n")) == [
            "the file has no population of any unit of the map, only of the whole country",
        ])
        #expect(problems(utf8("\"region\";\"år\";\"Personer\"\n\"0301 Oslo;2024;717710\n")) == [
            #"line 2: a quote (") opens a field that is never closed"#,
        ])
    }

    @Test func headersThatCannotBeRead() {
        #expect(problems(utf8("region;kjønn;år;Personer\n0301;Menn;2024;1\n")) == [
            "line 1: the file is broken down by kjønn; export table 07459 with kjønn eliminated (totals only)",
        ])
        #expect(problems(utf8("region;Personer\n0301;1\n")) == [
            #"line 1: the column "Personer" has no year; expected a column "år" or the year in each population column's header ("Personer 2024")"#,
        ])
        #expect(problems(utf8("region;år;Menn;Kvinner\n0301;2024;1;1\n")) == [
            #"line 1: the header has a year column and more than one other column ("Menn", "Kvinner"); expected one column of population"#,
        ])
    }
}
