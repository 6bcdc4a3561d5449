import TestSupport
import Foundation
import Testing

/// One `expected/plan|index766/<period>.<basis>[.<variant>].csv` of Fixtures/README.md's
/// naming rules: the command it is the exact stdout of.
struct ServiceExpected: Sendable, CustomTestStringConvertible {
    var fixture: FixtureCase
    /// `plan` or `index766`.
    var table: String
    var period: String
    var basis: String
    var variant: String?
    var file: URL

    var testDescription: String { "\(fixture.name)/\(table)/\(file.lastPathComponent)" }

    /// `--catalogue` unless the variant is `no-catalogue`, and the goals of a `goals-…` variant
    /// (`target` meaning `--target`).
    var arguments: [String] {
        var out = ["--table", table, "--period", period, "--basis", basis]
        if variant != "no-catalogue" { out += fixture.catalogueArguments }
        if variant == "fill-deadlines" { out += ["--fill-deadlines"] }
        if let variant, variant.hasPrefix("goals-") {
            for pair in variant.dropFirst("goals-".count).split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                out += parts[0] == "target" ? ["--target", parts[1]] : ["--goal", String(pair)]
            }
        }
        return out
    }
}

enum ServiceTables {
    /// Every expected plan and index766 table; the name splits at its first two dots.
    static let all: [ServiceExpected] = FixtureCatalog.cases.flatMap { fixture in
        ["plan", "index766"].flatMap { table -> [ServiceExpected] in
            let folder = fixture.expectedFolder.appendingPathComponent(table)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return files.sorted(by: FixtureCatalog.byCodePoints).compactMap { file -> ServiceExpected? in
                guard file.hasSuffix(".csv") else { return nil }
                let parts = String(file.dropLast(4)).split(separator: ".", maxSplits: 2).map(String.init)
                guard parts.count >= 2, FixtureCatalog.bases.contains(parts[1]) else { return nil }
                return ServiceExpected(fixture: fixture, table: table, period: parts[0], basis: parts[1],
                                       variant: parts.count == 3 ? parts[2] : nil, file: folder.appendingPathComponent(file))
            }
        }
    }

    /// Cases with a catalogue and an expected list of missing procedures.
    static let missing: [FixtureCase] = FixtureCatalog.cases.filter {
        FileManager.default.fileExists(atPath: $0.expectedFolder.appendingPathComponent("missing-procedures.csv").path)
    }
}

@Suite("Fixtures: the plan table and the service index")
struct ServiceFixtureTests {
    @Test("every case with a catalogue has its tables found")
    func discovery() {
        #expect(ServiceTables.all.count >= 14, "\(ServiceTables.all.map(\.testDescription))")
        for fixture in ServiceTables.missing { #expect(fixture.catalogue != nil, "\(fixture.name): no catalogue/*.csv") }
    }

    @Test("motcua's csv equals the expected table byte for byte, from files in any order",
          arguments: ServiceTables.all)
    func expectedTable(_ table: ServiceExpected) throws {
        let expected = try Data(contentsOf: table.file)
        let base = ["report", "--format", "csv"] + table.arguments
        for order in [table.fixture.inputs, table.fixture.inputs.reversed()] {
            let result = try Motcua.run(base + order, in: table.fixture.folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdoutData == expected,
                    "\(table.testDescription):\n\(lineDiff(expected: String(decoding: expected, as: UTF8.self), actual: result.stdout))")
        }
    }

    /// The store keeps every occurrence's service columns: the same bytes from a store of
    /// either engine, whatever the import order; `explain` of every total count lists what it
    /// lists from the files, and a report made from the store verifies against it.
    @Test("from a store (both engines, both import orders): the same table, explain and verify as from the files",
          arguments: ServiceTables.all, StoreEngine.allCases)
    func fromTheStore(_ table: ServiceExpected, engine: StoreEngine) throws {
        let expected = try Data(contentsOf: table.file)
        let base = ["report", "--format", "csv"] + table.arguments
        let dir = try TempDir(prefix: "motcua-service-store")
        for (label, order) in [("sorted", table.fixture.inputs), ("reversed", table.fixture.inputs.reversed())] {
            let db = try engine.freshStore(in: dir, name: "kho-\(label)")
            for input in order {
                let imported = try Motcua.run(["import", "--db", db, input], in: table.fixture.folder)
                try #require(imported.status == 0, "\(imported)")
            }
            let stored = try Motcua.run(base + ["--db", db], in: table.fixture.folder)
            #expect(stored.status == 0, "\(stored)")
            #expect(stored.stdoutData == expected,
                    "from the store, \(label):\n\(lineDiff(expected: String(decoding: expected, as: UTF8.self), actual: stored.stdout))")
            guard table.variant == nil, label == "reversed" else { continue }

            let catalogue = table.fixture.catalogueArguments
            let totals = try RFC4180.parse(String(decoding: expected, as: UTF8.self)).dropFirst()
                .filter { $0[1] == "TOTAL" && !$0[3].isEmpty }
            #expect(!totals.isEmpty)
            for row in totals {
                let explain = ["explain", "--table", table.table, "--period", table.period, "--basis", table.basis,
                               "--unit", "TOTAL", "--count", row[2] + ".numerator", "--format", "csv"] + catalogue
                let raw = try Motcua.run(explain + table.fixture.inputs, in: table.fixture.folder)
                let fromStore = try Motcua.run(explain + ["--db", db], in: table.fixture.folder)
                #expect(raw.status == 0 && fromStore.status == 0, "\(raw) \(fromStore)")
                #expect(fromStore.stdoutData == raw.stdoutData, "explain \(row[2]).numerator from the store")
                #expect(try RFC4180.parse(fromStore.stdout).count == (Int(row[3]) ?? -1) + 1, "\(row[2]): one row per dossier counted")
            }

            let json = dir.file("\(table.table).json").path
            let report = try Motcua.run(["report", "--format", "json", "--output", json, "--quiet", "--db", db]
                                        + table.arguments, in: table.fixture.folder)
            #expect(report.status == 0, "\(report)")
            for source in [["--db", db], table.fixture.inputs] {
                let verified = try Motcua.run(["verify", json] + catalogue + source, in: table.fixture.folder)
                #expect(verified.status == 0 && verified.stdout == "OK\n", "verify from \(source[0]): \(verified)")
            }
        }
    }

    @Test("the summary names the procedures the catalogue lacks, most frequent first", arguments: ServiceTables.missing)
    func missingProcedures(_ fixture: FixtureCase) throws {
        let rows = try RFC4180.parse(String(decoding: Data(contentsOf: fixture.expectedFolder
            .appendingPathComponent("missing-procedures.csv")), as: UTF8.self))
        #expect(rows.first == ["procedure", "dossiers"])
        let expected = rows.dropFirst().map { "\($0[0]): \($0[1]) dossiers" }
        let period = ServiceTables.all.first { $0.fixture.name == fixture.name }?.period ?? "2024-Q2"
        let result = try Motcua.run(["report", "--period", period, "--format", "csv", "--lang", "en"]
                                    + fixture.catalogueArguments + fixture.inputs, in: fixture.folder)
        #expect(result.status == 0, "\(result)")
        let lines = RunResult.lines(result.stderr)
        let listed: [String]
        if let start = lines.firstIndex(where: { $0.hasPrefix("Procedures used by dossiers but missing") }) {
            listed = lines[(start + 1)...].prefix { $0.hasPrefix("  ") }.map { $0.trimmingCharacters(in: .whitespaces) }
        } else {
            listed = []
        }
        #expect(listed == expected, "\(result.stderr)")
    }
}

/// Goals and the catalogue on the command line: a wrong or repeated goal is a usage error (64),
/// a catalogue that cannot be read stops the run (66), its rejects with --strict fail it (65).
@Suite struct ServiceCommandLineTests {
    static let folder = PackagePaths.fixture("plan-targets")

    @Test(arguments: [
        ["--goal", "satisfied=95", "--goal", "satisfied=96"], ["--target", "97", "--goal", "on_time=97"],
        ["--goal", "satisfaction=90"], ["--goal", "satisfied=101"], ["--goal", "satisfied"], ["--goal", "satisfied=9,5"],
    ])
    func wrongGoals(_ goals: [String]) throws {
        let result = try Motcua.run(["report", "--table", "plan", "--period", "2024-Q2", "--format", "csv"] + goals
                                    + ["cnvpdk-2024-06.csv"], in: Self.folder)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
    }

    /// A goal other than on_time's is the plan's: asked with another table it is refused,
    /// never ignored; on_time's (the target) is the KPI table's too.
    @Test(arguments: ["kpi", "index766", "06a"])
    func planGoalsWithAnotherTable(_ table: String) throws {
        let result = try Motcua.run(["report", "--table", table, "--period", "2024-Q2", "--goal", "satisfied=95", "--lang", "en",
                                     "cnvpdk-2024-06.csv"], in: Self.folder)
        #expect(result.status == 64 && result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.contains("--goal satisfied is a goal of --table plan; --table \(table) does not use it"), "\(result)")
        let onTime = try Motcua.run(["report", "--table", "kpi", "--period", "2024-Q2", "--format", "csv", "--goal", "on_time=97",
                                     "cnvpdk-2024-06.csv"], in: Self.folder)
        #expect(onTime.status == 0, "\(onTime)")
    }

    /// A breakdown (by month, or rows by field) is the KPI table's: asked of another table it is
    /// refused, naming the option given and the table (not the format, which may be fine).
    @Test(arguments: [("plan", ["--period", "2024-Q2", "--by", "field"], "--by field"),
                      ("index766", ["--period", "2024", "--breakdown", "quarter"], "--breakdown"),
                      ("resolution", ["--period", "2024-Q2", "--by", "field"], "--by field")])
    func breakdownsAreTheKPITables(_ table: String, _ options: [String], _ named: String) throws {
        let result = try Motcua.run(["report", "--table", table, "--format", "table", "--lang", "en"]
                                    + options + ["cnvpdk-2024-06.csv"], in: Self.folder)
        #expect(result.status == 64 && result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.contains("--table \(table) has no breakdown: \(named) goes with the KPI table"), "\(result)")
    }

    /// Form 06a is the KPI table's form: asked with another table it is refused, never ignored.
    @Test(arguments: ["plan", "index766"])
    func form06aIsTheKPITable(_ table: String) throws {
        let result = try Motcua.run(["report", "--table", table, "--period", "2024-Q2", "--format", "form06a",
                                     "cnvpdk-2024-06.csv"], in: Self.folder)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("--table \(table)"), "\(result.stderr)")
    }

    @Test func catalogueFaults() throws {
        let dir = try TempDir(prefix: "motcua-catalogue")
        let noCode = try dir.write("danh-muc.csv", "TenTTHC,MucDoDVC\nCấp phép,3\n").path
        let missing = dir.file("khong-co.csv").path
        for catalogue in [noCode, missing, dir.path] {
            let result = try Motcua.run(["report", "--table", "plan", "--period", "2024-Q2", "--format", "csv",
                                         "--catalogue", catalogue, "cnvpdk-2024-06.csv"], in: Self.folder)
            ErrorContract.expectInputError(result, status: 66, naming: catalogue)
        }
        let strict = try Motcua.run(["report", "--table", "plan", "--period", "2024-Q2", "--format", "csv", "--strict",
                                     "--catalogue", "catalogue/danh-muc-tthc.csv", "cnvpdk-2024-06.csv"], in: Self.folder)
        #expect(strict.status == 65, "\(strict)")
        #expect(strict.stderr.contains("catalogue/danh-muc-tthc.csv:4"), "\(strict.stderr)")
    }
}
