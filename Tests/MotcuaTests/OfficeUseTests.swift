import TestSupport
import Foundation
import Testing

/// Issue 10's smaller items, end to end: workbooks refused, exports cut off, input names in
/// manifests, explain by the titles people see, the units file, the comparison column.
@Suite struct OfficeUseTests {
    private static let handFolder = PackagePaths.fixture("hand-checked")
    private static let hand = ["bangtinh-2023-05.csv", "dongbo-hoso-2023-05.csv", "tthc-xuatfile-2023-05.csv"]
        .map { handFolder.appendingPathComponent($0).path }
    private static let header = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo\n"

    /// An Excel or OpenDocument workbook (zip) or an Excel 97 one (OLE) is refused as such: 66,
    /// one line saying to save it as CSV, by every command that reads exports.
    @Test(arguments: [[0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]] as [[UInt8]])
    func aWorkbookIsRefused(magic: [UInt8]) throws {
        let dir = try TempDir(prefix: "motcua-office")
        try dir.write("bao-cao.xlsx", bytes: magic + Array(repeating: 0x41, count: 200))
        for command in [["report", "--period", "2023-Q1"], ["check"], ["import", "--db", dir.file("kho.sqlite").path]] {
            let result = try Motcua.run(command + ["bao-cao.xlsx"], in: dir.url)
            ErrorContract.expectInputError(result, naming: "bao-cao.xlsx")
            #expect(result.stderr.contains("không phải CSV: hãy mở tệp và lưu lại dạng CSV UTF-8"), "\(result)")
        }
        let english = try Motcua.run(["check", "--lang", "en", "bao-cao.xlsx"], in: dir.url)
        #expect(english.stderr.contains("not CSV: open it and save it as CSV (UTF-8)"), "\(english)")
    }

    /// An export whose last record is cut off (no final line break and fewer fields than the
    /// header, or a quote left open) is read, with a warning in the summary, `check`, `import`
    /// and the run log; a complete one has none.
    @Test func aCutOffExportIsReadWithAWarning() throws {
        let dir = try TempDir(prefix: "motcua-office")
        let rows = "A1,UBND xã A,1,02/01/2023,10/01/2023,05/01/2023,,10\nA2,UBND xã A,1,03/01/2023"
        try dir.write("cut.csv", Self.header + rows)
        try dir.write("quote.csv", Self.header + "A3,UBND xã A,1,02/01/2023,10/01/2023,,,\"4")
        try dir.write("whole.csv", Self.header + rows + ",,,,4\n")
        let report = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "cut.csv", "quote.csv", "whole.csv"], in: dir.url)
        #expect(report.status == 0, "\(report)")
        #expect(report.stderr.contains("cut.csv: cảnh báo: dòng cuối (dòng 3) có vẻ bị cắt cụt (không có dấu xuống dòng ở cuối và chỉ có 4/8 cột)"),
                "\(report)")
        #expect(report.stderr.contains("quote.csv: cảnh báo: dòng cuối (dòng 2) có vẻ bị cắt cụt (dấu ngoặc kép chưa đóng)"))
        #expect(!report.stderr.contains("whole.csv: cảnh báo"))
        let check = try Motcua.run(["check", "--lang", "en", "cut.csv", "whole.csv"], in: dir.url)
        #expect(check.stdout.contains("  warning: the last record (line 3) looks cut off (no line break at the end, and only 4 of 8 fields)"),
                "\(check)")
        #expect(check.stdout.components(separatedBy: "warning:").count == 2)
        let imported = try Motcua.run(["import", "--db", dir.file("kho.sqlite").path, "cut.csv"], in: dir.url)
        #expect(imported.status == 0 && imported.stderrLines.count == 2 && imported.stderrLines[1].contains("bị cắt cụt"), "\(imported)")
        try FileManager.default.createDirectory(at: dir.file("inbox"), withIntermediateDirectories: true)
        try dir.write("inbox/cut.csv", Self.header + rows.replacingOccurrences(of: "A1", with: "B1"))
        let run = try Motcua.run(["run", "--db", dir.file("kho2.sqlite").path, "--inbox", dir.file("inbox").path, "--archive",
                                  dir.file("archive").path, "--reports", dir.file("reports").path], in: dir.url)
        #expect(run.stderrLines.contains { $0.contains(" warning ") && $0.contains("cut.csv: cảnh báo: dòng cuối") }, "\(run)")
    }

    /// Manifests (and the html footer, the xlsx inputs sheet) name an input as given when it is
    /// a relative path, else by its base name: never the folders of the machine that made it.
    @Test func manifestsCarryNoAbsolutePath() throws {
        let relative = try Motcua.run(["report", "--period", "2023-Q1", "--format", "json", "-q", "Fixtures/hand-checked/dongbo-hoso-2023-05.csv"],
                                      in: PackagePaths.root)
        let absolute = try Motcua.run(["report", "--period", "2023-Q1", "--format", "json", "-q", Self.hand[1]])
        func names(_ result: RunResult) throws -> [String] {
            let document = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
            let manifest = try #require(document["manifest"] as? [String: Any])
            return (manifest["inputs"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        }
        #expect(try names(relative) == ["Fixtures/hand-checked/dongbo-hoso-2023-05.csv"])
        #expect(try names(absolute) == ["dongbo-hoso-2023-05.csv"])
        let dir = try TempDir(prefix: "motcua-office")
        let page = dir.file("bao-cao.html").path
        #expect(try Motcua.run(["report", "--period", "2023-Q1", "--format", "html", "--output", page, "-q", Self.hand[1]]).status == 0)
        let html = try dir.read("bao-cao.html")
        #expect(html.contains(">dongbo-hoso-2023-05.csv<") && !html.contains(Self.handFolder.path))
    }

    /// `verify` names the given file whose hash fails, and the manifest input it was to be.
    @Test func aHashMismatchNamesBothFiles() throws {
        let dir = try TempDir(prefix: "motcua-office")
        try FileManager.default.copyItem(atPath: Self.hand[1], toPath: dir.file("dongbo.csv").path)
        let report = try Motcua.run(["report", "--period", "2023-Q1", "--format", "json", "--output", "r.json", "-q", "dongbo.csv"], in: dir.url)
        try #require(report.status == 0)
        try FileManager.default.createDirectory(at: dir.file("sua"), withIntermediateDirectories: true)
        try dir.write("sua/dongbo.csv", try dir.read("dongbo.csv") + "\n")
        let result = try Motcua.run(["verify", "r.json", "sua/dongbo.csv"], in: dir.url)
        #expect(result.status == 65 && result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.hasPrefix("motcua: sua/dongbo.csv: SHA-256 ") && result.stderr.contains("bản kê dữ liệu ghi cho dongbo.csv"),
                "\(result)")
    }

    /// `--count` takes the column as the table titles it, in either language, in any letter case.
    @Test(arguments: [("Quá hạn", "resolved_late"), ("quá hạn", "resolved_late"), ("Late", "resolved_late"),
                      ("Đang quá hạn", "pending_overdue"), ("Overdue", "pending_overdue"), ("Trả quá hạn", "resolved_late"),
                      ("Số kỳ trước chuyển qua", "carried_over")])
    func explainByTitle(title: String, column: String) throws {
        let base = ["explain", "--period", "2023-Q1", "--unit", "TOTAL", "--format", "csv"]
        let byTitle = try Motcua.run(base + ["--count", title] + Self.hand)
        let byName = try Motcua.run(base + ["--count", column] + Self.hand)
        #expect(byTitle.status == 0 && byTitle.stdout == byName.stdout && !byName.stdout.isEmpty, "\(byTitle)")
    }

    @Test func anAmbiguousTitleListsTheColumns() throws {
        let result = try Motcua.run(["explain", "--period", "2023-Q1", "--unit", "TOTAL", "--count", "Tổng số"] + Self.hand)
        #expect(result.status == 64 && result.stderrLines.count == 1)
        #expect(result.stderr.contains("tên cột 'Tổng số' có thể là một trong các cột: resolved, pending"), "\(result)")
    }

    /// An unknown unit suggests the closest, and exits 66.
    @Test func anUnknownUnitSuggests() throws {
        let result = try Motcua.run(["explain", "--period", "2023-Q1", "--unit", "Hoằng Trinh", "--count", "resolved"] + Self.hand)
        #expect(result.status == 66)
        #expect(result.stderr == "motcua: không có đơn vị nào tên 'Hoằng Trinh' trong dữ liệu; có phải: 'UBND xã Hoằng Trinh'?\n", "\(result)")
    }

    /// `units`: every unit with its spellings and dossiers; `--write` a starter units file that
    /// gives the same report when used as it is, and merges units once corrected.
    @Test func unitsListsAndWritesAStarterFile() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.fixture("monthly-overlap").path)
            .filter { $0.hasSuffix(".csv") }.map { PackagePaths.fixture("monthly-overlap").appendingPathComponent($0).path }
        let listing = try Motcua.run(["units"] + files)
        #expect(listing.status == 0, "\(listing)")
        #expect(listing.stdout.hasPrefix("Đơn vị"))
        #expect(listing.stdout.contains("UBND XÃ HOẰNG TRINH") && listing.stdout.contains("UBND xã Hoằng Trinh"))
        let dir = try TempDir(prefix: "motcua-office")
        let written = try Motcua.run(["units", "--write", dir.file("units.csv").path] + files)
        #expect(written.status == 0 && written.stderr.contains("units.csv: đã ghi "), "\(written)")
        let starter = try dir.read("units.csv")
        #expect(starter.hasPrefix("name,unit\n") && starter.contains("UBND XÃ HOẰNG TRINH,UBND xã Hoằng Trinh\n"), "\(starter)")
        let plain = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "-q"] + files)
        let withUnits = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "-q", "--units", dir.file("units.csv").path] + files)
        #expect(withUnits.stdout == plain.stdout)
    }

    /// The people's table shows each unit's on-time rate beside the previous quarter's and the
    /// change in points (hand-computed from the hand-checked tables of 2023-Q1 and 2023-Q2:
    /// Q1 50.00 → Q2 100.00 is +50.00; 66.67 (4/6) → 100.00 is +33.33; the total 13/18 → 3/3
    /// is +27.78); `—` where either has no value. csv and json do not change.
    @Test func theComparisonColumn() throws {
        let md = try Motcua.run(["report", "--period", "2023-Q2", "--format", "md", "-q", "--lang", "en"] + Self.hand)
        let rows = md.stdoutLines.filter { $0.hasPrefix("|") }.map { line in
            line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "**", with: "") }
        }
        try #require(rows.count == 7, "\(md)")
        let header = rows[0]
        let on = try #require(header.firstIndex(of: "On-time rate"))
        #expect(header[on + 1] == "On time, previous period" && header[on + 2] == "Change (points)")
        let expected: [String: [String]] = [
            "Phòng Lao động, Thương binh và Xã hội": ["100.00%", "50.00%", "+50.00"],
            "Phòng Tư pháp": ["—", "83.33%", "—"],
            "UBND xã Hoằng Đông": ["100.00%", "66.67%", "+33.33"],
            "UBND xã Hoằng Trinh": ["100.00%", "75.00%", "+25.00"],
            "TOTAL": ["100.00%", "72.22%", "+27.78"],
        ]
        for row in rows.dropFirst(2) {
            let name = row[0].replacingOccurrences(of: "⚠ ", with: "")
            #expect(Array(row[on...(on + 2)]) == expected[name], "\(name)")
        }
        let lastYear = try Motcua.run(["report", "--period", "2023-Q2", "--format", "md", "-q", "--compare", "last-year"] + Self.hand)
        #expect(lastYear.stdout.contains("Đúng hạn cùng kỳ năm trước") && lastYear.stdout.contains("So sánh với kỳ 2022-Q2"))
        for format in ["csv", "json"] {
            let with = try Motcua.run(["report", "--period", "2023-Q2", "--format", format, "-q"] + Self.hand)
            let without = try Motcua.run(["report", "--period", "2023-Q2", "--format", format, "-q", "--compare", "none"] + Self.hand)
            #expect(with.stdout == without.stdout, "\(format)")
        }
    }
}
