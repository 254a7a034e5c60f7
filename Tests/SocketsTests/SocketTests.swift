import Foundation
import Sockets
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Non-blocking reads and writes, errors with errno")
struct SocketTests {
    @Test func readsWhatWasSentThenWouldBlockThenEndOfStream() throws {
        let pair = try SocketPair()
        #expect(try Socket.send(pair.left, ArraySlice(Array("hello".utf8))) == 5)
        let (outcome, bytes) = try SocketPair.read(pair.right)
        #expect(outcome == .bytes(5))
        #expect(bytes == Array("hello".utf8))
        #expect(try SocketPair.read(pair.right).0 == .wouldBlock)
        Socket.shutdownWrite(pair.left)
        #expect(try SocketPair.read(pair.right).0 == .endOfStream)
    }

    @Test func headAndBodyGoOutInOneGatherWrite() throws {
        let pair = try SocketPair()
        let head = Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n".utf8)
        let sent = try Socket.send(pair.left, head[...], Array("ok".utf8))
        #expect(sent == head.count + 2)
        #expect(try SocketPair.read(pair.right).1 == head + Array("ok".utf8))
    }

    @Test func aFullSocketSendsPartiallyRatherThanBlocking() throws {
        let pair = try SocketPair()
        let big = [UInt8](repeating: 7, count: 8 << 20)
        let sent = try Socket.send(pair.left, big[...])
        #expect(sent > 0 && sent < big.count, "a non-blocking send takes what fits and returns")
        #expect(try Socket.send(pair.left, big[...]) == 0, "nothing fits until the peer reads")
    }

    @Test func errorsNameTheCallAndTheErrno() throws {
        let error = SocketError(call: "bind", errno: EADDRINUSE)
        #expect(error.description.hasPrefix("bind failed: "))
        #expect(error.description.hasSuffix("(errno \(EADDRINUSE))"))
        #expect(throws: SocketError.self) { try Socket.setNoDelay(-1) }
    }

    @Test func monotonicTimeMovesForwardInNanoseconds() {
        let before = MonotonicTime.now()
        usleep(1000)
        #expect(MonotonicTime.now() > before)
        #expect(MonotonicTime.nanoseconds(1.5) == 1_500_000_000)
    }
}
