import ArgumentParser
import BetaKommAPI
import CoreMetrics
import Foundation
import Logging

/// `betakomm serve`: every ``Setting`` as a flag; flags beat `BETAKOMM_*` variables, which beat defaults.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create and migrate the database if needed, then serve the API and the dashboard.",
        discussion: "Each flag may also be set with its BETAKOMM_* environment variable (e.g. BETAKOMM_PORT)."
    )

    @Option(name: .customLong(Setting.host.flag), help: ArgumentHelp(Setting.host.help, valueName: "address"))
    var host: String?
    @Option(name: .customLong(Setting.port.flag), help: ArgumentHelp(Setting.port.help, valueName: "port"))
    var port: String?
    @Option(name: .customLong(Setting.database.flag), help: ArgumentHelp(Setting.database.help, valueName: "path"))
    var database: String?
    @Option(name: .customLong(Setting.migrations.flag), help: ArgumentHelp(Setting.migrations.help, valueName: "directory"))
    var migrations: String?
    @Option(name: .customLong(Setting.publicDirectory.flag), help: ArgumentHelp(Setting.publicDirectory.help, valueName: "directory"))
    var publicDirectory: String?
    @Option(name: .customLong(Setting.corsOrigins.flag), help: ArgumentHelp(Setting.corsOrigins.help, valueName: "origins"))
    var corsOrigins: String?
    @Option(name: .customLong(Setting.minimumCellSize.flag), help: ArgumentHelp(Setting.minimumCellSize.help, valueName: "n"))
    var minimumCellSize: String?
    @Option(name: .customLong(Setting.cellKeySecret.flag), help: ArgumentHelp(Setting.cellKeySecret.help, valueName: "secret"))
    var cellKeySecret: String?
    @Option(name: .customLong(Setting.logLevel.flag), help: ArgumentHelp(Setting.logLevel.help, valueName: "level"))
    var logLevel: String?
    @Option(name: .customLong(Setting.logFormat.flag), help: ArgumentHelp(Setting.logFormat.help, valueName: "format"))
    var logFormat: String?
    @Option(name: .customLong(Setting.accessLog.flag), help: ArgumentHelp(Setting.accessLog.help, valueName: "on|off"))
    var accessLog: String?
    @Option(name: .customLong(Setting.maxBodyBytes.flag), help: ArgumentHelp(Setting.maxBodyBytes.help, valueName: "bytes"))
    var maxBodyBytes: String?
    @Option(name: .customLong(Setting.maxHeaderBytes.flag), help: ArgumentHelp(Setting.maxHeaderBytes.help, valueName: "bytes"))
    var maxHeaderBytes: String?
    @Option(name: .customLong(Setting.headerTimeout.flag), help: ArgumentHelp(Setting.headerTimeout.help, valueName: "seconds"))
    var headerTimeout: String?
    @Option(name: .customLong(Setting.idleTimeout.flag), help: ArgumentHelp(Setting.idleTimeout.help, valueName: "seconds"))
    var idleTimeout: String?
    @Option(name: .customLong(Setting.bodyTimeout.flag), help: ArgumentHelp(Setting.bodyTimeout.help, valueName: "seconds"))
    var bodyTimeout: String?
    @Option(name: .customLong(Setting.maxConnections.flag), help: ArgumentHelp(Setting.maxConnections.help, valueName: "n"))
    var maxConnections: String?
    @Option(name: .customLong(Setting.maxConnectionsPerClient.flag), help: ArgumentHelp(Setting.maxConnectionsPerClient.help, valueName: "n"))
    var maxConnectionsPerClient: String?
    @Option(name: .customLong(Setting.writeRateLimit.flag), help: ArgumentHelp(Setting.writeRateLimit.help, valueName: "per-minute"))
    var writeRateLimit: String?
    @Option(name: .customLong(Setting.shutdownTimeout.flag), help: ArgumentHelp(Setting.shutdownTimeout.help, valueName: "seconds"))
    var shutdownTimeout: String?
    @Option(name: .customLong(Setting.handlerThreads.flag), help: ArgumentHelp(Setting.handlerThreads.help, valueName: "n"))
    var handlerThreads: String?

    /// The flag given for `setting`; the exhaustive switch makes a new `Setting` a compile error here.
    func flag(_ setting: Setting) -> String? {
        switch setting {
        case .host: host
        case .port: port
        case .database: database
        case .migrations: migrations
        case .publicDirectory: publicDirectory
        case .corsOrigins: corsOrigins
        case .minimumCellSize: minimumCellSize
        case .cellKeySecret: cellKeySecret
        case .logLevel: logLevel
        case .logFormat: logFormat
        case .accessLog: accessLog
        case .maxBodyBytes: maxBodyBytes
        case .maxHeaderBytes: maxHeaderBytes
        case .headerTimeout: headerTimeout
        case .idleTimeout: idleTimeout
        case .bodyTimeout: bodyTimeout
        case .maxConnections: maxConnections
        case .maxConnectionsPerClient: maxConnectionsPerClient
        case .writeRateLimit: writeRateLimit
        case .shutdownTimeout: shutdownTimeout
        case .handlerThreads: handlerThreads
        }
    }

    func run() throws {
        var flags: [Setting: String] = [:]
        for setting in Setting.allCases {
            if let value = flag(setting) { flags[setting] = value }
        }
        let configuration: ServiceConfiguration
        do {
            configuration = try ServiceConfiguration.resolve(flags: flags)
        } catch {
            throw ValidationError(error.description)
        }
        // One process, one service: every logger and metric of any library joins this service's
        // event log and /metrics (the application passes its own to its parts either way).
        let logs = ServiceLogs.standard(configuration)
        LoggingSystem.bootstrap { _ in logs.events.handler }
        let application = try buildApplication(configuration: configuration, logs: logs)
        MetricsSystem.bootstrap(application.metrics.factory)
        let events = application.logs.events
        let port = try application.start()
        application.installSignalHandlers()
        let version = try application.store.snapshot().version
        events.info("serving", metadata: [
            "address": "http://\(configuration.host):\(port)", "data_version": "\(version)",
            "database": "\(configuration.databasePath)", "pid": "\(ProcessInfo.processInfo.processIdentifier)",
        ])
        try application.run()
        events.info("stopped")
        application.logs.flush()
    }
}
