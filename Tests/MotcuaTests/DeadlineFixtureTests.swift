import TestSupport
import Foundation
import Testing

/// One expected file of issue 13 (Fixtures/README.md, "Naming rules of the working-day
/// outputs"): the command whose exact stdout it is.
struct DeadlineExpected: Sendable, CustomTestStringConvertible {
    /// `kpi-fill-deadlines`, `late`, `due-within`, `resolution`, `deadlines` or `calendar`.
    static let kinds = ["kpi-fill-deadlines", "late", "due-within", "resolution", "deadlines", "calendar"]

    var fixture: FixtureCase
    var kind: String
    /// The name's parts: period (or as-of, or year), basis (or N), variant.
    var first: String
    var second: String?
    var variant: String?
    var file: URL

    var testDescription: String { "\(fixture.name)/\(kind)/\(file.lastPathComponent)" }

    var words: [String] { variant.map { $0.split(separator: "+").map(String.init) } ?? [] }

    /// `--fill-deadlines --catalogue CAT` and `--calendar CAL`, as the variant's words say.
    var variantArguments: [String] {
        var out: [String] = []
        if words.contains("fill-deadlines") { out += ["--fill-deadlines"] + fixture.catalogueArguments }
        if words.contains("override") { out += ["--calendar", "calendar/" + (fixture.calendarFile ?? "")] }
        return out
    }

    /// The command, without the input files.
    var arguments: [String] {
        let second = self.second ?? ""
        switch kind {
        case "kpi-fill-deadlines":
            let calendar = words.contains("override") ? ["--calendar", "calendar/" + (fixture.calendarFile ?? "")] : []
            return ["report", "--period", first, "--basis", second, "--fill-deadlines"] + fixture.catalogueArguments + calendar
                + ["--format", "csv"]
        case "late": return ["late", "--period", first, "--basis", second] + variantArguments + ["--format", "csv"]
        case "due-within": return ["late", "--due-within", second, "--as-of", asOf] + variantArguments + ["--format", "csv"]
        case "resolution": return ["report", "--table", "resolution", "--period", first, "--basis", second] + variantArguments
            + ["--format", "csv"]
        case "deadlines": return ["deadlines", "--period", first, "--basis", second] + fixture.catalogueArguments
            + variantArguments + ["--format", "csv"]
        default: return ["calendar", first] + variantArguments + ["--format", "csv"]
        }
    }

    /// `yyyy-MM-dd` or `yyyy-MM-dd_HH-mm-ss` as `--as-of` takes it.
    var asOf: String {
        let parts = first.split(separator: "_").map(String.init)
        return parts.count == 2 ? parts[0] + " " + parts[1].replacingOccurrences(of: "-", with: ":") : first
    }

    /// The KPI table with the same period, basis and options (for the late lists' identity).
    var kpiArguments: [String] {
        ["report", "--period", first, "--basis", second ?? ""] + variantArguments + ["--format", "csv"]
    }
}

extension FixtureCase {
    /// The case's `calendar/*.csv` file name, if any.
    var calendarFile: String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("calendar").path)) ?? []
        return names.filter { $0.hasSuffix(".csv") }.sorted().first
    }
}

enum DeadlineTables {
    /// Every expected file of the issue-13 folders; a name splits at its first two dots (a
    /// calendar's at its first).
    static let all: [DeadlineExpected] = FixtureCatalog.cases.flatMap { fixture in
        DeadlineExpected.kinds.flatMap { kind -> [DeadlineExpected] in
            let folder = fixture.expectedFolder.appendingPathComponent(kind)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return files.sorted(by: FixtureCatalog.byCodePoints).compactMap { file -> DeadlineExpected? in
                guard file.hasSuffix(".csv") else { return nil }
                let stem = String(file.dropLast(4))
                let parts = stem.split(separator: ".", maxSplits: kind == "calendar" ? 1 : 2).map(String.init)
                if kind == "calendar" {
                    return DeadlineExpected(fixture: fixture, kind: kind, first: parts[0], second: nil,
                                            variant: parts.count == 2 ? parts[1] : nil, file: folder.appendingPathComponent(file))
                }
                guard parts.count >= 2 else { return nil }
                return DeadlineExpected(fixture: fixture, kind: kind, first: parts[0], second: parts[1],
                                        variant: parts.count == 3 ? parts[2] : nil, file: folder.appendingPathComponent(file))
            }
        }
    }

    static let withInputs = all.filter { $0.kind != "calendar" }
    static let calendars = all.filter { $0.kind == "calendar" }
    static let lateLists = all.filter { $0.kind == "late" }
}

@Suite("Fixtures: deadlines, late lists, resolution time, the audit, the calendar")
struct DeadlineFixtureTests {
    @Test("every issue-13 expected file is found")
    func discovery() {
        let kinds = Set(DeadlineTables.all.map(\.kind))
        #expect(kinds == Set(DeadlineExpected.kinds), "\(kinds)")
        #expect(DeadlineTables.all.count >= 26, "\(DeadlineTables.all.map(\.testDescription))")
    }

    @Test("motcua's csv equals the expected file byte for byte, from files in both orders and from the store",
          arguments: DeadlineTables.withInputs)
    func expectedFile(_ table: DeadlineExpected) throws {
        let expected = try Data(contentsOf: table.file)
        let diff = { (actual: RunResult) in lineDiff(expected: String(decoding: expected, as: UTF8.self), actual: actual.stdout) }
        for order in [table.fixture.inputs, table.fixture.inputs.reversed()] {
            let result = try Motcua.run(table.arguments + order, in: table.fixture.folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdoutData == expected, "\(table.testDescription):\n\(diff(result))")
        }
        let dir = try TempDir(prefix: "motcua-deadline-store")
        let db = dir.file("kho.sqlite").path
        for input in table.fixture.inputs.reversed() {
            let imported = try Motcua.run(["import", "--db", db, input], in: table.fixture.folder)
            try #require(imported.status == 0, "\(imported)")
        }
        let stored = try Motcua.run(table.arguments + ["--db", db], in: table.fixture.folder)
        #expect(stored.status == 0, "\(stored)")
        #expect(stored.stdoutData == expected, "from the store:\n\(diff(stored))")
    }

    @Test("each unit's late rows equal its resolved_late + pending_overdue, with the same options",
          arguments: DeadlineTables.lateLists)
    func lateListIdentity(_ table: DeadlineExpected) throws {
        let late = try Motcua.run(table.arguments + table.fixture.inputs, in: table.fixture.folder)
        let kpi = try Motcua.run(table.kpiArguments + table.fixture.inputs, in: table.fixture.folder)
        try #require(late.status == 0 && kpi.status == 0, "\(late)\n\(kpi)")
        let rows = try RFC4180.parse(late.stdout)
        #expect(rows.first?.first == "unit")
        var perUnit: [String: Int] = [:]
        for row in rows.dropFirst() { perUnit[row[0], default: 0] += 1 }
        let counts = try KPICSV(kpi.stdout)
        var expected: [String: Int] = [:]
        for row in counts.units {
            let n = (row.count("resolved_late") ?? 0) + (row.count("pending_overdue") ?? 0)
            if n > 0 { expected[row.unit] = n }
        }
        #expect(perUnit == expected, "\(table.testDescription)")
        // The late list's kinds split the same way.
        for row in counts.units {
            let kinds = rows.dropFirst().filter { $0[0] == row.unit }.map { $0[4] }
            #expect(kinds.filter { $0 == "resolved_late" }.count == row.count("resolved_late") ?? 0, "\(row.unit)")
            #expect(kinds.filter { $0 == "pending_overdue" }.count == row.count("pending_overdue") ?? 0, "\(row.unit)")
        }
    }

    @Test("the calendar listing: date and kind byte for byte, the source naming its document", arguments: DeadlineTables.calendars)
    func calendarListing(_ table: DeadlineExpected) throws {
        let result = try Motcua.run(table.arguments, in: table.fixture.folder)
        #expect(result.status == 0, "\(result)")
        let expected = try RFC4180.parse(String(decoding: Data(contentsOf: table.file), as: UTF8.self))
        let got = try RFC4180.parse(result.stdout)
        #expect(got.map { Array($0.prefix(2)) } == expected.map { Array($0.prefix(2)) }, "\(table.testDescription)")
        for (row, want) in zip(got.dropFirst(), expected.dropFirst()) {
            let source = row[2], document = want[2]
            #expect(!source.isEmpty)
            for notice in ["8056/VPCP-KGVX", "5015/TB-LĐTBXH", "2450/VPCP-KGVX"] where document.contains(notice) {
                #expect(source.contains(notice), "\(row) should name \(notice)")
            }
            if document.hasPrefix("Bộ luật Lao động") {
                #expect(source.contains("Bộ luật Lao động") || source.contains("/"), "\(row)")
            }
            if document.hasPrefix("Ví dụ") { #expect(source.contains(document), "\(row)") }
        }
    }

    @Test("a late list shows no applicant's name or phone, in any format")
    func noPersonalData() throws {
        let folder = PackagePaths.fixture("late-lists")
        let inputs = FixtureCatalog.cases.first { $0.name == "late-lists" }?.inputs ?? []
        for format in ["csv", "table", "md", "html"] {
            let result = try Motcua.run(["late", "--period", "2024-Q1", "--format", format] + inputs, in: folder)
            #expect(result.status == 0, "\(result)")
            for secret in ["Trần Văn An", "0912000101", "Mạc Văn Nam", "0912000310"] {
                #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "\(format) shows \(secret)")
            }
        }
    }
}
