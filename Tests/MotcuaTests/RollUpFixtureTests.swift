import TestSupport
import Foundation
import Testing

/// One `expected/rollup/[<table>/]<period>.<basis>.<by>.csv`: the exact stdout of
/// `motcua report [--table <table>] --period <period> --basis <basis> --units units/<file>.csv
/// --by <by> --format csv ./*.csv`, run in the case folder.
struct RollUpExpected: Sendable, CustomTestStringConvertible {
    var fixture: FixtureCase
    /// `kpi`, `plan` or `index766`.
    var table: String
    var period: String
    var basis: String
    var by: String
    var units: String
    var file: URL

    var testDescription: String { "\(fixture.name)/rollup/\(table)/\(file.lastPathComponent)" }

    var arguments: [String] {
        ["report", "--table", table, "--period", period, "--basis", basis, "--units", units, "--by", by, "--format", "csv", "-q"]
    }

    static let all: [RollUpExpected] = FixtureCatalog.cases.flatMap { fixture -> [RollUpExpected] in
        let fm = FileManager.default
        let unitsFolder = fixture.folder.appendingPathComponent("units")
        guard let units = ((try? fm.contentsOfDirectory(atPath: unitsFolder.path)) ?? []).filter({ $0.hasSuffix(".csv") }).first
        else { return [] }
        let root = fixture.expectedFolder.appendingPathComponent("rollup")
        return [("kpi", root), ("plan", root.appendingPathComponent("plan")), ("index766", root.appendingPathComponent("index766"))]
            .flatMap { table, folder -> [RollUpExpected] in
                ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".csv") }.sorted().compactMap { name in
                    let parts = String(name.dropLast(4)).split(separator: ".", maxSplits: 2).map(String.init)
                    guard parts.count == 3 else { return nil }
                    return RollUpExpected(fixture: fixture, table: table, period: parts[0], basis: parts[1], by: parts[2],
                                          units: "units/" + units, file: folder.appendingPathComponent(name))
                }
            }
    }
}

/// A rolled-up csv read back: its rows by kind, and the count columns of each.
struct RolledCSV {
    var header: [String]
    var rows: [[String: String]]

    init(_ text: String) throws {
        let records = try RFC4180.parse(text)
        let header = try #require(records.first)
        self.header = header
        rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// Adds the counts of `rows` column by column (KPI count columns).
    static func sum(_ rows: [[String: String]]) -> [String: Int] {
        var out: [String: Int] = [:]
        for row in rows { for column in KPICSV.countColumns { out[column, default: 0] += Int(row[column] ?? "") ?? 0 } }
        return out
    }

    static func counts(_ row: [String: String]) -> [String: Int] { sum([row]) }
}

@Suite("Fixtures: units in a hierarchy, roll-ups")
struct RollUpFixtureTests {
    @Test("the roll-up fixtures are found")
    func discovery() {
        #expect(RollUpExpected.all.count >= 5, "\(RollUpExpected.all.map(\.testDescription))")
    }

    @Test("motcua's rolled-up csv equals the hand-checked table, in any input order", arguments: RollUpExpected.all)
    func expected(_ table: RollUpExpected) throws {
        let expected = try Data(contentsOf: table.file)
        for inputs in [table.fixture.inputs, table.fixture.inputs.reversed()] {
            let run = try Motcua.run(table.arguments + inputs, in: table.fixture.folder)
            #expect(run.status == 0, "\(run)")
            #expect(run.stdoutData == expected,
                    "\(table.testDescription):\n\(lineDiff(expected: String(decoding: expected, as: UTF8.self), actual: run.stdout))")
        }
    }

    /// The KPI roll-ups' identities: each subtotal is the sum of its units, each row's rates come
    /// from its counts, the units, the subtotals, and the roll-up rows with the units outside
    /// each sum to TOTAL, and TOTAL is the by-unit table's.
    @Test("identities: subtotal = sum of its children, grand total unchanged by the roll-up",
          arguments: RollUpExpected.all.filter { $0.table == "kpi" && $0.by != "unit" })
    func identities(_ table: RollUpExpected) throws {
        let csv = try RolledCSV(String(decoding: Data(contentsOf: table.file), as: UTF8.self))
        #expect(csv.header == ["period", "kind", "unit", "parent", "level"] + KPICSV.columns.dropFirst(2))
        var group: [[String: String]] = []
        var subtotals = 0
        for row in csv.rows {
            let c = RolledCSV.counts(row)
            let n = { (name: String) in c[name] ?? 0 }
            #expect(row["on_time_rate"] == KPICSV.rate(n("resolved_early") + n("resolved_on_time"), n("resolved")), "\(row)")
            #expect(row["progress_rate"] == KPICSV.rate(n("resolved_early") + n("resolved_on_time") + n("pending")
                                                        - n("pending_overdue"), n("carried_over") + n("received_new")), "\(row)")
            #expect(row["online_rate"] == KPICSV.rate(n("received_online"), n("received_new")), "\(row)")
            switch row["kind"] {
            case "unit": group.append(row)
            case "subtotal":
                subtotals += 1
                #expect(!group.isEmpty, "a subtotal with no unit above it: \(row)")
                #expect(RolledCSV.sum(group) == c, "subtotal \(row["unit"] ?? "") is not the sum of its units")
                let parent = row["unit"] == "NO_PARENT" ? "" : row["unit"]
                for unit in group { #expect(unit["parent"] == parent, "\(unit["unit"] ?? "") listed under \(row["unit"] ?? "")") }
                group = []
            default: break
            }
        }
        #expect(group.isEmpty, "units after the last subtotal")
        let total = try #require(csv.rows.last)
        #expect(total["kind"] == "total" && total["unit"] == "TOTAL")
        let body = csv.rows.dropLast()
        if table.by == "parent" {
            #expect(subtotals > 0)
            #expect(RolledCSV.sum(body.filter { $0["kind"] == "unit" }) == RolledCSV.counts(total))
            #expect(RolledCSV.sum(body.filter { $0["kind"] == "subtotal" }) == RolledCSV.counts(total))
        } else {
            #expect(body.allSatisfy { $0["kind"] == "rollup" || $0["kind"] == "outside" })
            #expect(RolledCSV.sum(Array(body)) == RolledCSV.counts(total))
        }
        // The grand total is the by-unit table's, figure for figure.
        let byUnit = try Motcua.run(["report", "--period", table.period, "--basis", table.basis, "--format", "csv", "-q",
                                     "--units", table.units] + table.fixture.inputs, in: table.fixture.folder)
        let unitTotal = try #require(try KPICSV(byUnit.stdout).total)
        for column in KPICSV.columns.dropFirst(2) { #expect(total[column] == unitTotal[column], "TOTAL \(column)") }
        // A unit outside the level keeps its own row, figure for figure.
        for row in body where row["kind"] == "outside" {
            let own = try #require(try KPICSV(byUnit.stdout).row(row["unit"] ?? ""))
            for column in KPICSV.columns.dropFirst(2) { #expect(row[column] == own[column], "\(row["unit"] ?? "") \(column)") }
        }
    }

    @Test("a plan or index roll-up's subtotals sum their units' numerators and denominators",
          arguments: RollUpExpected.all.filter { $0.table != "kpi" })
    func serviceSums(_ table: RollUpExpected) throws {
        let csv = try RolledCSV(String(decoding: Data(contentsOf: table.file), as: UTF8.self))
        let item = table.table == "plan" ? "target" : "indicator"
        var sums: [String: [String: Int]] = [:]  // kind → "item.numerator" → sum
        for row in csv.rows where row[item] != "total" {
            for part in ["numerator", "denominator"] {
                let key = (row[item] ?? "") + "." + part
                sums[row["kind"] ?? "", default: [:]][key, default: 0] += Int(row[part] ?? "") ?? 0
            }
        }
        let total = sums["total"] ?? [:]
        #expect(!total.isEmpty)
        if table.by == "parent" {
            #expect(sums["unit"] == total && sums["subtotal"] == total)
        } else {
            var rolled = sums["rollup"] ?? [:]
            for (key, n) in sums["outside"] ?? [:] { rolled[key, default: 0] += n }
            #expect(rolled == total)
        }
    }

    @Test("the same roll-ups from the store as from the files")
    func fromTheStore() throws {
        let scratch = try TempDir()
        let tables = RollUpExpected.all
        let fixture = try #require(tables.first?.fixture)
        let store = scratch.file("store.sqlite").path
        let imported = try Motcua.run(["import", "--db", store] + fixture.inputs, in: fixture.folder)
        #expect(imported.status == 0, "\(imported)")
        for table in tables where table.fixture.name == fixture.name {
            let run = try Motcua.run(table.arguments + ["--db", store], in: fixture.folder)
            #expect(run.status == 0, "\(run)")
            #expect(run.stdoutData == (try Data(contentsOf: table.file)), "\(table.testDescription) from the store")
        }
    }
}
