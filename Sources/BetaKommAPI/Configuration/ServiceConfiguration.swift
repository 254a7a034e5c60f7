import Foundation

/// The service's settings after flags, environment and defaults have been combined.
public struct ServiceConfiguration: Sendable, Equatable {
    public enum LogLevel: String, Sendable, CaseIterable, Comparable {
        case debug, info, warning, error

        public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public enum LogFormat: String, Sendable, CaseIterable {
        case text, json
    }

    public enum Switch: String, Sendable, CaseIterable {
        case on, off
    }

    public var host: String
    public var port: Int
    public var databasePath: String
    public var migrationsDirectory: String
    public var publicDirectory: String
    /// Origins allowed by CORS; `["*"]` allows any, empty allows none.
    public var corsOrigins: [String]
    public var minimumCellSize: Int
    /// The secret behind the cell-key method's record keys (``CellKeyPerturbation``).
    public var cellKeySecret: String
    public var logLevel: LogLevel
    public var logFormat: LogFormat
    /// Whether every response gets an access-log line.
    public var accessLog: Switch
    /// HTTP limits and timeouts, mapped into the server's configuration by ``serverConfiguration``.
    public var maxBodyBytes: Int
    public var maxHeaderBytes: Int
    /// Seconds.
    public var headerTimeout: Double
    /// Seconds.
    public var idleTimeout: Double
    /// Seconds for a whole request body (not extended by progress).
    public var bodyTimeout: Double
    public var maxConnections: Int
    public var maxConnectionsPerClient: Int
    /// Writes per minute per token (a token bucket holding that many).
    public var writeRateLimit: Int
    /// Seconds requests in progress get to finish on SIGTERM / SIGINT.
    public var shutdownTimeout: Double
    /// Worker threads for the routes kept off the event loops (see ``serverConfiguration``).
    public var handlerThreads: Int
    /// The SQLite VFS the database is opened through; `nil` is SQLite's default. Not a
    /// ``Setting``: only the power-loss test sets it, to its simulating VFS.
    public var databaseVFS: String? = nil

    /// Combines the three sources, most specific first: a flag beats the environment,
    /// which beats the default. Unknown environment variables are ignored.
    public static func resolve(
        flags: [Setting: String],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> ServiceConfiguration {
        func raw(_ setting: Setting) -> String {
            flags[setting] ?? environment[setting.environmentVariable] ?? setting.defaultValue
        }
        func integer(_ setting: Setting, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
            let text = raw(setting)
            guard let value = Int(text), range.contains(value) else {
                throw .invalid(setting, value: text, expected: "an integer in \(range.lowerBound)...\(range.upperBound)")
            }
            return value
        }
        func seconds(_ setting: Setting, in range: ClosedRange<Double>) throws(ConfigurationError) -> Double {
            let text = raw(setting)
            guard let value = Double(text), value.isFinite, range.contains(value) else {
                throw .invalid(setting, value: text, expected: "seconds in \(range.lowerBound)...\(range.upperBound)")
            }
            return value
        }
        func choice<T: RawRepresentable & CaseIterable>(_ setting: Setting, _ type: T.Type) throws(ConfigurationError) -> T
        where T.RawValue == String {
            let text = raw(setting)
            guard let value = T(rawValue: text.lowercased()) else {
                throw .invalid(setting, value: text, expected: "one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return value
        }

        return ServiceConfiguration(
            host: raw(.host),
            port: try integer(.port, in: 0...65535),
            databasePath: raw(.database),
            migrationsDirectory: raw(.migrations),
            publicDirectory: raw(.publicDirectory),
            corsOrigins: raw(.corsOrigins).split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty },
            minimumCellSize: try integer(.minimumCellSize, in: 1...1000),
            cellKeySecret: raw(.cellKeySecret),
            logLevel: try choice(.logLevel, LogLevel.self),
            logFormat: try choice(.logFormat, LogFormat.self),
            accessLog: try choice(.accessLog, Switch.self),
            maxBodyBytes: try integer(.maxBodyBytes, in: 0...(1 << 30)),
            maxHeaderBytes: try integer(.maxHeaderBytes, in: 1024...(1 << 20)),
            headerTimeout: try seconds(.headerTimeout, in: 0.01...3600),
            idleTimeout: try seconds(.idleTimeout, in: 0.01...86400),
            bodyTimeout: try seconds(.bodyTimeout, in: 0.01...86400),
            maxConnections: try integer(.maxConnections, in: 1...1_000_000),
            maxConnectionsPerClient: try integer(.maxConnectionsPerClient, in: 1...1_000_000),
            writeRateLimit: try integer(.writeRateLimit, in: 1...1_000_000),
            shutdownTimeout: try seconds(.shutdownTimeout, in: 0...3600),
            handlerThreads: try integer(.handlerThreads, in: 1...256)
        )
    }
}

/// A setting whose value cannot be used, named so the deployer can fix it.
public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    case invalid(Setting, value: String, expected: String)

    public var description: String {
        switch self {
        case let .invalid(setting, value, expected):
            "Invalid value '\(value)' for --\(setting.flag) / \(setting.environmentVariable): expected \(expected)."
        }
    }
}
