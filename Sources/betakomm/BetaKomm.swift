import ArgumentParser

@main
struct BetaKomm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "betakomm",
        abstract: "The BetaKomm survey data service."
    )
}
