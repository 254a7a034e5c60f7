import Testing
import Survey

/// The generated answers obey the questionnaire: an answer exactly when the base holds, with
/// known options of the right shape and numbers within bounds.
@Suite struct SkipLogicTests {
    @Test func everyQuestionAnsweredExactlyWithinItsBase() throws {
        let questionnaire = Questionnaire.report2011
        for set in BaselineFixture.answerSets {
            let ids = Set(questionnaire.questions.map(\.id))
            #expect(Set(set.answers.keys).isSubset(of: ids), "\(set.respondentCode) answers unknown questions")
            for question in questionnaire.questions {
                let asked = question.isAsked(given: set.answers)
                #expect((set.answers[question.id] != nil) == asked,
                        "\(set.respondentCode): \(question.id) \(asked ? "unanswered within" : "answered outside") its base")
            }
        }
    }

    @Test func answersHaveTheQuestionsShape() throws {
        for set in BaselineFixture.answerSets {
            for (id, value) in set.answers {
                let question = try Questionnaire.report2011.question(id)
                switch (question.type, value) {
                case let (.single, .choice(code)):
                    #expect(question.option(code) != nil, "\(id): unknown option \(code)")
                case let (.multiple, .choices(codes)):
                    #expect(!codes.isEmpty && Set(codes).count == codes.count)
                    #expect(codes.allSatisfy { question.option($0) != nil }, "\(id): unknown option in \(codes)")
                case let (.number, .number(number)), let (.scale, .number(number)):
                    #expect(number >= (question.minimum ?? .min) && number <= (question.maximum ?? .max), "\(id) out of bounds: \(number)")
                default:
                    Issue.record("\(set.respondentCode): \(id) has the wrong shape \(value)")
                }
            }
        }
    }

    @Test func logicalConsistencyBetweenAnswers() {
        for set in BaselineFixture.answerSets {
            let answers = set.answers
            if Condition.answer("has_official_facebook_page", "yes").isSatisfied(by: answers) {
                #expect(Condition.answer("channels", "facebook").isSatisfied(by: answers), "\(set.respondentCode): page without Facebook")
            }
            if let best = answers["best_channel"]?.selectedCodes.first, best != "dont_know" {
                #expect(answers["channels"]?.selectedCodes.contains(best) == true, "\(set.respondentCode): best channel not used")
            }
            if let main = answers["main_use"]?.selectedCodes.first {
                #expect(answers["uses"]?.selectedCodes.contains(main) == true, "\(set.respondentCode): main use not among uses")
            }
            if let main = answers["main_objective"]?.selectedCodes.first {
                #expect(answers["strategy_objectives"]?.selectedCodes.contains(main) == true)
            }
        }
    }

    @Test func baseConditionsRoundTripThroughCanonicalJSON() throws {
        for question in Questionnaire.report2011.questions {
            guard let base = question.base else { continue }
            let text = try CanonicalJSON.string(base)
            #expect(!text.contains(" ") && !text.contains("\n"))
            #expect(try CanonicalJSON.condition(from: text) == base)
        }
    }
}
