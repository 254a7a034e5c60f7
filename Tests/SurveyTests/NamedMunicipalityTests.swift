import Testing
import Survey
import SurveyCalibration

/// What the report says about named municipalities holds in the 2011 data.
@Suite struct NamedMunicipalityTests {
    func answers(_ code: String) throws -> [String: AnswerValue] {
        let set = try #require(BaselineFixture.answerSets.first { $0.respondentCode == code }, "\(code) did not answer")
        return set.answers
    }

    func name(_ code: String) throws -> String {
        try BaselineFixture.dataset.respondent(code).name
    }

    @Test func theElevenInterviewedAnsweredAndUseSocialMedia() throws {
        #expect(NamedMunicipalities.interviewed.count == 11)
        let names = try NamedMunicipalities.interviewed.map(name)
        #expect(names == ["Trondheim", "Oslo", "Stavanger", "Tromsø", "Kongsvinger", "Porsgrunn", "Moss", "Utsira", "Vågå",
                          "Herøy (Møre og Romsdal)", "Råde"])
        for code in NamedMunicipalities.interviewed {
            #expect(Condition.answer("uses_social_media", "yes").isSatisfied(by: try answers(code)), "\(code)")
        }
    }

    @Test func tenOfTheElevenHaveAnOfficialPage() throws {
        let withPage = try NamedMunicipalities.interviewed.filter {
            Condition.answer("has_official_facebook_page", "yes").isSatisfied(by: try answers($0))
        }
        #expect(withPage.count == 10)
        #expect(!withPage.contains("0301"))
    }

    @Test func trondheimPorsgrunnDrammenAndUtsira() throws {
        let trondheim = try answers("1601")
        #expect(trondheim["has_strategy"] == .choice("yes"))
        #expect(trondheim["has_guidelines"] == .choice("yes"))
        #expect(trondheim["facebook_pages"] == .choice("four_or_more"))
        #expect(trondheim["facebook_fans"] == .number(919))
        let porsgrunn = try answers("0805")
        #expect(porsgrunn["facebook_pages"] == .choice("four_or_more"))
        #expect(porsgrunn["facebook_fans"] == .number(1150))
        #expect(try answers("0602")["facebook_fans"] == .number(1795))
        let utsira = try BaselineFixture.dataset.respondent("1151")
        #expect(utsira.sizeClass == .small)
        #expect(try answers("1151")["has_official_facebook_page"] == .choice("yes"))
    }

    @Test func otherNamedUseFacebookAndTheBloggersBlog() throws {
        for code in NamedMunicipalities.users {
            #expect(Condition.answer("channels", "facebook").isSatisfied(by: try answers(code)), "\(code) not on Facebook")
        }
        for code in ["0514", "0533", "0906", "0513", "1638", "1032"] {
            #expect(try answers(code)["uses_social_media"] == .choice("yes"))
        }
        for code in ["0402", "0301", "1601", "0219"] {
            let unitName = try name(code)
            #expect(Condition.answer("channels", "blogs").isSatisfied(by: try answers(code)), "\(unitName) has no blog")
        }
        #expect(Condition.answer("channels", "youtube").isSatisfied(by: try answers("0906")))
        for code in NamedMunicipalities.marketedPresence {
            #expect(Condition.answer("facebook_marketing", "very_large", "fairly_large").isSatisfied(by: try answers(code)))
        }
    }
}
