import Testing
import Survey
@testable import SurveyCalibration

@Suite struct GeneratorSmokeTests {
    @Test func generatesThe274Respondents() throws {
        #expect(BaselineFixture.respondents.count == 449)
        #expect(BaselineFixture.answerSets.count == 274)
        let d = try BaselineFixture.dataset.distribution(of: "uses_social_media")
        #expect(d.group("all")?.option("yes")?.count == 159)
    }
}
