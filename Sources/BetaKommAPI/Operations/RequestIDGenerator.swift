import Synchronization

/// Request ids for ``RequestIDMiddleware``: 16 lowercase hex digits, distinct for every request
/// of the process and, with overwhelming probability, from the ids of other processes.
///
/// Ids need uniqueness, not secrecy (they name a request in logs; nothing is authorised by one),
/// so the CSPRNG is asked once per process for a 64-bit offset rather than once per request
/// (`getrandom(2)` each time). Request *n* gets `mix(offset + n)`, where `mix` is the SplitMix64
/// finalizer: a bijection on 64-bit values, so distinct counters give distinct ids, and its
/// output looks random enough that consecutive ids share no visible prefix.
final class RequestIDGenerator: Sendable {
    static let shared = RequestIDGenerator(offset: UInt64.random(in: .min ... .max))

    private let offset: UInt64
    private let counter = Atomic<UInt64>(0)

    init(offset: UInt64) {
        self.offset = offset
    }

    /// The next id.
    func next() -> String {
        let sequence = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        return Self.hex(Self.mix(offset &+ sequence))
    }

    /// SplitMix64's output function (Steele, Lea, Flood 2014): invertible, well mixed.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `value` as exactly 16 lowercase hex digits, written straight into the string's storage.
    static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            let digits: StaticString = "0123456789abcdef"
            for index in 0..<16 {
                let nibble = Int((value >> UInt64(60 - 4 * index)) & 0xF)
                buffer[index] = digits.utf8Start[nibble]
            }
            return 16
        }
    }
}
