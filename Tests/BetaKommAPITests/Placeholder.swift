import Testing
@Test func placeholderBetaKommAPITests() { #expect(1 + 1 == 2) }
