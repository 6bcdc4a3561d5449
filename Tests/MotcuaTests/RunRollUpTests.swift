import TestSupport
import Foundation
import Testing

/// `motcua run` with `by = "parent"` or `--by level=…`: the scheduled job writes rolled-up
/// reports, named so (`*.by-parent.*`), each byte for byte what `report --by …` writes from the
/// same store, and the hand-checked roll-up of `Fixtures/hierarchy`; a roll-up it cannot make
/// stops it before anything is imported.
@Suite("motcua run, rolled up", .serialized)
struct RunRollUpTests {
    static let fixture = PackagePaths.fixture("hierarchy")
    static let export = "dongbo-tinh-2023-03.csv"

    /// A folder with the fixture's export in its inbox and its units file beside.
    private func setUp() throws -> TempDir {
        let dir = try TempDir(prefix: "motcua-run-by")
        try FileManager.default.createDirectory(at: dir.file("inbox"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent(Self.export), to: dir.file("inbox/" + Self.export))
        try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent("units/don-vi.csv"), to: dir.file("don-vi.csv"))
        return dir
    }

    private func reports(_ dir: TempDir) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.file("reports").path).sorted()
    }

    /// Each format's file of the run equals the report of the same store with `--by`.
    private func expectSameAsReport(_ dir: TempDir, by: String, tag: String, lang: String = "vi", sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (format, ext) in [("csv", "csv"), ("json", "json"), ("table", "txt"), ("md", "md"), ("html", "html")] {
            let report = try Motcua.run(["report", "--period", "2023-Q1", "--db", "motcua.sqlite", "--units", "don-vi.csv",
                                         "--by", by, "--format", format, "--lang", lang, "-q"], in: dir.url)
            #expect(report.status == 0, "\(report)", sourceLocation: sourceLocation)
            let written = try Data(contentsOf: dir.file("reports/2023-Q1.decree09.\(tag).\(ext)"))
            #expect(written == report.stdoutData, "\(format): the run's file differs from report --by \(by)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func byParentInTheConfiguration() throws {
        let dir = try setUp()
        _ = try dir.write("motcua.toml", """
            units = "don-vi.csv"
            by = "parent"
            formats = ["csv", "json", "table", "md", "html"]
            periods = ["quarter"]
            tables = ["kpi", "plan"]
            """)
        let run = try Motcua.run(["run", "--config", "motcua.toml"], in: dir.url)
        #expect(run.status == 0, "\(run)")
        // The log names the roll-up and the units file it goes through.
        #expect(run.stderr.contains("các dòng được cộng theo cấp (by = parent) qua tệp đơn vị \(dir.file("don-vi.csv").path)"), "\(run)")
        let names = try reports(dir)
        #expect(names.contains("2023-Q1.decree09.by-parent.csv"))
        #expect(names.allSatisfy { $0.contains(".by-parent.") }, "\(names)")
        try expectSameAsReport(dir, by: "parent", tag: "by-parent")
        // The hand-checked roll-up of the fixture.
        let csv = try dir.read("reports/2023-Q1.decree09.by-parent.csv")
        let expected = try String(contentsOf: Self.fixture.appendingPathComponent("expected/rollup/2023-Q1.decree09.parent.csv"),
                                  encoding: .utf8)
        #expect(csv == expected)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.file("reports/2023-Q1.decree09.by-parent.json")))
                                as? [String: Any])
        #expect((json["roll_up"] as? [String: Any])?["by"] as? String == "parent")
        // The plan's table, rolled up the same way: the hand-checked subtotals.
        let plan = try Motcua.run(["report", "--table", "plan", "--period", "2023-Q1", "--db", "motcua.sqlite", "--units", "don-vi.csv",
                                   "--by", "parent", "--format", "csv", "-q"], in: dir.url)
        let planExpected = try Data(contentsOf: Self.fixture.appendingPathComponent("expected/rollup/plan/2023-Q1.decree09.parent.csv"))
        #expect(try Data(contentsOf: dir.file("reports/2023-Q1.decree09.plan.by-parent.csv")) == plan.stdoutData)
        #expect(plan.stdoutData == planExpected)

        // Nothing changed: the second run writes nothing.
        let again = try Motcua.run(["run", "--config", "motcua.toml"], in: dir.url)
        #expect(again.status == 0 && !again.stderr.contains("đã ghi /"), "\(again)")
        #expect(try reports(dir) == names)

        // A commune moved to another district changes the subtotals: the old report is kept as a
        // version, as for any change of figures.
        let moved = try dir.read("don-vi.csv").replacingOccurrences(of: "UBND xã Hoằng Phong,UBND xã Hoằng Phong,UBND huyện Hoằng Hóa",
                                                                     with: "UBND xã Hoằng Phong,UBND xã Hoằng Phong,UBND huyện Thiệu Hóa")
        _ = try dir.write("don-vi.csv", moved)
        let third = try Motcua.run(["run", "--config", "motcua.toml"], in: dir.url)
        #expect(third.status == 0, "\(third)")
        #expect(dir.exists("reports/2023-Q1.decree09.by-parent.v1.csv"), "\((try? reports(dir)) ?? [])")
        #expect(try dir.read("reports/2023-Q1.decree09.by-parent.v1.csv") == expected)
        #expect(try dir.read("reports/2023-Q1.decree09.by-parent.csv") != expected)
        try expectSameAsReport(dir, by: "parent", tag: "by-parent")
    }

    /// `--by` on the command line, with `--units`, no configuration file: by level.
    @Test func byLevelOnTheCommandLine() throws {
        let dir = try setUp()
        let run = try Motcua.run(["run", "--units", "don-vi.csv", "--by", "level=Huyen", "--lang", "en",
                                  "--format", "csv", "--format", "json", "--format", "table", "--format", "md", "--format", "html"],
                                 in: dir.url)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("rows rolled up (by = level=huyện) through the units file don-vi.csv: reports written as *.by-level-huyen.*"),
                "\(run)")
        #expect(try reports(dir).contains("2023-Q1.decree09.by-level-huyen.csv"))
        try expectSameAsReport(dir, by: "level=huyện", tag: "by-level-huyen", lang: "en")
        let expected = try String(contentsOf: Self.fixture.appendingPathComponent("expected/rollup/2023-Q1.decree09.level=huyện.csv"),
                                  encoding: .utf8)
        #expect(try dir.read("reports/2023-Q1.decree09.by-level-huyen.csv") == expected)
    }

    /// A roll-up that cannot be made stops the run before it imports anything: one line, the
    /// file and the key, exit 66; a value that is no roll-up on the command line is a usage error.
    @Test func refusedRollUps() throws {
        let dir = try setUp()
        _ = try dir.write("flat.csv", "UBND xã Hoằng Đạt,UBND xã Hoằng Châu\n")
        _ = try dir.write("motcua.toml", "units = \"flat.csv\"\nby = \"parent\"\n")
        for lang in ["vi", "en"] {
            let run = try Motcua.run(["run", "--config", "motcua.toml", "--lang", lang], in: dir.url)
            #expect(run.status == 66, "\(run)")
            #expect(run.stderr.hasPrefix("motcua: motcua.toml: ") && run.stderr.contains("'by' = 'parent'"), "\(run)")
            #expect(run.stderr.contains(dir.file("flat.csv").path), "\(run)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run)")
        }
        #expect(dir.exists("inbox/" + Self.export) && !dir.exists("reports"), "nothing imported, nothing written")

        // The command line's --by over the configuration, form 06a among the formats.
        _ = try dir.write("motcua.toml", "units = \"don-vi.csv\"\n")
        let form = try Motcua.run(["run", "--config", "motcua.toml", "--by", "parent", "--format", "form06a", "--lang", "en"], in: dir.url)
        #expect(form.status == 66 && form.stderr.contains("form 06a is by unit"), "\(form)")

        // No configuration file and no --units: the command line is wrong.
        try FileManager.default.createDirectory(at: dir.file("bare"), withIntermediateDirectories: true)
        let noUnits = try Motcua.run(["run", "--by", "parent", "--lang", "en"], in: dir.file("bare"))
        #expect(noUnits.status == 64 && noUnits.stderr.contains("--by parent needs --units"), "\(noUnits)")
        let field = try Motcua.run(["run", "--by", "field", "--lang", "en"], in: dir.url)
        #expect(field.status == 64 && field.stderr.contains("--by cannot be 'field'"), "\(field)")
        #expect(dir.exists("inbox/" + Self.export) && !dir.exists("reports"))
    }
}
