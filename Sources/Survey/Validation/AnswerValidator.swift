import Foundation

/// Checks a submitted answer document against the questionnaire and its skip logic, and turns
/// it into answers only when everything is right. Pure: no storage, no HTTP.
///
/// The document is `{"answers": {question id: value}}`. Every problem is reported at once, each
/// with a pointer, so a form can mark all fields in one round trip:
/// unknown members and questions, values of the wrong JSON type, unknown and duplicate options,
/// fractions and numbers out of range, answers to a question whose base excludes the respondent,
/// and missing answers to questions whose base includes it.
public struct AnswerValidator: Sendable {
    public let questionnaire: Questionnaire

    public init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
    }

    /// The answers of a valid document, or every problem found.
    public func validate(document: SubmittedValue) -> Result<[String: AnswerValue], ValidationErrors> {
        guard let members = document.objectMembers else {
            return .failure(ValidationErrors([ValidationProblem(.notAnObject, pointer: "",
                detail: "The document must be a JSON object with the member \"answers\", not \(document.typeName).")]))
        }
        var problems: [ValidationProblem] = []
        for name in members.keys.sorted() where name != "answers" {
            problems.append(ValidationProblem(.unknownMember, pointer: JSONPointer.make([name]),
                detail: "Unknown member \"\(name)\"; the document holds only \"answers\"."))
        }
        guard let answers = members["answers"] else {
            problems.append(ValidationProblem(.missingAnswer, pointer: "/answers",
                detail: "The member \"answers\" is missing; it holds the answers by question id."))
            return .failure(ValidationErrors(problems))
        }
        switch validate(answers: answers) {
        case let .success(valid) where problems.isEmpty: return .success(valid)
        case .success: return .failure(ValidationErrors(problems))
        case let .failure(errors): return .failure(ValidationErrors(problems + errors.problems))
        }
    }

    /// The answers of a valid `answers` object (question id -> value), or every problem found.
    public func validate(answers submitted: SubmittedValue) -> Result<[String: AnswerValue], ValidationErrors> {
        guard let members = submitted.objectMembers else {
            return .failure(ValidationErrors([ValidationProblem(.notAnObject, pointer: "/answers",
                detail: "\"answers\" must be an object of answers by question id, not \(submitted.typeName).")]))
        }
        var problems: [ValidationProblem] = []
        for id in members.keys.sorted() where (try? questionnaire.question(id)) == nil {
            problems.append(ValidationProblem(.unknownQuestion, pointer: JSONPointer.answer(id),
                detail: "There is no question \"\(id)\" in the questionnaire (see /v1/questions)."))
        }
        // Questions in order: a base refers only to earlier questions, so by the time a question
        // is reached the answers its base depends on are decided.
        var valid: [String: AnswerValue] = [:]
        var undecided: Set<String> = []
        for question in questionnaire.questions {
            let value = members[question.id]
            var typed: AnswerValue?
            if let value {
                let (answer, found) = check(value, for: question)
                problems += found
                typed = answer
                if answer == nil { undecided.insert(question.id) }
            }
            // When an answer the base depends on is itself wrong, whether the question is asked
            // cannot be known; say nothing about it rather than a misleading second problem.
            if let base = question.base, base.referencedQuestions.contains(where: undecided.contains) {
                undecided.insert(question.id)
                continue
            }
            let asked = question.isAsked(given: valid)
            if asked, value == nil {
                problems.append(ValidationProblem(.missingAnswer, pointer: JSONPointer.answer(question.id),
                    detail: "Question \"\(question.id)\" (\(question.labelEn)) must be answered\(baseClause(question))."))
            } else if !asked, value != nil {
                problems.append(ValidationProblem(.outsideBase, pointer: JSONPointer.answer(question.id),
                    detail: "Question \"\(question.id)\" is asked only when \(describe(question.base)); leave it out for these answers."))
                undecided.insert(question.id)
            } else if let typed {
                valid[question.id] = typed
            }
        }
        return problems.isEmpty ? .success(valid) : .failure(ValidationErrors(problems))
    }

    /// The typed answer, or the problems with `value` as an answer to `question`.
    private func check(_ value: SubmittedValue, for question: Question) -> (AnswerValue?, [ValidationProblem]) {
        let pointer = JSONPointer.answer(question.id)
        switch question.type {
        case .single:
            guard case let .string(code) = value else {
                return (nil, [ValidationProblem(.wrongType, pointer: pointer,
                    detail: "Question \"\(question.id)\" takes one option code as a string, not \(value.typeName); options: \(optionList(question)).")])
            }
            guard question.option(code) != nil else {
                return (nil, [unknownOption(code, question: question, pointer: pointer)])
            }
            return (.choice(code), [])
        case .multiple:
            guard case let .array(elements) = value else {
                return (nil, [ValidationProblem(.wrongType, pointer: pointer,
                    detail: "Question \"\(question.id)\" takes an array of option codes, not \(value.typeName); options: \(optionList(question)).")])
            }
            guard !elements.isEmpty else {
                return (nil, [ValidationProblem(.noOptionChosen, pointer: pointer,
                    detail: "Question \"\(question.id)\" needs at least one option; options: \(optionList(question)).")])
            }
            var problems: [ValidationProblem] = []
            var codes: [String] = []
            for (index, element) in elements.enumerated() {
                let elementPointer = JSONPointer.answer(question.id, index: index)
                guard case let .string(code) = element else {
                    problems.append(ValidationProblem(.wrongType, pointer: elementPointer,
                        detail: "Each answer to \"\(question.id)\" is an option code as a string, not \(element.typeName)."))
                    continue
                }
                if question.option(code) == nil {
                    problems.append(unknownOption(code, question: question, pointer: elementPointer))
                } else if codes.contains(code) {
                    problems.append(ValidationProblem(.duplicateOption, pointer: elementPointer,
                        detail: "Option \"\(code)\" is chosen twice in \"\(question.id)\"; choose each option once."))
                } else {
                    codes.append(code)
                }
            }
            // Stored in questionnaire order, so equal choices give byte-equal canonical JSON.
            let ordered = question.options.map(\.code).filter(codes.contains)
            return problems.isEmpty ? (.choices(ordered), []) : (nil, problems)
        case .number, .scale:
            let number: Int
            switch value {
            case let .integer(whole): number = whole
            case let .decimal(fraction) where fraction == fraction.rounded() && abs(fraction) < 1e15: number = Int(fraction)
            case .decimal:
                return (nil, [ValidationProblem(.notWholeNumber, pointer: pointer,
                    detail: "Question \"\(question.id)\" takes a whole number\(rangeClause(question)).")])
            default:
                return (nil, [ValidationProblem(.wrongType, pointer: pointer,
                    detail: "Question \"\(question.id)\" takes a number\(rangeClause(question)), not \(value.typeName).")])
            }
            if let minimum = question.minimum, number < minimum {
                return (nil, [outOfRange(number, question: question, pointer: pointer)])
            }
            if let maximum = question.maximum, number > maximum {
                return (nil, [outOfRange(number, question: question, pointer: pointer)])
            }
            return (.number(number), [])
        case .text:
            // Free text is stored as a string, as a single choice is; only the questionnaire tells them apart.
            guard case let .string(text) = value else {
                return (nil, [ValidationProblem(.wrongType, pointer: pointer,
                    detail: "Question \"\(question.id)\" takes text, not \(value.typeName).")])
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else {
                return (nil, [ValidationProblem(.missingAnswer, pointer: pointer,
                    detail: "Question \"\(question.id)\" needs some text, or leave it out where it is not asked.")])
            }
            if let maximum = question.maximum, trimmed.count > maximum {
                return (nil, [ValidationProblem(.tooLong, pointer: pointer,
                    detail: "The answer to \"\(question.id)\" is \(trimmed.count) characters; it takes at most \(maximum).")])
            }
            return (.choice(trimmed), [])
        }
    }

    private func unknownOption(_ code: String, question: Question, pointer: String) -> ValidationProblem {
        ValidationProblem(.unknownOption, pointer: pointer,
            detail: "\"\(code)\" is not an option of \"\(question.id)\"; options: \(optionList(question)).")
    }

    private func outOfRange(_ number: Int, question: Question, pointer: String) -> ValidationProblem {
        let scale = question.type == .scale ? " on the 0–100 importance scale" : ""
        return ValidationProblem(.outOfRange, pointer: pointer,
            detail: "\(number) is out of range for \"\(question.id)\"\(scale): it takes a whole number\(rangeClause(question)).")
    }

    private func optionList(_ question: Question) -> String {
        question.options.map(\.code).joined(separator: ", ")
    }

    private func rangeClause(_ question: Question) -> String {
        switch (question.minimum, question.maximum) {
        case let (minimum?, maximum?): " from \(minimum) to \(maximum)"
        case let (minimum?, nil): " of at least \(minimum)"
        case let (nil, maximum?): " of at most \(maximum)"
        case (nil, nil): ""
        }
    }

    private func baseClause(_ question: Question) -> String {
        question.base.map { " when \(describe($0))" } ?? ""
    }

    /// The skip-logic condition in words: `"uses_social_media" is yes`.
    func describe(_ condition: Condition?) -> String {
        guard let condition else { return "always" }
        switch condition {
        case let .answer(question, options):
            return "\"\(question)\" is \(options.joined(separator: " or "))"
        case let .all(conditions):
            return conditions.map { describe($0) }.joined(separator: " and ")
        case let .any(conditions):
            return "(" + conditions.map { describe($0) }.joined(separator: " or ") + ")"
        case let .not(inner):
            return "not (\(describe(inner)))"
        }
    }
}
