import CEpoll
import Foundation
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One thread running an epoll loop (level-triggered) over the descriptors registered on it.
///
/// Everything registered is touched only on the loop's thread; other threads hand work over with
/// ``execute(_:)``, which queues a closure and wakes the loop through an eventfd. The loop also
/// calls ``onTick`` every ``tickInterval`` so owners can check deadlines without a timer each.
public final class EventLoop: @unchecked Sendable {
    /// A closure queued for the loop's thread.
    public typealias Task = @Sendable () -> Void

    /// A name for the thread, for debuggers and logs.
    public let name: String
    /// How often ``onTick`` runs, in nanoseconds.
    public let tickInterval: UInt64
    /// Called on the loop's thread about every ``tickInterval``, with the current monotonic time.
    /// Set it before ``start()``.
    public var onTick: ((UInt64) -> Void)?

    private let logger: Logger
    private let epollFD: Int32
    private let wakeFD: Int32
    private var handlers: [EventLoopHandler?] = []
    /// Tasks queued by ``execute(_:)``, guarded by `pendingLock`. An `NSLock` (a pthread mutex)
    /// rather than `Synchronization.Mutex`: ThreadSanitizer does not see the happens-before of a
    /// contended `Mutex` on Linux and reports the guarded array as a race (reproduced with a
    /// 15-line program), which would hide real races in `swift test --sanitize=thread`.
    private var pending: [Task] = []
    private let pendingLock = NSLock()
    private let wakePending = Atomic<Bool>(false)
    private let running = Atomic<Bool>(true)
    private let finished = DispatchSemaphore(value: 0)
    private var thread: Thread?
    /// The monotonic time when the current batch of events began; cheap "now" for handlers.
    public private(set) var now: UInt64 = MonotonicTime.now()

    /// Creates the epoll instance and its wake-up eventfd.
    /// - Parameter logger: where the loop reports a failure that stops it.
    public init(name: String, tickInterval seconds: Double = 1, logger: Logger = Logger(label: "Sockets")) throws(SocketError) {
        self.name = name
        self.logger = logger
        self.tickInterval = max(MonotonicTime.nanoseconds(seconds), 1_000_000)
        let epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epollFD >= 0 else { throw .current("epoll_create1") }
        let wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard wakeFD >= 0 else {
            Socket.close(epollFD)
            throw .current("eventfd")
        }
        guard cepoll_ctl(epollFD, EPOLL_CTL_ADD, wakeFD, CEPOLL_IN) == 0 else {
            let error = SocketError.current("epoll_ctl(ADD eventfd)")
            Socket.close(epollFD)
            Socket.close(wakeFD)
            throw error
        }
        self.epollFD = epollFD
        self.wakeFD = wakeFD
    }

    deinit {
        Socket.close(epollFD)
        Socket.close(wakeFD)
    }

    /// Starts the loop's thread.
    public func start() {
        let thread = Thread { [self] in
            runLoop()
            finished.signal()
        }
        thread.name = name
        self.thread = thread
        thread.start()
    }

    /// Asks the loop to stop after its current batch; safe from any thread.
    public func stop() {
        running.store(false, ordering: .releasing)
        wake()
    }

    /// Blocks until the loop's thread has finished.
    public func waitUntilStopped() {
        finished.wait()
        finished.signal()
    }

    /// Runs `task` on the loop's thread soon; safe from any thread.
    public func execute(_ task: @escaping Task) {
        pendingLock.withLock { pending.append(task) }
        wake()
    }

    /// Watches `fd` for `events` and delivers them to `handler`. Loop thread only.
    public func register(_ fd: Int32, events: IOEvents, handler: EventLoopHandler) throws(SocketError) {
        guard cepoll_ctl(epollFD, EPOLL_CTL_ADD, fd, (events.union(.hangup)).rawValue) == 0 else {
            throw .current("epoll_ctl(ADD)")
        }
        let index = Int(fd)
        if index >= handlers.count {
            handlers.append(contentsOf: repeatElement(nil, count: max(index + 1 - handlers.count, handlers.count)))
        }
        handlers[index] = handler
    }

    /// Changes the events watched for `fd`. Loop thread only.
    ///
    /// - Parameter watchPeerClose: whether `EPOLLRDHUP` is watched besides `events`. Level-triggered, it
    ///   is reported on every wait once the peer half-closed, so an owner that keeps the connection
    ///   open after the peer's FIN (to answer a request still running) stops watching it.
    public func modify(_ fd: Int32, events: IOEvents, watchPeerClose: Bool = true) throws(SocketError) {
        let always: IOEvents = watchPeerClose ? .hangup : .failure
        guard cepoll_ctl(epollFD, EPOLL_CTL_MOD, fd, (events.union(always)).rawValue) == 0 else {
            throw .current("epoll_ctl(MOD)")
        }
    }

    /// Stops watching `fd` (call before closing it). Loop thread only.
    public func deregister(_ fd: Int32) {
        _ = cepoll_ctl(epollFD, EPOLL_CTL_DEL, fd, 0)
        if Int(fd) < handlers.count { handlers[Int(fd)] = nil }
    }

    /// Forgets `fd`'s handler and closes it, without `EPOLL_CTL_DEL`: closing the last descriptor
    /// of an open file description removes it from every epoll set (epoll(7), Q6), and the sockets
    /// handed to this loop are never duplicated (accepted with `SOCK_CLOEXEC`, no `dup`), so the
    /// extra system call per connection buys nothing. Loop thread only.
    public func close(_ fd: Int32) {
        if Int(fd) < handlers.count { handlers[Int(fd)] = nil }
        Socket.close(fd)
    }

    private func wake() {
        guard !wakePending.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var one: UInt64 = 1
        while Glibc.write(wakeFD, &one, 8) < 0 && errno == EINTR {}
    }

    private func runLoop() {
        var ready = [cepoll_ready](repeating: cepoll_ready(), count: 256)
        var nextTick = MonotonicTime.now() &+ tickInterval
        while running.load(ordering: .acquiring) {
            now = MonotonicTime.now()
            let timeout = nextTick > now ? Int32(min((nextTick - now) / 1_000_000 + 1, 60_000)) : 0
            let count = ready.withUnsafeMutableBufferPointer { cepoll_wait(epollFD, $0.baseAddress, Int32($0.count), timeout) }
            now = MonotonicTime.now()
            if count < 0 && errno != EINTR {
                let error = SocketError.current("epoll_wait")  // before anything else can change errno
                logger.critical("event loop stopped", error: error, metadata: ["loop": "\(name)"])
                break
            }
            for index in 0..<max(Int(count), 0) {
                let fd = ready[index].fd
                if fd == wakeFD {
                    drainWakeFD()
                } else if Int(fd) < handlers.count, let handler = handlers[Int(fd)] {
                    handler.handle(IOEvents(rawValue: ready[index].events))
                }
            }
            runPendingTasks()
            if now >= nextTick {
                onTick?(now)
                nextTick = now &+ tickInterval
            }
        }
        runPendingTasks()
    }

    private func drainWakeFD() {
        var value: UInt64 = 0
        while Glibc.read(wakeFD, &value, 8) < 0 && errno == EINTR {}
    }

    private func runPendingTasks() {
        wakePending.store(false, ordering: .releasing)
        let tasks = pendingLock.withLock { () -> [Task] in
            let taken = pending
            pending.removeAll(keepingCapacity: true)
            return taken
        }
        for task in tasks { task() }
    }
}
