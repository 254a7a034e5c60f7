// swift-tools-version:6.0
import PackageDescription

// The targets show the architecture, lowest first:
//   CEpoll, CSQLite, CZlib  C headers only (epoll/eventfd, the system's libsqlite3 and zlib)
//   Sockets              non-blocking POSIX sockets and an epoll event loop
//   HTTPServer           HTTP/1.1 parsing, responses, routing, the server (knows nothing of surveys)
//   Storage              SQLite: connections, statements, migrations, backup (knows nothing of HTTP)
//   Survey               the survey domain: questionnaire, respondents, answers, statistics (plain Swift)
//   SurveyData           one repository per table, owning all of its SQL (units, waves, questionnaires, answers,
//                        audit, tokens); tokens and their hashing (no HTTP)
//   SurveyCalibration    generates the 2011 baseline answers calibrated to the report, and its migrations
//   BetaKommAPI          maps HTTP <-> domain and data; builds the application
//   betakomm             the executable: parses arguments and wires the rest
// Test support: CPowerLossVFS (C, Tests/CPowerLossVFS) is an SQLite VFS that simulates power loss
// (un-synced writes dropped or torn), used only by PowerLossTests; nothing ships with it.
let package = Package(
    name: "BetaKomm",
    products: [
        .executable(name: "betakomm", targets: ["betakomm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .target(name: "CEpoll"),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "Sockets", dependencies: ["CEpoll", .product(name: "Logging", package: "swift-log")]),
        .target(name: "HTTPServer", dependencies: ["Sockets", "CZlib", .product(name: "Logging", package: "swift-log")]),
        .target(name: "Storage", dependencies: ["CSQLite"]),
        .target(name: "Survey"),
        .target(name: "SurveyCalibration", dependencies: ["Survey"]),
        .target(
            name: "SurveyData",
            dependencies: ["Storage", "Survey", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "BetaKommAPI",
            dependencies: [
                "HTTPServer", "Storage", "Survey", "SurveyData", .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"), .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "betakomm",
            dependencies: [
                "BetaKommAPI",
                "Storage",
                "SurveyData",
                "SurveyCalibration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        .executableTarget(name: "storage-benchmark", dependencies: ["Storage", "CSQLite"], path: "Benchmarks/StorageBenchmark"),
        .executableTarget(name: "fixed-json-server", dependencies: ["HTTPServer"], path: "Benchmarks/FixedJSONServer"),
        .target(name: "CPowerLossVFS", dependencies: ["CSQLite"], path: "Tests/CPowerLossVFS"),
        .testTarget(name: "SocketsTests", dependencies: ["Sockets"]),
        .testTarget(
            name: "HTTPServerTests",
            dependencies: ["HTTPServer", "Sockets", .product(name: "Logging", package: "swift-log"), .product(name: "InMemoryLogging", package: "swift-log")]
        ),
        .testTarget(name: "PowerLossTests", dependencies: ["BetaKommAPI", "HTTPServer", "Storage", "SurveyData", "CPowerLossVFS", "CSQLite"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "CSQLite"]),
        .testTarget(name: "SurveyTests", dependencies: ["Survey", "SurveyCalibration", "Storage", "SurveyData"]),
        .testTarget(name: "SurveyDataTests", dependencies: ["SurveyData", "Storage", "Survey"]),
        .testTarget(
            name: "BetaKommAPITests",
            dependencies: ["BetaKommAPI", "HTTPServer", "Storage", "Survey", "SurveyData", .product(name: "Logging", package: "swift-log")]
        ),
    ]
)
