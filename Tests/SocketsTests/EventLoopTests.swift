import Foundation
import Sockets
import Synchronization
import Testing

@Suite("The epoll event loop")
struct EventLoopTests {
    /// Counts readiness and drains what it reads, on the loop's thread.
    final class Reader: EventLoopHandler, @unchecked Sendable {
        let fd: Int32
        let received = Mutex<[UInt8]>([])
        let arrived = DispatchSemaphore(value: 0)

        init(fd: Int32) { self.fd = fd }

        func handle(_ events: IOEvents) {
            guard events.contains(.readable), let (outcome, bytes) = try? SocketPair.read(fd), case .bytes = outcome else { return }
            received.withLock { $0 += bytes }
            arrived.signal()
        }
    }

    @Test func aRegisteredDescriptorIsReportedReadableOnTheLoopThread() throws {
        let loop = try EventLoop(name: "test-loop", tickInterval: 0.01)
        let pair = try SocketPair()
        let reader = Reader(fd: pair.right)
        loop.start()
        defer {
            loop.stop()
            loop.waitUntilStopped()
        }
        let registered = DispatchSemaphore(value: 0)
        loop.execute {
            try? loop.register(pair.right, events: .readable, handler: reader)
            registered.signal()
        }
        #expect(registered.wait(timeout: .now() + 5) == .success)
        _ = try Socket.send(pair.left, ArraySlice(Array("ping".utf8)))
        #expect(reader.arrived.wait(timeout: .now() + 5) == .success)
        #expect(reader.received.withLock { $0 } == Array("ping".utf8))
        loop.execute { loop.deregister(pair.right) }
    }

    @Test func tasksFromOtherThreadsRunInOrderAndTicksCome() throws {
        let loop = try EventLoop(name: "test-ticks", tickInterval: 0.01)
        let ticks = Atomic<Int>(0)
        loop.onTick = { _ in ticks.add(1, ordering: .relaxed) }
        let order = Mutex<[Int]>([])
        let done = DispatchSemaphore(value: 0)
        loop.start()
        defer {
            loop.stop()
            loop.waitUntilStopped()
        }
        for index in 0..<100 { loop.execute { order.withLock { $0.append(index) } } }
        loop.execute { done.signal() }
        #expect(done.wait(timeout: .now() + 5) == .success)
        #expect(order.withLock { $0 } == Array(0..<100))
        for _ in 0..<200 where ticks.load(ordering: .relaxed) < 2 { usleep(10_000) }
        #expect(ticks.load(ordering: .relaxed) >= 2)
    }
}
