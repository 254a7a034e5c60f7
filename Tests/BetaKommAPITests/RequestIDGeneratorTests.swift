import Testing
@testable import BetaKommAPI

@Suite struct RequestIDGeneratorTests {
    @Test func idsAreSixteenHexDigitsAndNeverRepeat() {
        let generator = RequestIDGenerator(offset: 0xFFFF_FFFF_FFFF_FFF0)  // wraps around mid-way
        let ids = (0..<20_000).map { _ in generator.next() }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.wholeMatch(of: /[0-9a-f]{16}/) != nil })
    }

    @Test func hexKeepsLeadingZeros() {
        #expect(RequestIDGenerator.hex(0) == "0000000000000000")
        #expect(RequestIDGenerator.hex(0xABC) == "0000000000000abc")
        #expect(RequestIDGenerator.hex(.max) == "ffffffffffffffff")
    }

    @Test func consecutiveIdsShareNoObviousPrefix() {
        let generator = RequestIDGenerator(offset: 41)
        let first = generator.next(), second = generator.next()
        // The mixing spreads a counter step over the whole id, not just its last digit.
        #expect(zip(first, second).filter { $0 != $1 }.count > 8)
    }
}
