import BetaKommAPI
import CPowerLossVFS
import Foundation
import Storage
import Synchronization
import Testing

/// Power loss during concurrent submissions, simulated the way SQLite's crash tests do
/// (Tests/CPowerLossVFS): the real application serves a database opened through a VFS that keeps
/// every write since the last fsync in a pending layer; concurrent If-Match writers PUT and PATCH
/// over real sockets; at a random moment the power is cut (the pending layer dropped, torn or
/// partly applied in random order) and the disk frozen. The disk as it is then, reopened with the
/// ordinary VFS, must hold every acknowledged version with the answers the client sent, its
/// audit row, and pass `PRAGMA integrity_check`. A process kill would not prove this: the page
/// cache survives a kill (scripts/crash-test.sh covers that case).
@Suite("Power loss during concurrent submissions", .serialized)
struct PowerLossTests {
    static let vfsName = "betakomm-powerloss"

    /// Mode, seed, and the range of I/O calls the cut is drawn from. The last two reach past the
    /// first WAL checkpoint (about 1 000 pages in), so a cut can land while pages are copied into
    /// the database file.
    static let rounds: [(mode: Int32, seed: UInt64, calls: ClosedRange<UInt64>)] = [
        (Int32(PLVFS_DROP_ALL), 11, 200...3200), (Int32(PLVFS_TORN_PREFIX), 23, 200...3200),
        (Int32(PLVFS_RANDOM_SUBSET), 37, 200...3200), (Int32(PLVFS_TORN_PREFIX), 41, 200...3200),
        (Int32(PLVFS_RANDOM_SUBSET), 53, 200...3200), (Int32(PLVFS_DROP_ALL), 67, 200...3200),
        (Int32(PLVFS_TORN_PREFIX), 71, 4000...9000), (Int32(PLVFS_RANDOM_SUBSET), 83, 4000...9000),
    ]

    @Test("every acknowledged write survives a power cut at a random moment", arguments: 0..<rounds.count)
    func acknowledgedWritesSurvive(round: Int) throws {
        let (mode, seed, calls) = Self.rounds[round]
        var random = SplitMix(seed: seed)
        let cutAt = Int64(calls.lowerBound + random.next() % (calls.upperBound - calls.lowerBound + 1))
        let outcome = try PowerLossRun.execute(vfsName: Self.vfsName, mode: mode, seed: seed, cutAtIOCall: cutAt, ignoreSync: false)
        print("power-loss round \(round) mode \(Self.modeName(mode)) cut at I/O call \(cutAt): \(outcome.summary)")
        #expect(outcome.acknowledged > 0)
        #expect(outcome.found == outcome.acknowledged, "lost: \(outcome.lost.prefix(5))")
        #expect(outcome.unaudited == 0)
        #expect(outcome.integrity == "ok")
    }

    static let checkpointRounds: [(mode: Int32, seed: UInt64)] = [
        (Int32(PLVFS_DROP_ALL), 97), (Int32(PLVFS_TORN_PREFIX), 101), (Int32(PLVFS_RANDOM_SUBSET), 103),
    ]

    @Test("every acknowledged write survives a power cut in the middle of a checkpoint", arguments: 0..<checkpointRounds.count)
    func acknowledgedWritesSurviveACutInACheckpoint(round: Int) throws {
        let (mode, seed) = Self.checkpointRounds[round]
        var random = SplitMix(seed: seed)
        let nth = Int64(1 + random.next() % 40)
        let outcome = try PowerLossRun.execute(vfsName: Self.vfsName, mode: mode, seed: seed, cutAtIOCall: 0, cutAtDatabaseWrite: nth,
                                               timeLimit: 8, ignoreSync: false)
        print("power-loss checkpoint round \(round) mode \(Self.modeName(mode)) cut at database write \(nth): \(outcome.summary)")
        #expect(outcome.acknowledged > 0)
        #expect(outcome.found == outcome.acknowledged, "lost: \(outcome.lost.prefix(5))")
        #expect(outcome.unaudited == 0)
        #expect(outcome.integrity == "ok")
    }

    @Test("negative control: a disk that ignores fsync loses acknowledged writes, and the check sees it")
    func lyingDiskIsCaught() throws {
        let outcome = try PowerLossRun.execute(vfsName: Self.vfsName, mode: Int32(PLVFS_DROP_ALL), seed: 5, cutAtIOCall: 1500, ignoreSync: true)
        print("power-loss negative control (fsync ignored): \(outcome.summary)")
        #expect(outcome.acknowledged > 0)
        #expect(outcome.found < outcome.acknowledged)
    }

    static func modeName(_ mode: Int32) -> String {
        switch mode {
        case Int32(PLVFS_DROP_ALL): "drop-all"
        case Int32(PLVFS_TORN_PREFIX): "torn-prefix"
        default: "random-subset"
        }
    }
}

/// SplitMix64, for reproducible choices from a seed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
