// swift-tools-version:6.0
import PackageDescription

// The Hummingbird 2 server that BetaKomm's own HTTP server is measured against (Benchmarks/run.sh).
// A package of its own so that the product never depends on Hummingbird/SwiftNIO; it is built only by
// the benchmark script, never by `swift build` of BetaKomm or by CI.
let package = Package(
    name: "ReferenceServer",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .executableTarget(
            name: "ReferenceServer",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")]
        ),
    ]
)
