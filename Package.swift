// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "motcua",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "motcua", targets: ["motcua"]),
        .library(name: "Ingest", targets: ["Ingest"]),
        .library(name: "Metrics", targets: ["Metrics"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Unattended", targets: ["Unattended"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // libcsv (Debian libcsv-dev) has no pkg-config file: scripts/install-deps installs it.
        .systemLibrary(
            name: "CCSV",
            path: "Sources/CCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        .systemLibrary(
            name: "CXlsxWriter",
            path: "Sources/CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(name: "Ingest", dependencies: ["CCSV", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Metrics", dependencies: ["Ingest"]),
        .target(name: "Reports", dependencies: ["Ingest", "Metrics", "CXlsxWriter"]),
        .target(
            name: "Store",
            dependencies: [
                "Ingest",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "Unattended",
            dependencies: [
                "Ingest", "Metrics", "Reports", "Store",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "motcua",
            dependencies: [
                "Ingest", "Metrics", "Reports", "Store", "Unattended",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The libFuzzer target over the ingest (scripts/fuzz builds it with -sanitize=fuzzer in
        // .build-fuzz); a normal build makes it a tool that replays a corpus through its checks.
        .executableTarget(name: "IngestFuzz", dependencies: ["Ingest"], path: "Tests/Fuzz", exclude: ["corpus"]),
        // Builders, fixture paths and the binary runner every test target shares.
        .target(name: "TestSupport", dependencies: ["Ingest"], path: "Tests/TestSupport"),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "TestSupport"]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "Ingest", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Metrics", "Ingest", "TestSupport"]),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "Ingest", "Metrics", "Reports", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "UnattendedTests", dependencies: ["Unattended", "Metrics", "TestSupport"]),
        .testTarget(name: "MotcuaTests", dependencies: ["motcua", "IngestFuzz", "TestSupport"]),
    ]
)
