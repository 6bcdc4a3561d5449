import TestSupport
import Foundation
import Ingest
import KPIMetrics
import Testing
import Wording
@testable import Reports

/// The plan table and the service index in every format: each carries the csv's figures.
@Suite struct ServiceReportTests {
    static let folder = PackagePaths.fixture("index-points")

    /// The index-points case (2024-Q2) with its catalogue, as `report` reads it.
    static func report(_ table: ReportTable, _ language: Language = .vi) throws -> Report {
        let loader = DossierLoader()
        loader.computesDigests = true
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".csv") }).sorted() {
            _ = try loader.load(path: folder.appendingPathComponent(name).path, name: name)
        }
        let catalogue = try Catalogue(path: folder.appendingPathComponent("catalogue/danh-muc-chi-so.csv").path,
                                      name: "catalogue/danh-muc-chi-so.csv")
        var settings = ReportSettings(period: Period(year: 2024, span: .quarter(2)), basis: table.defaultBasis, language: language)
        settings.table = table
        return Report(settings: settings, set: loader.result, catalogue: catalogue)
    }

    /// The csv's rows: unit, name (target or indicator), and the figures after them.
    static func csv(_ report: Report) throws -> [[String]] {
        Array(csvRecords(String(decoding: try report.render(.csv), as: UTF8.self)).dropFirst())
    }

    @Test(arguments: [ReportTable.plan, .index766])
    func jsonCarriesTheCSVFigures(_ table: ReportTable) throws {
        let report = try Self.report(table)
        let object = try #require(try JSONSerialization.jsonObject(with: report.render(.json)) as? [String: Any])
        let manifest = try #require(object["manifest"] as? [String: Any])
        #expect(manifest["table"] as? String == table.rawValue)
        #expect((manifest["catalogue"] as? [String: Any])?["sha256"] as? String == report.manifest.service?.catalogue?.sha256)
        #expect((manifest["goals"] as? [String: Any])?["satisfied"] as? Int == 95)
        let rows = (object["units"] as? [[String: Any]] ?? []) + [object["total"] as? [String: Any] ?? [:]]
        let columns = table == .plan ? ["numerator", "denominator", "rate", "goal", "met"]
            : ["numerator", "denominator", "rate", "max_points", "points"]
        var compared = 0
        for line in try Self.csv(report) {
            let row = try #require(rows.first { $0["unit"] as? String == line[1] }, "\(line[1])")
            let figure = try #require(row[line[2]] as? [String: Any], "\(line[1]) \(line[2])")
            for (column, text) in zip(columns, line[3...]) {
                let value = figure[column]
                let json: String
                switch value {
                case let number as NSNumber where String(cString: number.objCType) == "c": json = number.boolValue ? "true" : "false"
                case let number as NSNumber: json = number.stringValue
                default: json = ""
                }
                let expected = text.contains(".") ? String(Decimal(string: text)!.description) : text
                #expect(json == expected, "\(line[1]) \(line[2]).\(column): json \(json), csv \(text)")
                compared += 1
            }
        }
        #expect(compared > 50)
    }

    /// Every figure of the csv, as people read it, in the table, Markdown, the page and the
    /// workbook's sheet.
    @Test(arguments: [ReportTable.plan, .index766])
    func peoplesFormatsCarryTheCSVFigures(_ table: ReportTable) throws {
        let report = try Self.report(table)
        let text = String(decoding: try report.render(.table), as: UTF8.self)
        let markdown = String(decoding: try report.render(.md), as: UTF8.self)
        let html = String(decoding: try report.render(.html), as: UTF8.self)
        let book = try XLSXBook(try report.render(.xlsx))
        let sheet = table == .plan ? 2 : 3
        let numbers = Set(try book.cells(sheet: sheet).values.compactMap { $0.type == nil ? $0.value.flatMap(Double.init) : nil })
        for line in try Self.csv(report) {
            for (index, cell) in line.enumerated().dropFirst(3) where !cell.isEmpty && cell != "true" && cell != "false" {
                let people = cell.contains(".") ? Language.vi.decimal(Int((Double(cell)! * 100).rounded())) : Language.vi.count(Int(cell)!)
                #expect(text.contains(people), "table lacks \(people) (\(line))")
                #expect(markdown.contains(people), "md lacks \(people)")
                #expect(html.contains(">" + people) || html.contains(people + " %"), "html lacks \(people)")
                let value = Double(cell)! / (index == 5 ? 100 : 1)
                if table == .plan, index == 6 { continue }  // the goal is words on the sheet (`98 %`)
                // Rates are exact fractions on the sheet, shown with two decimals.
                let tolerance = index == 5 ? 0.000_05 : 1e-9
                #expect(numbers.contains { abs($0 - value) <= tolerance }, "sheet lacks \(value) (\(line))")
            }
        }
        let names = try book.sheetNames
        #expect(names.count == 4, "\(names)")
    }

    @Test func indexPageSaysOutOf62AndChartsPointsSorted() throws {
        let html = String(decoding: try Self.report(.index766).render(.html), as: UTF8.self)
        #expect(html.contains("62 trong 100 điểm"))
        let english = String(decoding: try Self.report(.index766, .en).render(.html), as: UTF8.self)
        #expect(english.contains("out of at most 62 of the index"))
        // Best first: Thiệu Toán (62/62) before Thiệu Viên (18,13/56).
        let toan = try #require(html.range(of: "UBND xã Thiệu Toán — 62,00/62 điểm"))
        let vien = try #require(html.range(of: "UBND xã Thiệu Viên — 18,13/56 điểm"))
        #expect(toan.lowerBound < vien.lowerBound)
        let plan = String(decoding: try Self.report(.plan).render(.html), as: UTF8.self)
        #expect(plan.contains("chỉ tiêu không đạt"))
    }

    /// Ranked by points, not by their share of a unit's maximum. Worked by hand (2024-Q2, no
    /// catalogue, so full_online, online_payment and e_result have no value): Xã A's one dossier
    /// is pending and not overdue with every yes, 20 + 4 + 2 + 4 + 2 = 32 of 32 (satisfaction has
    /// no value: nothing finished); Xã B's is resolved on time, not digitised, rated 1, no
    /// complaint: 20 + 0 + 2 + 4 + 2 + 6 = 34 of 38. So B (34 points, 89.47 %) comes before A
    /// (32 points, 100 %), its bar 34 of 62.
    @Test func indexChartRanksByPoints() throws {
        let path = try temporaryFile("""
            MaHoSo,MaTTHC,KenhThucHien,DonViXuLy,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,SoHoaHoSo,SoHoaKetQua,\
            DuocThanhToanTrucTuyen,PhiLePhi,TaiKhoanDuocXacThucVoiVNeID,DuocTaiSuDung,DuocLayTuKhoDMQG,SoLanBoSung,DanhGiaHaiLong,\
            CoPhanAnhKienNghi,NgayXinLoi,LuanChuyen
            X1,P1,2,Xã A,20240405080000,20240710170000,,,4,1,0,1,,1,1,1,0,,0,,1
            Y1,P1,2,Xã B,20240405080000,20240420170000,20240410100000,,10,0,1,1,,1,1,1,0,1,0,,1

            """)
        let loader = DossierLoader()
        _ = try loader.load(path: path, name: "a.csv")
        var settings = ReportSettings(period: Period(year: 2024, span: .quarter(2)), basis: .calendar, language: .vi)
        settings.table = .index766
        let html = String(decoding: try Report(settings: settings, set: loader.result, catalogue: nil).render(.html), as: UTF8.self)
        let b = try #require(html.range(of: "Xã B — 34,00/38 điểm"))
        let a = try #require(html.range(of: "Xã A — 32,00/32 điểm"))
        #expect(b.lowerBound < a.lowerBound)
        #expect(html.contains(#"data-rate="54.84""#))  // 34 / 62
        #expect(html.contains(#"data-rate="51.61""#))  // 32 / 62
        #expect(html.contains(">34,00 điểm</text>") && html.contains(">62 điểm</text>"), "the bar says its points; the line, 62")
    }

    /// The index page as a reader sees it (headless Chromium). With
    /// `MOTCUA_DOCS_SCREENSHOT_INDEX=PATH` the screenshot is kept (how docs/report-index766.png is made).
    @Test(.enabled(if: Browser.chromium != nil, "chromium is not on PATH"))
    func indexPageRenders() async throws {
        let dir = try Browser.temporaryDirectory()
        defer { Browser.cleanUp(dir) }
        let html = dir.appendingPathComponent("index.html"), png = dir.appendingPathComponent("index.png")
        try Self.report(.index766).render(.html).write(to: html)
        try await Browser.run(Browser.chromium!, Browser.flags(profile: dir.appendingPathComponent("profile"))
            + ["--screenshot=\(png.path)", "--window-size=1400,2200", html.absoluteString])
        let size = try #require(try FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int)
        #expect(size > 20_000)
        if let keep = ProcessInfo.processInfo.environment["MOTCUA_DOCS_SCREENSHOT_INDEX"], !keep.isEmpty {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: png, to: URL(fileURLWithPath: keep))
        }
    }
}
