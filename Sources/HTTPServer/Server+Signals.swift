import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The write end of the pipe that the signal handler pokes; a global because a C signal handler
/// cannot capture context.
nonisolated(unsafe) private var shutdownSignalFD: Int32 = -1

extension Server {
    /// Shuts the server down gracefully (see ``shutdown(timeout:)``) on the first SIGTERM or SIGINT.
    ///
    /// A plain `sigaction` handler writes one byte to a pipe (async-signal-safe) and a watcher
    /// thread calls `shutdown`. A dispatch signal source is not used: on Linux it reads a signalfd,
    /// which only sees signals blocked in every thread, and the event loop threads already run with
    /// them unblocked, so a signal delivered to one of them would be lost. Install once per process.
    public func installSignalHandlers(timeout: Double = 10) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        shutdownSignalFD = fds[1]
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber) { _ in
                var byte: UInt8 = 1
                _ = write(shutdownSignalFD, &byte, 1)
            }
        }
        let readFD = fds[0]
        let watcher = Thread { [self] in
            var byte: UInt8 = 0
            while read(readFD, &byte, 1) < 0 && errno == EINTR {}
            shutdown(timeout: timeout)
        }
        watcher.name = "http-signals"
        watcher.start()
    }
}
