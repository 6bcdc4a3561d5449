// swift-tools-version:6.1
import PackageDescription
#if os(Linux)
import Glibc
#endif

/// A Linux release binary is linked by the toolchain's lld with packed relative relocations
/// (DT_RELR): the static Swift runtime's 130,000 relocations took 3 MB of the binary, read at
/// every start, and a report's peak memory is 3 MB lower. Only where the C library the binary is
/// built against loads them (glibc 2.36, Debian 12): built on an older one, the binary would not
/// start, so it is linked as before there (and on macOS, whose linker has neither).
let packedRelocations: [LinkerSetting] = {
    #if os(Linux)
    // "glibc 2.36"
    var text = [CChar](repeating: 0, count: 64)
    guard confstr(Int32(_CS_GNU_LIBC_VERSION), &text, text.count) > 0 else { return [] }
    let parts = String(cString: text).split(separator: " ").last?.split(separator: ".").compactMap { Int($0) } ?? []
    guard parts.count >= 2, parts[0] > 2 || (parts[0] == 2 && parts[1] >= 36) else { return [] }
    return [.unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
                         .when(platforms: [.linux], configuration: .release))]
    #else
    return []
    #endif
}()

let package = Package(
    name: "motcua",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "motcua", targets: ["motcua"]),
        .library(name: "Wording", targets: ["Wording"]),
        .library(name: "Ingest", targets: ["Ingest"]),
        .library(name: "WorkingDays", targets: ["WorkingDays"]),
        .library(name: "KPIMetrics", targets: ["KPIMetrics"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "PostgresStore", targets: ["PostgresStore"]),
        .library(name: "Stores", targets: ["Stores"]),
        .library(name: "Commands", targets: ["Commands"]),
        .library(name: "Unattended", targets: ["Unattended"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
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
        .target(name: "Wording"),
        .target(name: "Ingest", dependencies: ["CCSV", .product(name: "Crypto", package: "swift-crypto")]),
        // The civil servants' calendar: the official schedule ships as data, embedded in the
        // code (an installed motcua needs no resource bundle beside it), read like --calendar
        // files by Ingest's table reader.
        .target(
            name: "WorkingDays",
            dependencies: ["Ingest"],
            resources: [.embedInCode("Resources/official-days-off.csv")]
        ),
        .target(name: "KPIMetrics", dependencies: ["Ingest", "WorkingDays"]),
        .target(
            name: "Reports",
            dependencies: ["Ingest", "KPIMetrics", "Wording", "WorkingDays", "CXlsxWriter"],
            // The page's stylesheet, compiled in: an installed binary needs no bundle beside it.
            resources: [.embedInCode("HTML/report.css"), .embedInCode("HTML/letter.css")]
        ),
        .target(
            name: "Store",
            dependencies: [
                "Ingest",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The same store on PostgreSQL, behind Store's interface (DossierStore).
        .target(
            name: "PostgresStore",
            dependencies: [
                "Store", "Ingest",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The one place that chooses the engine from a store's location (a path or a URL).
        .target(name: "Stores", dependencies: ["Store", "PostgresStore"]),
        // What each command does (report, verify, explain, check, import…), testable without
        // the command line.
        .target(name: "Commands", dependencies: ["Ingest", "KPIMetrics", "Reports", "Store", "Stores", "Wording", "WorkingDays"]),
        .target(
            name: "Unattended",
            dependencies: [
                "Commands", "Ingest", "KPIMetrics", "Reports", "Store", "Stores", "Wording",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "motcua",
            dependencies: [
                "Commands", "Ingest", "KPIMetrics", "Reports", "Store", "Stores", "Unattended", "Wording", "WorkingDays",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: packedRelocations

        ),
        // The libFuzzer target over the ingest (scripts/fuzz builds it with -sanitize=fuzzer in
        // .build-fuzz); a normal build makes it a tool that replays a corpus through its checks.
        .executableTarget(name: "IngestFuzz", dependencies: ["Ingest"], path: "Tests/Fuzz", exclude: ["corpus"]),
        // Builders, fixture paths and the binary runner every test target shares.
        .target(name: "TestSupport", dependencies: ["Ingest"], path: "Tests/TestSupport"),
        .testTarget(name: "WordingTests", dependencies: ["Wording"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "TestSupport"]),
        .testTarget(name: "WorkingDaysTests", dependencies: ["WorkingDays", "Ingest", "TestSupport"]),
        .testTarget(name: "KPIMetricsTests", dependencies: ["KPIMetrics", "Ingest", "WorkingDays", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "KPIMetrics", "Ingest", "Wording", "TestSupport"]),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "Stores", "PostgresStore", "Ingest", "KPIMetrics", "Reports", "TestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "CommandsTests",
            dependencies: ["Commands", "Ingest", "KPIMetrics", "Reports", "Store", "Wording", "WorkingDays", "TestSupport"]
        ),
        .testTarget(name: "UnattendedTests", dependencies: ["Unattended", "KPIMetrics", "Reports", "TestSupport"]),
        .testTarget(name: "MotcuaTests", dependencies: ["motcua", "IngestFuzz", "TestSupport"]),
    ]
)
