import Testing
@Test func placeholderStorageTests() { #expect(1 + 1 == 2) }
