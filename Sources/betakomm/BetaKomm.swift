import ArgumentParser

@main
struct BetaKomm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "betakomm",
        abstract: "The BetaKomm survey data service.",
        subcommands: [Serve.self, Migrate.self, Backup.self, GenerateData.self, Token.self, WaveCommand.self, PopulationCommand.self, ImportAnswers.self, ExportAnswers.self],
        defaultSubcommand: Serve.self
    )
}
