/// Every value a deployer can set, with its flag, its `BETAKOMM_*` environment variable,
/// its default and its meaning. The command line, the README's configuration table and
/// `ServiceConfiguration.resolve` all read this one list, so they cannot disagree.
public enum Setting: String, CaseIterable, Sendable {
    case host
    case port
    case database = "db"
    case migrations
    case publicDirectory = "public"
    case corsOrigins = "cors-origins"
    case minimumCellSize = "min-cell-size"
    case cellKeySecret = "cell-key-secret"
    case logLevel = "log-level"
    case logFormat = "log-format"
    case accessLog = "access-log"
    case maxBodyBytes = "max-body-bytes"
    case maxHeaderBytes = "max-header-bytes"
    case headerTimeout = "header-timeout"
    case idleTimeout = "idle-timeout"
    case bodyTimeout = "body-timeout"
    case maxConnections = "max-connections"
    case maxConnectionsPerClient = "max-connections-per-client"
    case writeRateLimit = "write-rate-limit"
    case shutdownTimeout = "shutdown-timeout"
    case handlerThreads = "handler-threads"

    /// The long command-line flag, without the leading dashes.
    public var flag: String { rawValue }

    /// The environment variable consulted when the flag is absent.
    public var environmentVariable: String {
        "BETAKOMM_" + rawValue.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// The default, as a person would write it on the command line.
    public var defaultValue: String {
        switch self {
        case .host: "127.0.0.1"
        case .port: "8080"
        case .database: "./betakomm.sqlite"
        case .migrations: "./Migrations"
        case .publicDirectory: "./Public"
        case .corsOrigins: ""
        case .minimumCellSize: "3"
        // For development only: production sets its own (docs/privacy.md).
        case .cellKeySecret: "betakomm-development-cell-key"
        case .logLevel: "info"
        case .logFormat: "text"
        case .accessLog: "on"
        case .maxBodyBytes: "1048576"
        case .maxHeaderBytes: "16384"
        case .headerTimeout: "10"
        case .idleTimeout: "60"
        case .bodyTimeout: "60"
        case .maxConnections: "16384"
        case .maxConnectionsPerClient: "1024"
        case .writeRateLimit: "60"
        // Under Docker's 10 s stop grace period, so the WAL checkpoint runs before a SIGKILL.
        case .shutdownTimeout: "8"
        case .handlerThreads: "4"
        }
    }

    public var help: String {
        switch self {
        case .host: "Address to listen on (0.0.0.0 for all interfaces)."
        case .port: "TCP port to listen on (0 picks a free one)."
        case .database: "SQLite database file; created and migrated on first start."
        case .migrations: "Folder of numbered SQL migrations applied at start."
        case .publicDirectory: "Folder of the dashboard's static files, served at /."
        case .corsOrigins: "Comma-separated origins allowed by CORS ('*' for any; empty for none)."
        case .minimumCellSize: "Public aggregates over fewer respondents than this are suppressed."
        case .cellKeySecret: "Secret from which each unit's cell-key record key is derived (public ad-hoc tables); set your own in production."
        case .logLevel: "Lowest level logged: debug, info, warning or error."
        case .logFormat: "Access and event log format: text or json."
        case .accessLog: "One line per response on stdout: on or off (off where a proxy in front logs requests already)."
        case .maxBodyBytes: "Largest request body in bytes; larger ones get 413."
        case .maxHeaderBytes: "Largest request header section in bytes; larger ones get 431."
        case .headerTimeout: "Seconds a client has to send a whole request head (then 408)."
        case .idleTimeout: "Seconds a keep-alive connection may idle, or a response write may stall (a body has --body-timeout)."
        case .bodyTimeout: "Seconds a client has to send a whole request body once its head arrived, however steadily (then 408)."
        case .maxConnections: "Most open connections; beyond it new ones get 503."
        case .maxConnectionsPerClient: "Most open connections from one client address; beyond it new ones get 429."
        case .writeRateLimit: "Submissions (PUT, PATCH) per minute per token, in bursts of up to that many; beyond it 429 with Retry-After."
        case .shutdownTimeout: "Seconds requests in progress get to finish after SIGTERM or SIGINT."
        case .handlerThreads: "Worker threads for writes, exports and health checks (kept off the event loops)."
        }
    }
}
