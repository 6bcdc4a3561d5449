import TestSupport
import Foundation
import Testing

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
