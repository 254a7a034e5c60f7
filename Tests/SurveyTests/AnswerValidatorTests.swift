import Testing
@testable import Survey

@Suite struct AnswerValidatorTests {
    let validator = AnswerValidator(questionnaire: .report2011)

    /// A respondent that does not use social media, as in the 2011 data of 0540.
    static let nonUser: [String: SubmittedValue] = [
        "has_guidelines": .string("no"), "has_official_facebook_page": .string("no"), "has_strategy": .string("no"),
        "plans_official_page": .string("no"), "plans_social_media_2011": .string("no"), "politicians_trained": .string("no"),
        "reasons_not_using": .array([.string("other")]), "staff_trained": .string("no"), "strategy_plans": .string("dont_know"),
        "uses_social_media": .string("no"),
    ]

    /// Trondheim's 2011 answers (a social-media user with a Facebook page), as submitted JSON.
    static var trondheim: [String: SubmittedValue] {
        let set = BaselineFixture.answerSets.first { $0.respondentCode == "1601" }
        return (set?.answers ?? [:]).mapValues(SubmittedValue.init)
    }

    func problems(_ answers: [String: SubmittedValue]) -> [ValidationProblem] {
        switch validator.validate(document: .object(["answers": .object(answers)])) {
        case .success: return []
        case let .failure(errors): return errors.problems
        }
    }

    @Test func everyBaselineAnswerSetIsValid() {
        for set in BaselineFixture.answerSets {
            let result = validator.validate(answers: .object(set.answers.mapValues(SubmittedValue.init)))
            guard case let .success(answers) = result else {
                Issue.record("\(set.respondentCode): \(result)")
                continue
            }
            #expect(answers == set.answers)
        }
    }

    @Test func unknownQuestionAndMember() {
        let result = validator.validate(document: .object(["answers": .object(Self.nonUser.merging(["colour": .string("red")]) { $1 }),
                                                           "extra": .bool(true)]))
        guard case let .failure(errors) = result else { Issue.record("accepted"); return }
        #expect(errors.problems.map(\.pointer) == ["/extra", "/answers/colour"])
        #expect(errors.problems.map(\.kind) == [.unknownMember, .unknownQuestion])
    }

    @Test func unknownOptionAndWrongTypes() {
        var answers = Self.nonUser
        answers["has_strategy"] = .string("perhaps")
        answers["staff_trained"] = .array([.string("no")])
        answers["reasons_not_using"] = .string("other")
        answers["politicians_trained"] = .integer(1)
        let found = problems(answers)
        #expect(found.contains(ValidationProblem(.unknownOption, pointer: "/answers/has_strategy",
            detail: "\"perhaps\" is not an option of \"has_strategy\"; options: yes, no.")))
        #expect(found.filter { $0.kind == .wrongType }.map(\.pointer).sorted()
                == ["/answers/politicians_trained", "/answers/reasons_not_using", "/answers/staff_trained"])
    }

    @Test func multipleChoiceElementsArePointedAtByIndex() {
        var answers = Self.nonUser
        answers["reasons_not_using"] = .array([.string("privacy"), .string("privacy"), .string("boredom"), .integer(3)])
        let found = problems(answers)
        #expect(found.map(\.pointer) == ["/answers/reasons_not_using/1", "/answers/reasons_not_using/2", "/answers/reasons_not_using/3"])
        #expect(found.map(\.kind) == [.duplicateOption, .unknownOption, .wrongType])
        answers["reasons_not_using"] = .array([])
        #expect(problems(answers).map(\.kind) == [.noOptionChosen])
    }

    @Test func numbersMustBeWholeAndInRange() {
        var answers = Self.trondheim
        #expect(problems(answers).isEmpty)
        answers["facebook_fans"] = .decimal(12.5)
        answers["importance_strategy"] = .integer(101)
        answers["importance_competence"] = .integer(-1)
        answers["importance_marketing"] = .string("80")
        let found = problems(answers)
        #expect(found.first { $0.pointer == "/answers/facebook_fans" }?.kind == .notWholeNumber)
        #expect(found.first { $0.pointer == "/answers/importance_strategy" }?.kind == .outOfRange)
        #expect(found.first { $0.pointer == "/answers/importance_competence" }?.kind == .outOfRange)
        #expect(found.first { $0.pointer == "/answers/importance_marketing" }?.kind == .wrongType)
        #expect(found.count == 4)
        answers = Self.trondheim
        answers["facebook_fans"] = .decimal(340.0)
        guard case let .success(valid) = validator.validate(answers: .object(answers)) else { Issue.record("refused 340.0"); return }
        #expect(valid["facebook_fans"] == .number(340))
    }

    @Test func answersOutsideTheBaseAndMissingAnswersWithinIt() {
        var answers = Self.nonUser
        // A non-user is not asked about channels; a question its base includes must be answered.
        answers["channels"] = .array([.string("facebook")])
        answers["staff_trained"] = nil
        let found = problems(answers)
        #expect(Set(found.map(\.pointer)) == ["/answers/staff_trained", "/answers/channels"])
        #expect(Set(found.map(\.kind)) == [.outsideBase, .missingAnswer])
        #expect(found.first { $0.kind == .outsideBase }?.detail.contains("\"uses_social_media\" is yes") == true)
    }

    @Test func switchingToUserRequiresTheUserQuestionsAndDropsTheOthers() {
        var answers = Self.nonUser
        answers["uses_social_media"] = .string("yes")
        let found = problems(answers)
        // plans_social_media_2011 and reasons_not_using are now outside the base; enthusiasts etc. missing.
        #expect(found.contains { $0.pointer == "/answers/plans_social_media_2011" && $0.kind == .outsideBase })
        #expect(found.contains { $0.pointer == "/answers/reasons_not_using" && $0.kind == .outsideBase })
        #expect(found.contains { $0.pointer == "/answers/channels" && $0.kind == .missingAnswer })
    }

    @Test func aWrongAnswerSilencesTheQuestionsThatDependOnIt() {
        var answers = Self.nonUser
        answers["uses_social_media"] = .string("sometimes")
        #expect(problems(answers).map(\.pointer) == ["/answers/uses_social_media"])
    }

    @Test func multipleChoicesAreStoredInQuestionnaireOrder() throws {
        var answers = Self.nonUser
        answers["reasons_not_using"] = .array([.string("other"), .string("privacy")])
        guard case let .success(valid) = validator.validate(answers: .object(answers)) else { Issue.record("refused"); return }
        #expect(valid["reasons_not_using"] == .choices(["privacy", "other"]))
    }

    @Test func documentMustBeAnObjectWithAnswers() {
        guard case let .failure(errors) = validator.validate(document: .array([])) else { Issue.record("accepted"); return }
        #expect(errors.problems.map(\.pointer) == [""])
        guard case let .failure(missing) = validator.validate(document: .object([:])) else { Issue.record("accepted"); return }
        #expect(missing.problems.map(\.pointer) == ["/answers"])
    }
}
