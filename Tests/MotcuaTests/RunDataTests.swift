import TestSupport
import Foundation
import Testing

/// Issue 10: `motcua run` writes what the data covers, marks what it does not, versions only
/// figures that change, runs the shipped example as it is, and says which aliases it applied.
@Suite("motcua run and the data", .serialized)
struct RunDataTests {
    private func setUp(months: ClosedRange<Int>, config: String = "") throws -> TempDir {
        let dir = try TempDir(prefix: "motcua-e2e-data")
        for folder in ["inbox", "archive", "reports"] {
            try FileManager.default.createDirectory(at: dir.file(folder), withIntermediateDirectories: true)
        }
        for month in months { try dir.write("inbox/2023-\(String(format: "%02d", month)).csv", RunCommandTests.monthFile(month)) }
        try dir.write("motcua.toml", "store = \"kho.sqlite\"\nformats = [\"csv\", \"json\", \"table\", \"md\", \"html\", \"form06a\"]\n"
                      + "periods = [\"quarter\", \"half\"]\n" + config)
        return dir
    }

    private func run(_ dir: TempDir, _ extra: [String] = []) throws -> RunResult {
        try Motcua.run(["run", "--config", dir.file("motcua.toml").path] + extra, in: dir.url, timeout: 120)
    }

    private func reports(_ dir: TempDir) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.file("reports").path) {
            out[name] = try Data(contentsOf: dir.file("reports/\(name)"))
        }
        return out
    }

    /// Exports up to 20 March: decree 09's 2023-Q1 (to 14/03) is covered, 2023-Q2 (from 15/03)
    /// is not, whatever the machine's clock: no file of 2023-Q2, nor of any later period.
    @Test func dataEndingMidQuarterWritesNoReportOfThatQuarter() throws {
        let dir = try setUp(months: 1...3)
        let result = try run(dir)
        #expect(result.status == 0, "\(result)")
        let names = try reports(dir).keys
        #expect(names.contains("2023-Q1.decree09.csv"))
        #expect(!names.contains { $0.hasPrefix("2023-Q2") || $0.hasPrefix("2023-H1") || $0.hasPrefix("2023-Q3") || $0.hasPrefix("2024") },
                "\(names.sorted())")
        #expect(result.stderr.contains("kỳ 2023-Q2 chưa đủ số liệu"), "the log says why: \(result)")
    }

    /// The index counts by calendar quarters, which end after decree 09's: data to 20 March
    /// covers decree 09's 2023-Q1 (to 14/03) and not the calendar one (to 31/03), so the
    /// index of 2023-Q1 is only ever provisional, and form 06a is written for the KPI table
    /// alone (a plan or an index has no form 06a).
    @Test func theIndexIsCoveredOnItsOwnCalendar() throws {
        let dir = try setUp(months: 1...3, config: "tables = [\"kpi\", \"index766\"]\n")
        #expect(try run(dir).status == 0)
        var names = try reports(dir).keys.sorted()
        #expect(names.contains("2023-Q1.decree09.csv") && names.contains("2023-Q1.decree09.06a.txt"), "\(names)")
        #expect(!names.contains { $0.contains("index766") }, "\(names)")
        #expect(try run(dir, ["--provisional"]).status == 0)
        names = try reports(dir).keys.sorted()
        #expect(names.contains("2023-Q1.calendar.index766.provisional.csv"), "\(names)")
        #expect(!names.contains { $0.contains("index766") && !$0.contains("provisional") }, "\(names)")
        #expect(!names.contains { $0.hasPrefix("2023-Q2.calendar") }, "a period after the data: \(names)")
        #expect(!names.contains { $0.contains("index766") && $0.contains("06a") }, "\(names)")
    }

    /// `--provisional` writes the open period too, marked in its file names, in the json, and
    /// in the title of every people's format; the csv keeps the spec's 20 columns. Newer data
    /// replaces it (no version); the final report removes it.
    @Test func provisionalReportsAreMarkedReplacedAndRemoved() throws {
        let dir = try setUp(months: 1...3)
        #expect(try run(dir, ["--provisional"]).status == 0)
        let stem = "reports/2023-Q2.decree09.provisional"
        for ext in ["csv", "json", "txt", "md", "html", "06a.txt"] { #expect(dir.exists("\(stem).\(ext)"), "\(ext)") }
        let csv = try dir.read("\(stem).csv")
        #expect(csvRecords(csv).allSatisfy { $0.count == 20 })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dir.read("\(stem).json").utf8)) as? [String: Any])
        #expect(json["provisional"] as? Bool == true)
        #expect((json["manifest"] as? [String: Any])?["provisional"] as? Bool == true)
        #expect(try dir.read("\(stem).txt").hasPrefix("TẠM TÍNH — số liệu chưa đủ kỳ\n"))
        #expect(try dir.read("\(stem).md").hasPrefix("**TẠM TÍNH — số liệu chưa đủ kỳ**"))
        #expect(try dir.read("\(stem).06a.txt").hasPrefix("TẠM TÍNH — số liệu chưa đủ kỳ\n"))
        #expect(try dir.read("\(stem).html").contains("<title>TẠM TÍNH — số liệu chưa đủ kỳ — "))
        #expect(!(try dir.read("reports/2023-Q1.decree09.txt")).contains("TẠM TÍNH"), "a final report is not marked")

        // April's export: newer data for the open quarter replaces its provisional report.
        let before = try dir.read("\(stem).csv")
        try dir.write("inbox/2023-04.csv", RunCommandTests.monthFile(4))
        #expect(try run(dir, ["--provisional"]).status == 0)
        #expect(try dir.read("\(stem).csv") != before)
        let replaced = try reports(dir).keys
        #expect(!replaced.contains { $0.contains(".provisional.v") || $0.contains("Q2.decree09.v") }, "\(replaced.sorted())")

        // May and June: Q2 is covered; its final report is written and the provisional one removed.
        for month in 5...6 { try dir.write("inbox/2023-0\(month).csv", RunCommandTests.monthFile(month)) }
        #expect(try run(dir, ["--provisional"]).status == 0)
        let names = try reports(dir).keys
        #expect(names.contains("2023-Q2.decree09.csv"))
        #expect(!names.contains { $0.hasPrefix("2023-Q2.decree09.provisional") }, "\(names.sorted())")
        #expect(names.contains("2023-Q3.decree09.provisional.csv"))
    }

    /// A unit spelt in capitals in a later export: the same dossiers, the same figures, another
    /// spelling. The rerun writes nothing: no version, no file rewritten.
    @Test func aSpellingChangeAloneMakesNoVersion() throws {
        let dir = try setUp(months: 1...3)
        #expect(try run(dir).status == 0)
        let before = try reports(dir)
        // Named to sort after 2023-03.csv: with the same as-of, its rows win, and its spelling names the unit.
        try dir.write("inbox/2023-03z.csv", RunCommandTests.monthFile(3).replacingOccurrences(of: "UBND xã A", with: "UBND XÃ A"))
        let again = try run(dir)
        let fresh = try Motcua.run(["report", "--db", dir.file("kho.sqlite").path, "--period", "2023-Q1", "--format", "csv", "-q"],
                                   in: dir.url)
        #expect(fresh.stdout.contains("UBND XÃ A") && !fresh.stdout.contains("UBND xã A"), "the spelling changed: \(fresh)")
        #expect(again.status == 0, "\(again)")
        let after = try reports(dir)
        #expect(after == before, "a spelling change made files: \(after.keys.sorted())")
        #expect(again.stderr.contains("đã nhập"), "the file was imported: \(again)")
    }

    /// A setting that changes no figure shown makes no version: `--compare` when only csv is
    /// written, an alias that moves no dossier. One that moves dossiers does.
    @Test func aSettingThatChangesNoFigureShownMakesNoVersion() throws {
        let dir = try setUp(months: 1...3)
        try dir.write("motcua.toml", "store = \"kho.sqlite\"\nformats = [\"csv\"]\nperiods = [\"quarter\"]\n")
        #expect(try run(dir).status == 0)
        let before = try reports(dir)
        let compared = try run(dir, ["--compare", "none", "--lang", "en"])
        #expect(compared.status == 0 && !compared.stderr.contains("changed"), "\(compared)")
        try dir.write("motcua.toml", "store = \"kho.sqlite\"\nformats = [\"csv\"]\nperiods = [\"quarter\"]\n[aliases]\n\"Nobody\" = \"UBND xã A\"\n")
        #expect(try run(dir).status == 0)
        #expect(try reports(dir) == before, "no version, no rewrite")
        try dir.write("motcua.toml", "store = \"kho.sqlite\"\nformats = [\"csv\"]\nperiods = [\"quarter\"]\n[aliases]\n\"Phòng B\" = \"UBND xã A\"\n")
        #expect(try run(dir).status == 0)
        #expect(try reports(dir).keys.contains { $0.contains(".v1.") }, "the rows moved: a version")
    }

    /// A stamp an earlier motcua wrote (a `compare` line whatever the formats, an `aliases`
    /// line) makes no version once upgraded, whatever the formats (no csv among them too).
    @Test(arguments: ["formats = [\"csv\"]", "formats = [\"json\", \"html\"]"])
    func anUpgradeAloneMakesNoVersion(formats: String) throws {
        let dir = try setUp(months: 1...3)
        try dir.write("motcua.toml", "store = \"kho.sqlite\"\n\(formats)\nperiods = [\"quarter\"]\n")
        #expect(try run(dir).status == 0)
        let stamp = dir.file("reports/2023-Q1.decree09.figures")
        var lines = try String(contentsOf: stamp, encoding: .utf8).components(separatedBy: "\n")
        if !lines[3].hasPrefix("compare ") { lines.insert("compare previous", at: 3) }
        lines.insert("aliases ", at: 4)
        try lines.joined(separator: "\n").write(to: stamp, atomically: false, encoding: .utf8)
        let before = try reports(dir).keys.sorted()
        let again = try run(dir, ["--lang", "en"])
        #expect(again.status == 0 && !again.stderr.contains("changed"), "\(again)")
        #expect(try reports(dir).keys.sorted() == before)
    }

    /// Aliases are named in the log with the dossiers each moved; one that moved none is said too.
    @Test func theLogNamesTheAliasesApplied() throws {
        let dir = try setUp(months: 1...1, config: "[aliases]\n\"Phòng B\" = \"Phòng Tư pháp\"\n\"Phòng Không Có\" = \"Phòng C\"\n")
        let result = try run(dir, ["--lang", "en"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("alias: Phòng B → Phòng Tư pháp: 5 dossiers"), "\(result)")
        #expect(result.stderr.contains("alias Phòng Không Có → Phòng C: no export spells a unit so"), "\(result)")
    }

    /// The catalogue's rejected rows and the procedures it lacks are in the log, as `report`
    /// prints them: a run has no rejects file, and a dossier left out of a figure must be seen.
    @Test func theLogNamesCatalogueRejectsAndMissingProcedures() throws {
        let dir = try setUp(months: 1...1, config: "tables = [\"kpi\", \"plan\"]\ncatalogue = \"danh-muc.csv\"\n")
        try dir.write("inbox/2023-01-thu-tuc.csv", """
            MaHoSo,MaTTHC,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo
            T-1,P1,UBND xã A,2,20230103080000,20230110170000,20230105100000,,10
            T-2,P9,UBND xã A,2,20230103080000,20230110170000,20230105100000,,10
            T-3,P9,UBND xã A,1,20230104080000,20230110170000,,,4
            T-4,P8,Phòng B,1,20230104080000,20230110170000,,,4

            """)
        try dir.write("danh-muc.csv", "MaTTHC,MucDoDVC\nP1,toàn trình\nP2,5\nP1,4\n")
        let result = try run(dir, ["--lang", "en"])
        #expect(result.status == 0, "\(result)")
        let log = result.stderr
        // The catalogue is named by the path the configuration resolves.
        #expect(log.contains("/danh-muc.csv: 3 rows read, 1 procedures, 2 rows rejected"), "\(log)")
        #expect(log.contains("/danh-muc.csv, line 3: rejected: MucDoDVC is not a known online service level"), "\(log)")
        #expect(log.contains("/danh-muc.csv, line 4: rejected: duplicate procedure code"), "\(log)")
        #expect(log.contains("Procedures used by dossiers but missing from the catalogue (2):"), "\(log)")
        let p9 = try #require(log.range(of: "P9: 2 dossiers")), p8 = try #require(log.range(of: "P8: 1 dossiers"))
        #expect(p9.lowerBound < p8.lowerBound, "most frequent first")
    }

    /// What the inbox holds that is no export is named in the log, never passed over in
    /// silence: a folder, a link to nothing, a name that is not UTF-8.
    @Test func theLogNamesWhatTheInboxHoldsThatIsNoExport() throws {
        let dir = try setUp(months: 1...1)
        try FileManager.default.createDirectory(at: dir.file("inbox/2023-02"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.file("inbox/mat.csv").path, withDestinationPath: "/nonexistent/x.csv")
        // A name of bytes that are not UTF-8, made by open(2): Foundation takes names as Strings.
        var raw = Array(dir.file("inbox").path.utf8) + Array("/bad".utf8) + [0xFF, 0xFE] + Array(".csv".utf8) + [0]
        let fd = raw.withUnsafeMutableBufferPointer { p in p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { open($0, O_CREAT | O_WRONLY, 0o644) } }
        #expect(fd >= 0)
        close(fd)
        let result = try run(dir, ["--lang", "en"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("inbox: passed over 2023-02: a folder"), "\(result)")
        #expect(result.stderr.contains("inbox: passed over mat.csv: cannot be read"), "\(result)")
        #expect(result.stderr.contains("inbox: passed over bad"), "\(result)")
        #expect(result.stderr.contains("the file name is not valid UTF-8"), "\(result)")
        #expect(!result.stderr.contains("passed over failed"), "the run's own folder")
    }

    /// `--db`, else the file's `store`, else `$MOTCUA_DB`: with or without `--config` spelled out.
    @Test func theFilesStoreWinsOverTheEnvironment() throws {
        let dir = try setUp(months: 1...1)
        let env = ["MOTCUA_DB": dir.file("env.sqlite").path]
        _ = try Motcua.run(["run"], in: dir.url, environment: env, timeout: 120)
        #expect(FileManager.default.fileExists(atPath: dir.file("kho.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: dir.file("env.sqlite").path))
        // Without a `store` key, the variable names it.
        let other = try setUp(months: 1...1)
        try other.write("motcua.toml", "formats = [\"csv\"]\n")
        let result = try Motcua.run(["run", "--config", other.file("motcua.toml").path], in: other.url,
                                    environment: ["MOTCUA_DB": other.file("env.sqlite").path], timeout: 120)
        #expect(result.status == 0, "\(result)")
        #expect(FileManager.default.fileExists(atPath: other.file("env.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: other.file("motcua.sqlite").path))
    }

    /// The shipped example configuration, copied as it is beside the shared samples: the run
    /// imports all four, writes the periods the data covers, and applies no alias.
    @Test(.enabled(if: RunDataTests.samples != nil, "needs ../shared/samples"))
    func theShippedExampleRunsOnTheSamples() throws {
        let dir = try TempDir(prefix: "motcua-e2e-example")
        try FileManager.default.createDirectory(at: dir.file("inbox"), withIntermediateDirectories: true)
        let samples = try #require(Self.samples)
        for name in try FileManager.default.contentsOfDirectory(atPath: samples.path) where name.hasSuffix(".csv") {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(name), to: dir.file("inbox/\(name)"))
        }
        try FileManager.default.copyItem(at: PackagePaths.root.appendingPathComponent("scripts/schedule/motcua.toml.example"),
                                         to: dir.file("motcua.toml"))
        let result = try Motcua.run(["run", "--config", "motcua.toml"], in: dir.url, timeout: 120)
        #expect(result.status == 0, "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("archive").path).count == 4)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.file("reports").path)
        #expect(names.contains("2022-Q4.decree09.csv") && names.contains("2022-Q4.decree09.xlsx"), "\(names.sorted())")
        #expect(!names.contains { $0.hasPrefix("2023-Q1") }, "the samples end in February: Q1 is not covered")
        #expect(!result.stderr.contains("quy đổi tên đơn vị:"), "the example merges no unit: \(result)")
    }

    static let samples: URL? = {
        let url = PackagePaths.root.deletingLastPathComponent().appendingPathComponent("shared/samples")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// The systemd unit runs without an account to create (a dynamic user with its state
    /// directory), and systemd finds nothing wrong in it.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze"), "needs systemd-analyze"))
    func theSystemdUnitVerifies() throws {
        let dir = try TempDir(prefix: "motcua-unit")
        let binary = try #require(Motcua.binary)
        for name in ["motcua-run.service", "motcua-run.timer"] {
            let text = try String(contentsOf: PackagePaths.root.appendingPathComponent("scripts/schedule/\(name)"), encoding: .utf8)
            #expect(!text.contains("User=motcua"))
            try dir.write(name, text.replacingOccurrences(of: "/usr/local/bin/motcua", with: binary.path))
        }
        #expect(try dir.read("motcua-run.service").contains("DynamicUser=yes"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        process.arguments = ["verify", dir.file("motcua-run.service").path, dir.file("motcua-run.timer").path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let about = output.split(separator: "\n").filter { $0.contains("motcua-run") }
        #expect(process.terminationStatus == 0 && about.isEmpty, "\(output)")
    }
}
