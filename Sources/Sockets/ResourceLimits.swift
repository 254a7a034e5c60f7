#if canImport(Glibc)
import Glibc
#endif

/// Process resource limits that a server holding many connections depends on.
public enum ResourceLimits {
    /// Raises the soft limit on open descriptors towards `wanted` (never above the hard limit,
    /// never lowering it) and returns the soft limit now in force.
    @discardableResult
    public static func raiseOpenFileLimit(to wanted: UInt64) -> UInt64 {
        var limit = rlimit()
        guard getrlimit(RLIMIT_NOFILE_VALUE, &limit) == 0 else { return 0 }
        let target = min(UInt64(wanted), UInt64(limit.rlim_max))
        if UInt64(limit.rlim_cur) < target {
            limit.rlim_cur = rlim_t(target)
            _ = setrlimit(RLIMIT_NOFILE_VALUE, &limit)
            _ = getrlimit(RLIMIT_NOFILE_VALUE, &limit)
        }
        return UInt64(limit.rlim_cur)
    }

    /// Ignores `SIGPIPE` process-wide: a peer that vanishes must surface as `EPIPE`, not kill us.
    /// Sends already use `MSG_NOSIGNAL`; this also covers writes made by other code.
    public static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
    }

    private static var RLIMIT_NOFILE_VALUE: __rlimit_resource_t { __rlimit_resource_t(RLIMIT_NOFILE.rawValue) }
}
