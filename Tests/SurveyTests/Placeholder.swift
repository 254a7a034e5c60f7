import Testing
@Test func placeholderSurveyTests() { #expect(1 + 1 == 2) }
