import TestSupport
import Foundation
import Testing

/// One folder of `Fixtures/`: input `*.csv` files and an `expected/` folder.
struct FixtureCase: Sendable, CustomTestStringConvertible {
    var name: String
    var folder: URL
    /// The input files' bare names, in Unicode code-point order.
    var inputs: [String]

    var testDescription: String { name }
    var expectedFolder: URL { folder.appendingPathComponent("expected") }
    var rejectsFile: URL { expectedFolder.appendingPathComponent("rejects.csv") }
    var hasRejects: Bool { FileManager.default.fileExists(atPath: rejectsFile.path) }

    /// `catalogue/<file>.csv`, as named from the case folder, when the case has a catalogue.
    var catalogue: String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("catalogue").path)) ?? []
        return names.filter { $0.hasSuffix(".csv") }.sorted().first.map { "catalogue/" + $0 }
    }

    /// `--catalogue catalogue/<file>.csv`, or nothing.
    var catalogueArguments: [String] { catalogue.map { ["--catalogue", $0] } ?? [] }
}

/// One `expected/<period>.<basis>.csv`: the exact stdout of
/// `motcua report --period <period> --basis <basis> --format csv <inputs>` run in the case folder.
struct ExpectedTable: Sendable, CustomTestStringConvertible {
    var fixture: FixtureCase
    var period: String
    var basis: String
    var file: URL

    var testDescription: String { "\(fixture.name)/\(period).\(basis)" }
}

/// Finds the fixtures at run time, from this file's place in the package.
enum FixtureCatalog {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MotcuaTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
    static let root = packageRoot.appendingPathComponent("Fixtures")
    static let bases = ["decree09", "calendar"]

    static func byCodePoints(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    static func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }

    static let cases: [FixtureCase] = {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: root.path) else { return [] }
        return names.sorted(by: byCodePoints).compactMap { name in
            let folder = root.appendingPathComponent(name)
            guard !name.hasPrefix("."), isDirectory(folder),
                  isDirectory(folder.appendingPathComponent("expected")) else { return nil }
            let inputs = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.lowercased().hasSuffix(".csv") && !isDirectory(folder.appendingPathComponent($0)) }
                .sorted(by: byCodePoints)
            return FixtureCase(name: name, folder: folder, inputs: inputs)
        }
    }()

    static let tables: [ExpectedTable] = cases.flatMap { fixture -> [ExpectedTable] in
        let files = (try? FileManager.default.contentsOfDirectory(atPath: fixture.expectedFolder.path)) ?? []
        return files.sorted(by: byCodePoints).compactMap { file in
            guard file.hasSuffix(".csv"), file != "rejects.csv" else { return nil }
            let stem = String(file.dropLast(4))
            guard let dot = stem.lastIndex(of: ".") else { return nil }
            let basis = String(stem[stem.index(after: dot)...])
            guard bases.contains(basis) else { return nil }
            return ExpectedTable(fixture: fixture, period: String(stem[..<dot]), basis: basis,
                                 file: fixture.expectedFolder.appendingPathComponent(file))
        }
    }

    /// Expected files that follow no naming rule: a typo would silently skip a case.
    static let strays: [String] = cases.flatMap { fixture -> [String] in
        let files = (try? FileManager.default.contentsOfDirectory(atPath: fixture.expectedFolder.path)) ?? []
        let known = Set(["rejects.csv", "missing-procedures.csv", "plan", "index766", "rollup"] + DeadlineExpected.kinds)
        let top = files.filter { file in
            !known.contains(file) && !tables.contains { $0.file.lastPathComponent == file && $0.fixture.name == fixture.name }
        }.map { "\(fixture.name)/expected/\($0)" }
        let nested = (ServiceTables.all.map(\.file) + DeadlineTables.all.map(\.file)).map(\.path)
        let inFolders = (["plan", "index766"] + DeadlineExpected.kinds).flatMap { table -> [String] in
            let folder = fixture.expectedFolder.appendingPathComponent(table)
            return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .map { folder.appendingPathComponent($0).path }
                .filter { !nested.contains($0) }
                .map { "\(fixture.name)/expected/\(table)/\(URL(fileURLWithPath: $0).lastPathComponent)" }
        }
        return top + inFolders
    }
}

/// A readable difference between two texts, line by line.
func lineDiff(expected: String, actual: String) -> String {
    let e = RunResult.lines(expected), a = RunResult.lines(actual)
    var out: [String] = []
    for i in 0..<max(e.count, a.count) {
        let l = i < e.count ? e[i] : "<none>", r = i < a.count ? a[i] : "<none>"
        if l != r { out.append("line \(i + 1):\n  expected: \(l)\n  motcua:   \(r)") }
    }
    if out.isEmpty, expected != actual { out.append("same lines, different bytes (line endings or final newline)") }
    return out.joined(separator: "\n")
}

@Suite("Fixtures")
struct FixtureTests {
    @Test("fixture cases are found, each with inputs and expected tables")
    func discovery() throws {
        #expect(!FixtureCatalog.cases.isEmpty, "no case folder under \(FixtureCatalog.root.path)")
        for fixture in FixtureCatalog.cases {
            #expect(!fixture.inputs.isEmpty, "\(fixture.name): no input *.csv")
            #expect(FixtureCatalog.tables.contains { $0.fixture.name == fixture.name } || fixture.hasRejects,
                    "\(fixture.name): nothing expected")
        }
        #expect(FixtureCatalog.strays.isEmpty, "expected files named neither <period>.<basis>.csv nor rejects.csv: \(FixtureCatalog.strays)")
    }

    static func report(_ table: ExpectedTable, inputs: [String], extra: [String] = []) throws -> RunResult {
        try Motcua.run(["report", "--period", table.period, "--basis", table.basis, "--format", "csv"] + extra + inputs,
                       in: table.fixture.folder)
    }

    @Test("motcua's csv equals the expected table byte for byte, in any input order", arguments: FixtureCatalog.tables)
    func expectedTable(_ table: ExpectedTable) throws {
        let expected = try Data(contentsOf: table.file)
        let forward = try Self.report(table, inputs: table.fixture.inputs)
        #expect(forward.status == 0, "\(forward)")
        #expect(forward.stdoutData == expected,
                "\(table.testDescription) differs:\n\(lineDiff(expected: String(decoding: expected, as: UTF8.self), actual: forward.stdout))")

        let reversed = try Self.report(table, inputs: table.fixture.inputs.reversed())
        #expect(reversed.status == 0, "\(reversed)")
        #expect(reversed.stdoutData == forward.stdoutData,
                "input order changes the table:\n\(lineDiff(expected: forward.stdout, actual: reversed.stdout))")

        try KPICSV(forward.stdout).expectConsistent(context: table.testDescription)
        // The expected file itself must satisfy the identities too.
        try KPICSV(String(decoding: expected, as: UTF8.self)).expectConsistent(context: "expected \(table.testDescription)")
    }

    struct Triple: Hashable, Comparable, CustomStringConvertible {
        var file: String
        var line: Int
        var field: String
        static func < (l: Self, r: Self) -> Bool {
            if l.file != r.file { return FixtureCatalog.byCodePoints(l.file, r.file) }
            if l.line != r.line { return l.line < r.line }
            return FixtureCatalog.byCodePoints(l.field, r.field)
        }
        var description: String { "\(file),\(line),\(field)" }
    }

    @Test("the rejects output names the expected (file, line, field)s",
          arguments: FixtureCatalog.cases.filter(\.hasRejects))
    func expectedRejects(_ fixture: FixtureCase) throws {
        let expectedRows = try RFC4180.parse(String(decoding: Data(contentsOf: fixture.rejectsFile), as: UTF8.self))
        #expect(expectedRows.first == ["file", "line", "field"], "expected/rejects.csv header")
        let expected = try expectedRows.dropFirst().map { row in
            try #require(row.count == 3, "expected/rejects.csv row \(row)")
            return Triple(file: row[0], line: Int(row[1]) ?? -1, field: row[2])
        }
        let scratch = try TempDir()
        let period = FixtureCatalog.tables.first { $0.fixture.name == fixture.name }?.period ?? "2023-Q1"
        for order in [fixture.inputs, fixture.inputs.reversed()] {
            let out = scratch.file("rejects-\(order.first ?? "").csv").path
            let result = try Motcua.run(["report", "--period", period, "--format", "csv", "--rejects", out]
                                        + fixture.catalogueArguments + order, in: fixture.folder)
            #expect(result.status == 0, "\(result)")
            let rows = try RejectsOutputTests.readRejects(String(decoding: Data(contentsOf: URL(fileURLWithPath: out)),
                                                                 as: UTF8.self))
            let got = rows.map { Triple(file: $0[0], line: Int($0[1]) ?? -1, field: $0[2]) }
            #expect(got.sorted() == expected.sorted(),
                    "\(fixture.name): only motcua: \(Set(got).subtracting(expected).sorted()); only expected: \(Set(expected).subtracting(got).sorted())")
            for row in rows {
                #expect(fixture.inputs.contains(row[0]) || row[0] == fixture.catalogue, "rejects file names '\(row[0])'")
            }
        }
        // check agrees: 65 exactly when something is rejected.
        let check = try Motcua.run(["check"] + fixture.catalogueArguments + fixture.inputs, in: fixture.folder)
        #expect(check.status == (expected.isEmpty ? 0 : 65), "\(check)")
    }
}
