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
        #expect(configuration.submissionWave == nil)
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
}
