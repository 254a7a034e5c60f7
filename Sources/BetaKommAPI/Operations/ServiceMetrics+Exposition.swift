extension ServiceMetrics {
    /// The content type of the Prometheus text exposition format 0.0.4.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Every metric in the Prometheus text format 0.0.4: `# HELP` and `# TYPE` before each family,
    /// then `name{label="value"} number` lines; histogram buckets cumulative, ending in `le="+Inf"`.
    func exposition(databaseSizeBytes: Int?, dataVersion: Int?) -> String {
        let counts = snapshot
        var text = ""
        func family(_ name: String, _ type: String, _ help: String) {
            text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        }
        func sample(_ name: String, _ labels: [(String, String)], _ value: String) {
            text += name
            if !labels.isEmpty {
                text += "{" + labels.map { "\($0.0)=\"\(Self.escapedLabel($0.1))\"" }.joined(separator: ",") + "}"
            }
            text += " \(value)\n"
        }

        family("betakomm_http_requests_total", "counter", "HTTP responses sent, by route pattern, method and status.")
        let keys = counts.requests.keys.sorted { ($0.route, $0.method, $0.status) < ($1.route, $1.method, $1.status) }
        for key in keys {
            sample("betakomm_http_requests_total", [("route", key.route), ("method", key.method), ("status", String(key.status))],
                   String(counts.requests[key] ?? 0))
        }

        family("betakomm_http_request_duration_seconds", "histogram", "Seconds from a complete request to its serialized response.")
        var cumulative = 0
        for (index, bound) in Self.durationBuckets.enumerated() {
            cumulative += counts.bucketCounts[index]
            sample("betakomm_http_request_duration_seconds_bucket", [("le", String(bound))], String(cumulative))
        }
        cumulative += counts.bucketCounts[Self.durationBuckets.count]
        sample("betakomm_http_request_duration_seconds_bucket", [("le", "+Inf")], String(cumulative))
        sample("betakomm_http_request_duration_seconds_sum", [], String(counts.durationSum))
        sample("betakomm_http_request_duration_seconds_count", [], String(counts.durationCount))

        family("betakomm_http_bytes_received_total", "counter", "Request bytes read (heads and bodies).")
        sample("betakomm_http_bytes_received_total", [], String(counts.bytesReceived))
        family("betakomm_http_bytes_sent_total", "counter", "Response bytes written (heads and bodies).")
        sample("betakomm_http_bytes_sent_total", [], String(counts.bytesSent))

        if let open = openConnections {
            family("betakomm_open_connections", "gauge", "Client connections open now.")
            sample("betakomm_open_connections", [], String(open))
        }
        family("betakomm_submissions_total", "counter", "Answer submissions, by outcome.")
        for outcome in SubmissionCounter.Outcome.allCases {
            sample("betakomm_submissions_total", [("outcome", outcome.rawValue)], String(submissions.count(outcome)))
        }
        if let databaseSizeBytes {
            family("betakomm_database_size_bytes", "gauge", "Size of the SQLite database file plus its write-ahead log.")
            sample("betakomm_database_size_bytes", [], String(databaseSizeBytes))
        }
        if let dataVersion {
            family("betakomm_data_version", "gauge", "The data version (largest answer set id) being served.")
            sample("betakomm_data_version", [], String(dataVersion))
        }
        return text
    }

    /// Label values escape backslash, double quote and line feed (exposition format 0.0.4).
    static func escapedLabel(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }
}
