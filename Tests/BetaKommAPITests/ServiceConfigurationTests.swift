import HTTPServer
import Testing
@testable import BetaKommAPI

@Suite struct ServiceConfigurationTests {
    @Test func defaultsApplyWhenNothingIsSet() throws {
        let configuration = try ServiceConfiguration.resolve(flags: [:], environment: [:])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.databasePath == "./betakomm.sqlite")
        #expect(configuration.minimumCellSize == 3)
        #expect(configuration.corsOrigins.isEmpty)
    }

    @Test func environmentBeatsDefaultAndFlagBeatsEnvironment() throws {
        let environment = ["BETAKOMM_PORT": "9000", "BETAKOMM_DB": "/tmp/env.sqlite", "BETAKOMM_LOG_FORMAT": "json"]
        let fromEnvironment = try ServiceConfiguration.resolve(flags: [:], environment: environment)
        #expect(fromEnvironment.port == 9000)
        #expect(fromEnvironment.databasePath == "/tmp/env.sqlite")
        #expect(fromEnvironment.logFormat == .json)

        let withFlags = try ServiceConfiguration.resolve(flags: [.port: "9100"], environment: environment)
        #expect(withFlags.port == 9100)
        #expect(withFlags.databasePath == "/tmp/env.sqlite")
    }

    @Test func listsAreSplitAndTrimmed() throws {
        let configuration = try ServiceConfiguration.resolve(
            flags: [.corsOrigins: "https://ks.no, https://example.org,,"], environment: [:])
        #expect(configuration.corsOrigins == ["https://ks.no", "https://example.org"])
    }

    @Test func invalidValuesNameTheSettingAndTheVariable() {
        #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.resolve(flags: [:], environment: ["BETAKOMM_PORT": "eighty"])
        }
        do {
            _ = try ServiceConfiguration.resolve(flags: [.logLevel: "loud"], environment: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("--log-level"))
            #expect(error.description.contains("BETAKOMM_LOG_LEVEL"))
            #expect(error.description.contains("loud"))
        }
    }

    @Test func everySettingHasItsOwnEnvironmentVariable() {
        let names = Setting.allCases.map(\.environmentVariable)
        #expect(Set(names).count == names.count)
        #expect(Setting.database.environmentVariable == "BETAKOMM_DB")
        #expect(Setting.minimumCellSize.environmentVariable == "BETAKOMM_MIN_CELL_SIZE")
    }

    @Test func httpLimitsAndTimeoutsResolveFlagOverEnvironmentOverDefault() throws {
        let defaults = try ServiceConfiguration.resolve(flags: [:], environment: [:])
        #expect(defaults.maxBodyBytes == 1_048_576)
        #expect(defaults.maxHeaderBytes == 16_384)
        #expect(defaults.headerTimeout == 10)
        #expect(defaults.idleTimeout == 60)
        #expect(defaults.maxConnections == 16_384)
        #expect(defaults.bodyTimeout == 60)
        #expect(defaults.maxConnectionsPerClient == 1024)
        #expect(defaults.shutdownTimeout == 8)
        #expect(defaults.handlerThreads == 4)

        let environment = [
            "BETAKOMM_MAX_BODY_BYTES": "2000000", "BETAKOMM_MAX_HEADER_BYTES": "8192", "BETAKOMM_HEADER_TIMEOUT": "2.5",
            "BETAKOMM_IDLE_TIMEOUT": "30", "BETAKOMM_MAX_CONNECTIONS": "500", "BETAKOMM_SHUTDOWN_TIMEOUT": "3",
            "BETAKOMM_HANDLER_THREADS": "2",
        ]
        let fromEnvironment = try ServiceConfiguration.resolve(flags: [:], environment: environment)
        #expect(fromEnvironment.maxBodyBytes == 2_000_000)
        #expect(fromEnvironment.maxHeaderBytes == 8192)
        #expect(fromEnvironment.headerTimeout == 2.5)
        #expect(fromEnvironment.idleTimeout == 30)
        #expect(fromEnvironment.maxConnections == 500)
        #expect(fromEnvironment.shutdownTimeout == 3)
        #expect(fromEnvironment.handlerThreads == 2)

        let flags: [Setting: String] = [
            .maxBodyBytes: "100", .maxHeaderBytes: "4096", .headerTimeout: "1", .idleTimeout: "5", .maxConnections: "10",
            .shutdownTimeout: "0.5", .handlerThreads: "8",
        ]
        let fromFlags = try ServiceConfiguration.resolve(flags: flags, environment: environment)
        #expect(fromFlags.maxBodyBytes == 100)
        #expect(fromFlags.maxHeaderBytes == 4096)
        #expect(fromFlags.headerTimeout == 1)
        #expect(fromFlags.idleTimeout == 5)
        #expect(fromFlags.maxConnections == 10)
        #expect(fromFlags.shutdownTimeout == 0.5)
        #expect(fromFlags.handlerThreads == 8)
    }

    @Test func limitsAreMappedIntoTheServerConfiguration() throws {
        let configuration = try ServiceConfiguration.resolve(flags: [
            .host: "0.0.0.0", .port: "9999", .maxBodyBytes: "123", .maxHeaderBytes: "2048", .headerTimeout: "3", .idleTimeout: "4",
            .maxConnections: "77", .bodyTimeout: "5", .maxConnectionsPerClient: "9",
        ], environment: [:])
        let server = configuration.serverConfiguration
        #expect(server.bodyTimeout == 5)
        #expect(server.maxConnectionsPerClient == 9)
        #expect(server.host == "0.0.0.0")
        #expect(server.port == 9999)
        #expect(server.maxBodyBytes == 123)
        #expect(server.maxHeaderBytes == 2048)
        #expect(server.headerTimeout == 3)
        #expect(server.idleTimeout == 4)
        #expect(server.maxConnections == 77)
        guard case .routed(let threads) = server.handlerExecution else {
            Issue.record("expected routed handler execution")
            return
        }
        #expect(threads == configuration.handlerThreads)
    }

    /// Declared with each route (`runsOn: .worker`), asked of the application's own router.
    @Test func writesExportImportAndHealthRunOffTheEventLoopCachedReadsDoNot() throws {
        let router = try TestApplication.shared.get().application.router
        func offloaded(_ method: HTTPMethod, _ target: String) throws -> Bool {
            router.runsOnWorker(try Request(method: method, target: target))
        }
        #expect(try offloaded(.put, "/v1/respondents/0301/answers"))
        #expect(try offloaded(.patch, "/v1/respondents/0301/answers"))
        #expect(try offloaded(.post, "/v1/import"))
        #expect(try offloaded(.head, "/health"))
        // No route: a 404 or 405 waits for nothing, so it is answered on the loop.
        #expect(try !offloaded(.delete, "/v1/tokens/1"))
        #expect(try !offloaded(.put, "/v1/respondents/0301/answers/versions"))
        #expect(try offloaded(.get, "/v1/export.csv"))
        #expect(try offloaded(.get, "/health"))
        #expect(try !offloaded(.get, "/v1/figures/1"))
        #expect(try !offloaded(.head, "/v1/statistics/channels"))
        #expect(try !offloaded(.options, "/v1/figures/1"))
    }

    @Test func outOfRangeLimitsAreRefused() {
        #expect(throws: ConfigurationError.self) { try ServiceConfiguration.resolve(flags: [.headerTimeout: "soon"], environment: [:]) }
        #expect(throws: ConfigurationError.self) { try ServiceConfiguration.resolve(flags: [.handlerThreads: "0"], environment: [:]) }
        #expect(throws: ConfigurationError.self) { try ServiceConfiguration.resolve(flags: [.idleTimeout: "inf"], environment: [:]) }
    }
}
