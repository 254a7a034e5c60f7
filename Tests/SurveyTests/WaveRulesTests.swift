import Foundation
import Testing
import Survey
import SurveyData

/// Where a write may go (WaveTarget), how a wave moves (draft → open → closed), and what a
/// questionnaire file must declare.
@Suite struct WaveRulesTests {
    @Test func a2011CodeOnTodaysWaveNamesItsSuccessor() throws {
        let database = try MigratedDatabase()
        _ = try WaveAdministration.create(database.pool, .init(id: 2026, titleNb: "2026", titleEn: "2026", map: 2024, questionnaire: .stored("2011"),
                                                                opensOn: "2026-01-15", closesOn: "2026-03-31"), at: "2026-01-01T00:00:00Z")
        let draft = try database.pool.read { try WaveRepository.find($0, id: 2026) }
        #expect(draft?.status == .draft)
        #expect(throws: WaveError.notOpen(try #require(draft))) {
            try database.pool.read { try WaveTarget.resolve($0, code: "5001", requested: 2026, tokenWave: nil, mustBeOpen: true) }
        }
        _ = try WaveAdministration.setStatus(database.pool, wave: 2026, to: .open)
        do {
            _ = try database.pool.read { try WaveTarget.resolve($0, code: "1601", requested: nil, tokenWave: nil, mustBeOpen: true) }
            Issue.record("1601 is not a unit of the 2024 map")
        } catch let error as WaveError {
            #expect(error.description == "1601 is Trondheim on an earlier map; on the 2024 map this wave asks it is 5001 (Trondheim - Tråante).")
        }
        // Snillfjord was divided: all three successors are named.
        do {
            _ = try database.pool.read { try WaveTarget.resolve($0, code: "1613", requested: 2026, tokenWave: nil, mustBeOpen: true) }
            Issue.record("1613 is not a unit of the 2024 map")
        } catch let error as WaveError {
            #expect(error.description.contains("5055 (Heim) and 5056 (Hitra) and 5059 (Orkland)"))
        }
        let wave = try database.pool.read { try WaveTarget.resolve($0, code: "5001", requested: nil, tokenWave: nil, mustBeOpen: true) }
        #expect(wave.id == 2026)
        #expect(throws: WaveError.tokenForOtherWave(tokenWave: 2026, requested: 2011)) {
            try database.pool.read { try WaveTarget.resolve($0, code: "5001", requested: 2011, tokenWave: 2026, mustBeOpen: true) }
        }
        // Staff may correct the closed 2011 wave; a unit may not.
        #expect(try database.pool.read { try WaveTarget.resolve($0, code: "1601", requested: 2011, tokenWave: nil, mustBeOpen: false) }.id == 2011)
        _ = try WaveAdministration.setStatus(database.pool, wave: 2026, to: .closed)
        #expect(throws: WaveError.invalidTransition(wave: 2026, from: .closed, to: .open)) {
            try WaveAdministration.setStatus(database.pool, wave: 2026, to: .open)
        }
        #expect(throws: WaveError.noWaveOpen) {
            try database.pool.read { try WaveTarget.resolve($0, code: "5001", requested: nil, tokenWave: nil, mustBeOpen: true) }
        }
    }

    @Test func badWavesAreRefusedWithReasons() throws {
        let database = try MigratedDatabase()
        func create(_ id: Int, map: Int = 2024, questionnaire: WaveAdministration.QuestionnaireChoice = .stored("2011"),
                    opens: String? = nil, closes: String? = nil) throws {
            _ = try WaveAdministration.create(database.pool, .init(id: id, titleNb: "x", titleEn: "x", map: map, questionnaire: questionnaire,
                                                                    opensOn: opens, closesOn: closes), at: "2026-01-01T00:00:00Z")
        }
        #expect(throws: WaveError.exists(2011)) { try create(2011) }
        #expect(throws: WaveError.unknownMap(2030)) { try create(2030, map: 2030) }
        #expect(throws: WaveAdministrationError.unknownQuestionnaire("2019")) { try create(2030, questionnaire: .stored("2019")) }
        #expect(throws: WaveAdministrationError.invalidDate("2026-02-30")) { try create(2030, opens: "2026-02-30") }
        #expect(throws: WaveAdministrationError.closesBeforeOpening(opens: "2026-03-01", closes: "2026-02-01")) {
            try create(2030, opens: "2026-03-01", closes: "2026-02-01")
        }
        #expect(try database.pool.read { try WaveRepository.all($0) }.map(\.id) == [2011])
    }

    @Test func aQuestionnaireFileDeclaresComparableCounterparts() throws {
        let file = """
            {"id": "t", "title_nb": "T", "title_en": "T", "note": null, "questions": [
              {"id": "uses", "type": "single", "section": "use", "text_nb": "Bruker?", "label_en": "Uses?", "base": null,
               "minimum": null, "maximum": null, "counterpart_2011": "uses_social_media",
               "options": [{"code": "yes", "label_nb": "Ja", "label_en": "Yes", "counterpart_2011": "yes"},
                           {"code": "maybe", "label_nb": "Kanskje", "label_en": "Maybe", "counterpart_2011": "perhaps"}]},
              {"id": "fans", "type": "single", "section": "facebook", "text_nb": "Fans?", "label_en": "Fans?", "base": null,
               "minimum": null, "maximum": null, "counterpart_2011": "facebook_fans", "options": []},
              {"id": "why", "type": "text", "section": "use", "text_nb": "Hvorfor?", "label_en": "Why?",
               "base": {"question": "uses", "in": ["maybe"]}, "minimum": null, "maximum": 200, "counterpart_2011": null, "options": []}
            ]}
            """
        let decoded = try QuestionnaireFile.decode(Data(file.utf8))
        do {
            _ = try decoded.questionnaire(checkedAgainst: .report2011)
            Issue.record("the file has two bad counterparts")
        } catch let error as QuestionnaireFileError {
            #expect(error.problems == [
                "question uses, option maybe: uses_social_media has no option perhaps",
                "question fans (single) cannot be compared with facebook_fans (number)",
            ])
        }
        #expect(throws: QuestionnaireFileError.self) { try QuestionnaireFile.decode(Data("{\"id\": 1}".utf8)) }
    }

    @Test func freeTextIsValidatedAndBounded() throws {
        let questionnaire = try Questionnaire(id: "t", questions: [
            Question(id: "other", type: .text, section: "use", textNb: "Annet", labelEn: "Other", maximum: 6),
        ])
        let validator = AnswerValidator(questionnaire: questionnaire)
        #expect(try validator.validate(answers: .object(["other": .string(" TikTok ")])).get() == ["other": .choice("TikTok")])
        guard case let .failure(errors) = validator.validate(answers: .object(["other": .string("Snapchat")])) else {
            Issue.record("8 characters exceed 6"); return
        }
        #expect(errors.problems.map(\.kind) == [.tooLong])
        guard case let .failure(wrong) = validator.validate(answers: .object(["other": .integer(5)])) else {
            Issue.record("a number is not text"); return
        }
        #expect(wrong.problems.map(\.pointer) == ["/answers/other"])
    }
}

/// The 2026 questionnaire in the repository loads, and its counterparts are the declared ones.
@Suite struct Questionnaire2026Tests {
    @Test func theFileLoadsAndDeclaresItsCounterparts() throws {
        let file = try QuestionnaireFile.decode(try Data(contentsOf: RepositoryFiles.data.appendingPathComponent("questionnaire-2026.json")))
        let questionnaire = try file.questionnaire(checkedAgainst: .report2011)
        #expect(questionnaire.id == "2026")
        let compared = questionnaire.questions.filter { $0.counterpart != nil }
        #expect(compared.count >= 40)
        // Each 2011 question is compared with at most one 2026 question.
        #expect(Set(compared.compactMap(\.counterpart)).count == compared.count)
        let channels = try questionnaire.question("channels")
        #expect(channels.counterpart == "channels")
        #expect(channels.option("twitter")?.counterpart == "twitter")
        for code in ["instagram", "tiktok", "snapchat"] {
            #expect(channels.option(code) != nil && channels.option(code)?.counterpart == nil, "\(code)")
        }
        // No question text is bound to a year.
        #expect(!questionnaire.questions.contains { $0.textNb.contains("2011") })
        // Every figure of the report has its questions in 2026, except those asked as free text now.
        let missing = Figure.report2011.flatMap(\.questionIDs).filter { questionnaire.question(counterpartOf: $0) == nil }
        #expect(Set(missing).isSubset(of: ["positive_experiences", "negative_experiences"]))
    }
}
