import Foundation
import Survey
import SurveyCalibration

/// The generated 2011 baseline in memory, built once for all tests.
enum BaselineFixture {
    static let respondents: [Respondent] = {
        do { return try MunicipalityCSV.respondents(dataDirectory: RepositoryFiles.data) } catch { fatalError("\(error)") }
    }()

    static let answerSets: [AnswerSet] = {
        do { return try Baseline2011.generate(respondents: respondents) } catch { fatalError("\(error)") }
    }()

    static let dataset = SurveyDataset(questionnaire: .report2011, respondents: respondents, answerSets: answerSets)
}
