import CoreMetrics
import HTTPServer
import Prometheus
import Synchronization

/// The service's metrics, fed by the server's completion hook and rendered by `GET /metrics`.
///
/// They are swift-metrics objects (`Counter`, `Timer`, `Meter`) whose handlers live in this
/// application's own swift-prometheus ``registry``: not the process-wide `MetricsSystem`, which can
/// be bootstrapped only once, while the tests run many applications in one process. The executable
/// bootstraps `MetricsSystem` with ``factory``, so a library's metrics land in the same exposition.
///
/// Each metric is registered with the registry's own `make…(name:labels:help:)`, so that the
/// exposition keeps its `# HELP` lines (`PrometheusMetricsFactory` registers everything with an
/// empty help, and the registry refuses a second help text for a name), and wrapped in its
/// swift-metrics type with the `handler:factory:` initializer.
///
/// Per response: one request counter per (route, method, status), looked up in the calling
/// thread's own shard (``ThreadShard``; the last key is compared before anything is hashed, and a
/// counter is made only the first time a key is seen), then the registry's atomics and the
/// histogram's lock.
public final class ServiceMetrics: Sendable {
    /// Upper bounds (seconds) of the duration histogram: cached reads land in the first buckets,
    /// writes (an fsync each) in the middle, anything pathological in the last.
    public static let durationBuckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    /// Methods counted under their own name; anything else is `OTHER`, so a client cannot mint series.
    static let knownMethods: [HTTPMethod] = [.get, .head, .post, .put, .patch, .delete, .options]

    /// The method's label, or `OTHER` for one a client made up (labels must stay a bounded set).
    static func label(for method: HTTPMethod) -> String {
        knownMethods.contains(method) ? method.rawValue : "OTHER"
    }
    /// The route label of a response no route produced (404s, parse errors, 401 before routing).
    static let unmatchedRoute = "unmatched"

    struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    /// What `GET /metrics` renders; one per application.
    public let registry = PrometheusCollectorRegistry()
    /// A swift-metrics factory over ``registry``, for `MetricsSystem.bootstrap` in the executable.
    public let factory: PrometheusMetricsFactory
    public let submissions: SubmissionCounter
    private let duration: CoreMetrics.Timer
    private let bytesReceived: CoreMetrics.Counter
    private let bytesSent: CoreMetrics.Counter
    let openConnections: Meter
    /// One per shard; separate objects, so that two loops' caches do not share a cache line.
    private let shards: [Shard] = (0..<ThreadShard.defaultCount).map { _ in Shard() }
    let server = Mutex<ServerMetrics?>(nil)

    public init() {
        factory = PrometheusMetricsFactory(registry: registry)
        submissions = SubmissionCounter(registry: registry, factory: factory)
        let durationName = Self.named("http", "request_duration", unit: "seconds", help: "Seconds from a complete request to its serialized response.")
        duration = CoreMetrics.Timer(
            label: durationName.name, dimensions: [],
            handler: SecondsHistogram(registry.makeValueHistogram(descriptor: durationName, buckets: Self.durationBuckets)), factory: factory
        )
        bytesReceived = Self.counter(Self.named("http", "bytes_received", unit: "total", help: "Request bytes read (heads and bodies)."), registry, factory)
        bytesSent = Self.counter(Self.named("http", "bytes_sent", unit: "total", help: "Response bytes written (heads and bodies)."), registry, factory)
        let openName = Self.named(nil, "open_connections", unit: "", help: "Client connections open now.")
        openConnections = Meter(label: openName.name, dimensions: [], handler: registry.makeGauge(descriptor: openName), factory: factory)
    }

    /// A metric's name in parts, `betakomm_<subsystem>_<name>_<unit>`, with its `# HELP` text.
    static func named(_ subsystem: String?, _ name: String, unit: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "betakomm", subsystem: subsystem, metricName: name, unitName: unit, helpText: help)
    }

    /// The registry's counter of `descriptor` and `labels` (the one already there, if any) as a swift-metrics `Counter`.
    static func counter(
        _ descriptor: MetricNameDescriptor, labels: [(String, String)] = [], _ registry: PrometheusCollectorRegistry,
        _ factory: PrometheusMetricsFactory
    ) -> CoreMetrics.Counter {
        CoreMetrics.Counter(
            label: descriptor.name, dimensions: labels, handler: registry.makeCounter(descriptor: descriptor, labels: labels), factory: factory
        )
    }

    /// Connects the server whose open connections the gauge reports (the server is built after
    /// the routes that serve the metrics, hence not an init parameter).
    func attach(_ serverMetrics: ServerMetrics) {
        server.withLock { $0 = serverMetrics }
    }

    /// Counts one response.
    public func record(_ completed: CompletedRequest) {
        // Optional chaining reads the one field; `completed.request.map { … }` would copy the whole request.
        let method = (completed.request?.method).map(Self.label(for:)) ?? "OTHER"
        let key = RequestKey(route: completed.route ?? Self.unmatchedRoute, method: method, status: completed.status.code)
        requestCounter(for: key).increment()
        duration.recordNanoseconds(Int64(max(0, completed.duration) * 1e9))
        bytesReceived.increment(by: completed.bytesIn)
        bytesSent.increment(by: completed.bytesOut)
    }

    /// The counter of `key`, from this thread's shard: a busy server answers the same route again
    /// and again, and comparing keys whose strings are the same objects costs a few instructions
    /// where hashing them cost ~600 per request (callgrind).
    private func requestCounter(for key: RequestKey) -> CoreMetrics.Counter {
        shards[ThreadShard.current(of: shards.count)].cache.withLock { cache in
            if let last = cache.last, last.key == key { return last.counter }
            let counter = cache.counters[key] ?? Self.counter(
                Self.named("http", "requests", unit: "total", help: "HTTP responses sent, by route pattern, method and status."),
                labels: [("route", key.route), ("method", key.method), ("status", String(key.status))], registry, factory
            )
            cache.counters[key] = counter
            cache.last = (key, counter)
            return counter
        }
    }

    /// A swift-metrics `Timer` handler over a histogram of seconds as `Double`s. swift-prometheus's own
    /// timer handler, a histogram of `Duration`s, spent ~690 instructions per request comparing
    /// `Duration`s with the 14 bounds, this one about half that (callgrind); and `Recorder`, the
    /// swift-metrics type for `Double` values, dispatches its generic `record` through the class's
    /// vtable, unspecialized (~360 more, most of it looking up generic metadata at run time).
    final class SecondsHistogram: TimerHandler, Sendable {
        let histogram: ValueHistogram

        init(_ histogram: ValueHistogram) {
            self.histogram = histogram
        }

        func recordNanoseconds(_ duration: Int64) {
            histogram.record(Double(duration) / 1e9)
        }
    }

    final class Shard: Sendable {
        struct Cache {
            var last: (key: RequestKey, counter: CoreMetrics.Counter)?
            var counters: [RequestKey: CoreMetrics.Counter] = [:]
        }
        let cache = Mutex(Cache())
    }
}
