import CoreMetrics
import Prometheus

extension ServiceMetrics {
    /// The content type of the Prometheus text exposition format 0.0.4.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Every metric of ``registry`` in the Prometheus text format 0.0.4, as swift-prometheus renders
    /// it (`# HELP` and `# TYPE` before each family, histogram buckets cumulative up to `le="+Inf"`;
    /// families in no particular order), after setting the gauges that are read at scrape time:
    /// open connections, the database size and the data version (left out while unknown).
    func exposition(databaseSizeBytes: Int?, dataVersion: Int?) -> String {
        if let open = server.withLock({ $0?.openConnections }) { openConnections.set(open) }
        publish(Self.named(nil, "database_size", unit: "bytes", help: "Size of the SQLite database file plus its write-ahead log."), databaseSizeBytes)
        publish(Self.named(nil, "data_version", unit: "", help: "The data version (largest answer set id) being served."), dataVersion)
        return registry.emitToString()
    }

    /// Sets the gauge `name` to `value`, or removes it while the value is unknown.
    private func publish(_ name: MetricNameDescriptor, _ value: Int?) {
        let gauge = registry.makeGauge(descriptor: name)  // the registered one, if any
        guard let value else { return registry.unregisterGauge(gauge) }
        Meter(label: name.name, dimensions: [], handler: gauge, factory: factory).set(value)
    }
}
