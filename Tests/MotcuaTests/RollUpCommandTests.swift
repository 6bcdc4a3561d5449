import TestSupport
import Foundation
import Testing
import Ingest

/// `--units` with parents and levels, and `--by parent|level=…`, on the command line: the
/// people's formats mark the subtotals, a wrong units file is one line naming its file, line
/// and column, and a roll-up that cannot be made is refused.
@Suite("Roll-ups on the command line")
struct RollUpCommandTests {
    static let folder = FixtureCatalog.root.appendingPathComponent("hierarchy")
    static let export = "dongbo-tinh-2023-03.csv"
    static let units = "units/don-vi.csv"

    func report(_ arguments: [String], units: String? = RollUpCommandTests.units) throws -> RunResult {
        try Motcua.run(["report", "--period", "2023-Q1", "-q"] + (units.map { ["--units", $0] } ?? []) + arguments + [Self.export],
                       in: Self.folder)
    }

    @Test("people's formats list each parent's units then its subtotal, marked, in either language")
    func peoplesFormats() throws {
        let text = try report(["--by", "parent", "--compare", "none"])
        #expect(text.status == 0, "\(text)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        let chau = try #require(lines.firstIndex { $0.contains("UBND xã Hoằng Châu") })
        let phong = try #require(lines.firstIndex { $0.contains("UBND xã Hoằng Phong") })
        let subtotal = try #require(lines.firstIndex { $0.contains("Cộng UBND huyện Hoằng Hóa") })
        #expect(chau < phong && phong < subtotal)
        #expect(text.stdout.contains("Cộng (không có đơn vị cấp trên)"))
        // Subtotals are not units below target: the list names units only.
        #expect(text.stdout.contains("Đơn vị dưới mục tiêu (3): UBND xã Hoằng Châu; UBND xã Thiệu Tâm; UBND huyện Hoằng Hóa"))

        let md = try report(["--by", "parent", "--format", "md", "--lang", "en"])
        #expect(md.stdout.contains("| **Subtotal UBND huyện Hoằng Hóa**"), "\(md.stdout)")
        #expect(md.stdout.contains("Units grouped by their parent"))

        let html = try report(["--by", "parent", "--format", "html"])
        #expect(HTMLReading.matches(#"<tr class="total subtotal[^"]*""#, in: html.stdout).count == 4)
        #expect(HTMLReading.nestingFault(html.stdout) == nil)

        let level = try report(["--by", "level=huyen", "--format", "md"])
        #expect(level.stdout.contains("Sở Tư pháp (ngoài cấp huyện)"))
        #expect(level.stdout.contains("Chi nhánh Văn phòng Đăng ký đất đai (ngoài cấp huyện)"))

        let scratch = try TempDir()
        let book = scratch.file("book.xlsx").path
        let xlsx = try report(["--by", "parent", "--format", "xlsx", "--output", book])
        #expect(xlsx.status == 0, "\(xlsx)")
        let strings = try XLSXBook(file: URL(fileURLWithPath: book)).text("xl/sharedStrings.xml")
        #expect(strings.contains("Cộng UBND huyện Thiệu Hóa"))
    }

    @Test("json carries the rolled rows beside the unit rows, the total unchanged")
    func json() throws {
        let run = try report(["--by", "parent", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        let rollUp = try #require(object["roll_up"] as? [String: Any])
        #expect(rollUp["by"] as? String == "parent")
        let rows = try #require(rollUp["rows"] as? [[String: Any]])
        #expect(rows.map { $0["kind"] as? String ?? "" }.filter { $0 == "subtotal" }.count == 4)
        let total = try #require(object["total"] as? [String: Any])
        #expect(rows.last?["received_new"] as? Int == total["received_new"] as? Int)
        #expect((object["units"] as? [Any])?.count == 6)
    }

    /// The manifest names the units file by SHA-256; `verify --units` rolls the recomputed
    /// units up by it and compares every rolled row: an edited subtotal, a unit moved to
    /// another parent in the json, another `by`, are each named. Without that file, or with
    /// another one, nothing is compared: 65, naming it.
    @Test("verify checks a rolled-up json's subtotals with the units file its manifest names", arguments: ["kpi", "plan"])
    func verifyRolledRows(table: String) throws {
        let work = try TempDir()
        let made = try report(["--by", "parent", "--format", "json", "--table", table])
        #expect(made.status == 0, "\(made)")
        let object = try #require(try JSONSerialization.jsonObject(with: made.stdoutData) as? [String: Any])
        let manifest = try #require(object["manifest"] as? [String: Any])
        let units = try #require(manifest["units_file"] as? [String: Any])
        #expect(units["name"] as? String == Self.units)
        #expect(units["sha256"] as? String == (try FileDigest.sha256(of: Self.folder.appendingPathComponent(Self.units).path, name: Self.units)))
        try made.stdoutData.write(to: work.file("r.json"))
        let unitsPath = Self.folder.appendingPathComponent(Self.units).path
        func verify(_ name: String, units: String? = unitsPath) throws -> RunResult {
            try Motcua.run(["verify", work.file(name).path, Self.export] + (units.map { ["--units", $0] } ?? []), in: Self.folder)
        }
        let ok = try verify("r.json")
        #expect(ok.status == 0 && ok.stdout == "OK\n", "\(ok)")

        // One subtotal's figure, one unit row's parent and the roll-up's `by`, edited.
        var rollUp = try #require(object["roll_up"] as? [String: Any])
        var rows = try #require(rollUp["rows"] as? [[String: Any]])
        let subtotal = try #require(rows.firstIndex { $0["kind"] as? String == "subtotal" && $0["unit"] as? String == "UBND huyện Hoằng Hóa" })
        // A count of either table: the KPI table's dossiers received, the plan's first target's.
        let column = try #require(["received_new", "on_time.numerator"].first { column in
            column.split(separator: ".").reduce(rows[subtotal] as Any?) { ($0 as? [String: Any])?[String($1)] } is Int
        })
        let path = column.split(separator: ".").map(String.init)
        func count(_ row: [String: Any]) -> Int? {
            path.count == 1 ? row[path[0]] as? Int : (row[path[0]] as? [String: Any])?[path[1]] as? Int
        }
        let received = try #require(count(rows[subtotal]))
        if path.count == 1 {
            rows[subtotal][path[0]] = received + 1
        } else {
            var nested = try #require(rows[subtotal][path[0]] as? [String: Any])
            nested[path[1]] = received + 1
            rows[subtotal][path[0]] = nested
        }
        let unit = try #require(rows.firstIndex { $0["kind"] as? String == "unit" && $0["unit"] as? String == "UBND xã Hoằng Châu" })
        rows[unit]["parent"] = "UBND huyện Thiệu Hóa"
        rollUp["rows"] = rows
        var edited = object
        edited["roll_up"] = rollUp
        try JSONSerialization.data(withJSONObject: edited).write(to: work.file("edited.json"))
        let caught = try verify("edited.json")
        #expect(caught.status == 1, "\(caught)")
        #expect(caught.stdoutLines == [
            "roll_up · subtotal · UBND huyện Hoằng Hóa · \(column): report \(received + 1), recomputed \(received)",
            "roll_up · unit · UBND xã Hoằng Châu · parent: report UBND huyện Thiệu Hóa, recomputed UBND huyện Hoằng Hóa",
        ], "\(caught)")
        rollUp["by"] = "level=huyện"
        edited["roll_up"] = rollUp
        try JSONSerialization.data(withJSONObject: edited).write(to: work.file("by.json"))
        // Rolled up again by level: its rows are other rows.
        let otherBy = try verify("by.json")
        #expect(otherBy.status == 1 && otherBy.stdoutLines.contains {
            $0.hasPrefix("roll_up · subtotal · UBND huyện Hoằng Hóa · ") && $0.hasSuffix(", recomputed absent")
        }, "\(otherBy)")

        // A rolled json that names no units file (an earlier motcua's): its unit rows and total
        // stand, its rolled rows are said to be unchecked; a units file given is said unused.
        var old = object
        var oldManifest = manifest
        oldManifest["units_file"] = nil
        old["manifest"] = oldManifest
        try JSONSerialization.data(withJSONObject: old).write(to: work.file("old.json"))
        let unchecked = try verify("old.json", units: nil)
        #expect(unchecked.status == 0 && unchecked.stdout == "OK\n", "\(unchecked)")
        #expect(unchecked.stderrLines == ["motcua: các dòng cộng theo cấp của báo cáo không được kiểm tra: bản kê dữ liệu không ghi tệp đơn vị nào"])
        let unused = try verify("old.json")
        #expect(unused.status == 0 && unused.stderr.contains("--units không được dùng"), "\(unused)")

        let missing = try verify("r.json", units: nil)
        ErrorContract.expectInputError(missing, status: 65, naming: "don-vi.csv")
        try (try String(contentsOfFile: unitsPath, encoding: .utf8) + "\n").write(to: work.file("don-vi.csv"), atomically: true, encoding: .utf8)
        let other = try verify("r.json", units: work.file("don-vi.csv").path)
        ErrorContract.expectInputError(other, status: 65, naming: work.file("don-vi.csv").path)
    }

    @Test("a wrong units file is one line with its file, line and column, exit 66",
          arguments: [
            ("A,A,B,xã\nB,B,A,huyện\n", "units.csv:1: parent:", "A → B → A"),
            ("A,A,Z,xã\n", "units.csv:1: parent:", "'Z'"),
            ("A,A,Old,xã\nOld,New,,\nNew,New,,huyện\n", "units.csv:1: parent:", "'New'"),
            ("A,A,,làng\n", "units.csv:1: level:", "'làng'"),
            ("A,A,B,xã\nB,B,,\nC,C,,\nA,A,C,xã\n", "units.csv:4: parent:", "1"),
            ("name,unit,parent,level\nA,A,,xã,extra\n", "units.csv:2:", "5"),
          ])
    func wrongUnitsFile(_ content: String, _ place: String, _ detail: String) throws {
        let scratch = try TempDir()
        _ = try scratch.write("units.csv", content)
        for lang in ["vi", "en"] {
            let run = try Motcua.run(["report", "--period", "2023-Q1", "--units", "units.csv", "--by", "parent", "--lang", lang,
                                      Self.folder.appendingPathComponent(Self.export).path], in: scratch.url)
            #expect(run.status == 66, "\(run)")
            let lines = run.stderr.split(separator: "\n")
            // The column as the reader's language heads it.
            let named = lang == "en" ? place : place.replacingOccurrences(of: "parent:", with: "cấp trên:")
                .replacingOccurrences(of: "level:", with: "cấp:")
            #expect(lines.count == 1 && run.stderr.contains(named) && run.stderr.contains(detail), "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test("a roll-up without a hierarchy, or with form 06a or a breakdown, is refused")
    func refused() throws {
        #expect(try report(["--by", "parent"], units: nil).status == 64)
        #expect(try report(["--by", "parent", "--format", "form06a"]).status == 64)
        #expect(try report(["--by", "level=huyện", "--table", "06a", "--format", "md"]).status == 64)
        #expect(try report(["--by", "level=làng"]).status == 64)
        let scratch = try TempDir()
        let flat = try scratch.write("flat.csv", "Hoằng Đạt,UBND xã Hoằng Châu\n")
        let run = try report(["--by", "parent"], units: flat.path)
        #expect(run.status == 66 && run.stderr.contains("flat.csv"), "\(run)")
        // Without a roll-up the same flat file still only merges names.
        #expect(try report(["--format", "csv"], units: flat.path).status == 0)
    }

    @Test("the units file's row order and encoding change nothing")
    func rowOrder() throws {
        let original = try String(contentsOf: Self.folder.appendingPathComponent(Self.units), encoding: .utf8)
        let lines = original.split(separator: "\n").map(String.init)
        let scratch = try TempDir()
        let reversed = try scratch.write("reversed.csv", ([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\r\n") + "\r\n")
        let utf16 = try scratch.write("utf16.csv", bytes: [0xFF, 0xFE] + Array(original.replacingOccurrences(of: ",", with: "\t")
            .utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        for by in ["parent", "level=huyện"] {
            let expected = try report(["--by", by, "--format", "csv"])
            for file in [reversed, utf16] {
                let run = try report(["--by", by, "--format", "csv"], units: file.path)
                #expect(run.status == 0 && run.stdoutData == expected.stdoutData, "\(file.lastPathComponent) --by \(by): \(run)")
            }
        }
    }

    @Test("a units file with the new columns changes nothing when no roll-up is asked for")
    func noRollUpNoChange() throws {
        let with = try report(["--format", "csv"])
        let expected = try Data(contentsOf: Self.folder.appendingPathComponent("expected/rollup/2023-Q1.decree09.unit.csv"))
        #expect(with.stdoutData == expected)
    }
}
