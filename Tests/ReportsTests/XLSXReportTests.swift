import TestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Ingest
import Metrics
import Testing
@testable import Reports

private let table = sampleTable

private let input: InputSummary = {
    var input = InputSummary(name: "tthc-2023-q1.csv", byteCount: 12_345, kind: .portalVietnamese,
                             encoding: .windows1258, delimiter: 0x2C, ignoredColumns: [])
    input.sha256 = String(repeating: "ab", count: 32)
    input.rowsRead = 5
    input.accepted = 4
    input.rejectsByReason = [.unknownChannel: 1]
    input.asOf = LocalMoment(year: 2023, month: 3, day: 14, hour: 17, minute: 5, second: 9)
    return input
}()

// MARK: Reading the workbook back

/// A cell as the sheet XML stores it: its type (`s` shared string, `b` boolean, none for a
/// number), style index and raw value.
private struct Cell {
    var type: String?
    var style: Int
    var value: String?
}

/// An unpacked workbook: its parts parsed, strings resolved.
private struct Unpacked {
    let directory: URL

    init(_ file: URL) throws {
        directory = file.deletingPathExtension().appendingPathExtension("unpacked")
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        unzip.arguments = ["-o", "-q", file.path, "-d", directory.path]
        try unzip.run()
        unzip.waitUntilExit()
        #expect(unzip.terminationStatus == 0, "unzip failed")
    }

    func text(_ part: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(part), encoding: .utf8)
    }

    func xml(_ part: String) throws -> XMLElement {
        let document = try XMLDocument(data: Data(contentsOf: directory.appendingPathComponent(part)), options: [])
        return try #require(document.rootElement())
    }

    var sheetNames: [String] {
        get throws { try xml("xl/workbook.xml").all("sheet").map { $0.attribute("name") ?? "" } }
    }

    var sharedStrings: [String] {
        get throws { try xml("xl/sharedStrings.xml").all("si").map { $0.all("t").map { $0.stringValue ?? "" }.joined() } }
    }

    /// Every cell of a sheet by its reference (`B2`); shared strings resolved into `value`.
    func cells(sheet: Int) throws -> [String: Cell] {
        let strings = try sharedStrings
        var cells: [String: Cell] = [:]
        for c in try xml("xl/worksheets/sheet\(sheet).xml").all("c") {
            let type = c.attribute("t")
            var value = c.all("v").first?.stringValue
            if type == "s", let index = value.flatMap(Int.init) { value = strings[index] }
            cells[c.attribute("r") ?? ""] = Cell(type: type, style: Int(c.attribute("s") ?? "0") ?? 0, value: value)
        }
        return cells
    }

    /// The fill colour, font colour, number format (its code; Excel's built-in 10 is `0.00%`)
    /// and left border of a cell style.
    func style(_ index: Int) throws -> (fill: String?, font: String?, numberFormat: String?, border: String?) {
        let styles = try xml("xl/styles.xml")
        let xf = styles.all("cellXfs")[0].all("xf")[index]
        let fill = styles.all("fills")[0].all("fill")[Int(xf.attribute("fillId") ?? "0")!]
        let font = styles.all("fonts")[0].all("font")[Int(xf.attribute("fontId") ?? "0")!]
        let border = styles.all("borders")[0].all("border")[Int(xf.attribute("borderId") ?? "0")!]
        let id = xf.attribute("numFmtId")
        let code = id == "10" ? "0.00%" : styles.all("numFmt").first { $0.attribute("numFmtId") == id }?.attribute("formatCode")
        return (fill.all("fgColor").first?.attribute("rgb"), font.all("color").first?.attribute("rgb"),
                code, border.all("left").first?.attribute("style"))
    }
}

extension XMLElement {
    /// Descendant elements named `name`, whatever their namespace, in document order.
    fileprivate func all(_ name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        for child in children ?? [] {
            guard let element = child as? XMLElement else { continue }
            if element.localName == name { found.append(element) }
            found += element.all(name)
        }
        return found
    }

    /// An attribute's value by name. (`attribute(forName:)` of swift-corelibs-foundation finds
    /// nothing on an element in a default namespace, which every part of an xlsx has.)
    fileprivate func attribute(_ name: String) -> String? {
        attributes?.first { $0.name == name }?.stringValue
    }
}

private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-xlsx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes the test table in `language` and unpacks it.
private func written(_ language: Language) throws -> (Unpacked, URL) {
    let directory = try temporaryDirectory()
    let file = directory.appendingPathComponent("report.xlsx")
    try XLSXReport.write(table: table, form06a: table, inputs: [input], language: language, to: file.path)
    return (try Unpacked(file), directory)
}

/// A year of dossiers for the breakdown (see `breakdownSheetRatesAndStyles`).
private let yearDossiers = [
    dossier(.returned, unit: 0, received: moment(2023, 1, 2), due: moment(2023, 1, 9), finished: moment(2023, 1, 5)),
    dossier(.returned, unit: 0, received: moment(2023, 1, 2), due: moment(2023, 1, 9), finished: moment(2023, 1, 9)),
    dossier(.returned, unit: 0, received: moment(2023, 1, 2), due: moment(2023, 1, 9), finished: moment(2023, 1, 10)),
    dossier(.returned, unit: 0, received: moment(2023, 7, 3), due: moment(2023, 7, 10), finished: moment(2023, 7, 5)),
    dossier(.processing, unit: 1, received: moment(2023, 2, 2), channel: .online),
]
private let yearNames = [UnitID(rawValue: 0): "Phòng Tư pháp, Hộ tịch", UnitID(rawValue: 1): "UBND xã Hoằng Đức"]

/// Writes the year's workbook with its breakdown by `step` and unpacks it.
private func writtenWithBreakdown(_ language: Language, step: KPIBreakdown.Step) throws -> (Unpacked, URL) {
    let directory = try temporaryDirectory()
    let file = directory.appendingPathComponent("report.xlsx")
    let year = Period(year: 2023, span: .year)
    let table = KPITable(period: year, dossiers: yearDossiers, unitNames: yearNames)
    let breakdown = KPIBreakdown(period: year, step: step, dossiers: yearDossiers, unitNames: yearNames)
    try XLSXReport.write(table: table, form06a: table, inputs: [input], language: language, breakdown: breakdown,
                         to: file.path)
    return (try Unpacked(file), directory)
}

// MARK: Tests

@Suite struct XLSXReportTests {
    @Test func sheetNames() throws {
        let (en, d1) = try written(.en)
        defer { try? FileManager.default.removeItem(at: d1) }
        #expect(try en.sheetNames == ["KPI", "06a", "Inputs"])
        let (vi, d2) = try written(.vi)
        defer { try? FileManager.default.removeItem(at: d2) }
        #expect(try vi.sheetNames == ["Chỉ số", "Biểu 06a", "Tệp đầu vào"])
    }

    @Test func kpiSheetHasTheCSVColumnsAndNumbers() throws {
        let (book, directory) = try written(.en)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cells = try book.cells(sheet: 1)
        // Header: the csv's columns, A1 period … T1 below_target.
        let letters = (0..<20).map { String(UnicodeScalar(UInt8(ascii: "A") + UInt8($0))) }
        #expect(letters.map { cells["\($0)1"]?.value } == KPITable.csvColumns)
        // Unit rows in code-point order, then TOTAL.
        #expect(cells["A2"]?.value == "2023-Q1")
        #expect(cells["B2"]?.value == "Phòng Tư pháp, Hộ tịch")
        #expect(cells["B3"]?.value == "UBND xã Hoằng Đức")
        #expect(cells["B4"]?.value == "TOTAL")
        // Counts are numbers (no t attribute): received_new 3, resolved 3, early/on time/late 1 each.
        for (ref, value) in [("C2", "0"), ("D2", "3"), ("F2", "3"), ("H2", "3"), ("I2", "1"), ("J2", "1"),
                             ("K2", "1"), ("M3", "1"), ("E3", "1"), ("D4", "4"), ("M4", "1")] {
            #expect(cells[ref]?.type == nil, "\(ref) is not a number")
            #expect(cells[ref]?.value == value, "\(ref)")
        }
        // Rates are fractions, numbers: on_time_rate 2/3, progress 2/3, online 0; UBND xã: online 1.
        let onTime = try #require(cells["O2"])
        #expect(onTime.type == nil)
        #expect(onTime.value?.hasPrefix("0.6666") == true, "\(onTime.value ?? "nil")")
        #expect(try abs(Double(#require(onTime.value))! - 2.0 / 3.0) < 1e-12)
        #expect(cells["P4"]?.value == "0.75")
        #expect(cells["Q3"]?.value == "1")
        #expect(cells["Q2"]?.value == "0")
        // No rate: an empty (styled) cell. No flag either.
        #expect(cells["O3"] != nil && cells["O3"]?.value == nil)
        #expect(cells["T3"] != nil && cells["T3"]?.value == nil)
        // below_target is a boolean.
        #expect(cells["T2"]?.type == "b" && cells["T2"]?.value == "1")
        #expect(cells["T4"]?.type == "b" && cells["T4"]?.value == "1")
        // Rates show as percentages with two decimals, counts with thousands separators.
        #expect(try book.style(onTime.style).numberFormat == "0.00%")
        #expect(try book.style(#require(cells["D2"]).style).numberFormat == "#,##0")
    }

    @Test func headerFrozenAndFiltered() throws {
        let (book, directory) = try written(.en)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sheet = try book.xml("xl/worksheets/sheet1.xml")
        let pane = try #require(sheet.all("pane").first)
        #expect(pane.attribute("state") == "frozen")
        #expect(pane.attribute("ySplit") == "1")
        #expect(pane.attribute("topLeftCell") == "A2")
        #expect(pane.attribute("xSplit") == nil)
        // The filter covers the header and the units; the total row stays put.
        #expect(sheet.all("autoFilter").first?.attribute("ref") == "A1:T3")
        // Column widths are set.
        #expect(sheet.all("col").count >= 20)
    }

    @Test func rowsBelowTargetAreRed() throws {
        let (book, directory) = try written(.en)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cells = try book.cells(sheet: 1)
        for ref in ["A2", "B2", "D2", "O2", "T2", "B4", "O4"] {
            let style = try book.style(try #require(cells[ref]).style)
            #expect(style.fill == "FFF4CCCC", "\(ref) fill")
            #expect(style.font == "FF990000", "\(ref) font")
        }
        for ref in ["A3", "B3", "D3", "O3", "T3"] {
            let style = try book.style(try #require(cells[ref]).style)
            #expect(style.fill != "FFF4CCCC", "\(ref) is not below target")
        }
        #expect(try book.text("xl/styles.xml").contains(#"<fgColor rgb="FFF4CCCC"/>"#))
    }

    @Test func form06aLaidOutLikeTheForm() throws {
        let (book, directory) = try written(.vi)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sheet = try book.xml("xl/worksheets/sheet2.xml")
        let merged = Set(sheet.all("mergeCell").compactMap { $0.attribute("ref") })
        // Title and period line across the 13 columns; STT and Đơn vị over both header rows;
        // the three groups over 4, 4 and 3 columns.
        #expect(merged == ["A1:M1", "A2:M2", "A4:A5", "B4:B5", "C4:F4", "G4:J4", "K4:M4"])
        let cells = try book.cells(sheet: 2)
        #expect(cells["A1"]?.value == Form06a.title(.vi))
        #expect(cells["A2"]?.value == "Kỳ báo cáo: 2023-Q1 (từ ngày 15/12/2022 đến ngày 14/03/2023)")
        #expect(cells["A4"]?.value == "STT")
        #expect(cells["B4"]?.value == "Đơn vị")
        #expect(cells["C4"]?.value == "Số hồ sơ nhận giải quyết")
        #expect(cells["G4"]?.value == "Số hồ sơ đã giải quyết")
        #expect(cells["K4"]?.value == "Số hồ sơ đang giải quyết")
        let letters = (0..<13).map { String(UnicodeScalar(UInt8(ascii: "A") + UInt8($0))) }
        #expect(letters.dropFirst(2).map { cells["\($0)5"]?.value } == Form06a.columnHeaders(.vi))
        #expect(letters.map { cells["\($0)6"]?.value } == (1...13).map { "(\($0))" })
        // Numbered rows, figures as numbers, then the total.
        #expect(cells["A7"]?.type == nil && cells["A7"]?.value == "1")
        #expect(cells["B7"]?.value == "Phòng Tư pháp, Hộ tịch")
        #expect(letters.dropFirst(2).map { cells["\($0)7"]?.value } == Form06a.figures(table.rows[0].counts).map(String.init))
        #expect(letters.dropFirst(2).allSatisfy { cells["\($0)7"]?.type == nil })
        #expect(cells["A8"]?.value == "2")
        #expect(cells["B9"]?.value == "Tổng cộng")
        #expect(letters.dropFirst(2).map { cells["\($0)9"]?.value } == Form06a.figures(table.total).map(String.init))
        // Borders on the header and the figures.
        #expect(try book.style(#require(cells["C5"]).style).border == "thin")
        #expect(try book.style(#require(cells["M9"]).style).border == "thin")
    }

    @Test func inputsSheet() throws {
        let (book, directory) = try written(.en)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cells = try book.cells(sheet: 3)
        let letters = (0..<9).map { String(UnicodeScalar(UInt8(ascii: "A") + UInt8($0))) }
        #expect(letters.map { cells["\($0)1"]?.value }
            == ["file", "sha256", "bytes", "kind", "encoding", "as_of", "rows", "accepted", "rejected"])
        #expect(letters.map { cells["\($0)2"]?.value }
            == ["tthc-2023-q1.csv", String(repeating: "ab", count: 32), "12345", "portal-vn", "windows-1258",
                "14/03/2023 17:05:09", "5", "4", "1"])
        #expect(cells["C2"]?.type == nil && cells["G2"]?.type == nil && cells["I2"]?.type == nil)
        #expect(cells["F2"]?.type == "s")
    }

    @Test func sameInputsSameBytes() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.xlsx").path, b = directory.appendingPathComponent("b.xlsx").path
        try XLSXReport.write(table: table, form06a: table, inputs: [input], language: .vi, to: a)
        Thread.sleep(forTimeInterval: 2.1)  // zip timestamps have a two-second resolution
        try XLSXReport.write(table: table, form06a: table, inputs: [input], language: .vi, to: b)
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
    }

    /// The workbook of `Fixtures/hand-checked` (2023-Q1) carries the hand-checked table: every
    /// count, every rate to its two decimals, every flag. With `MOTCUA_DOCS_XLSX=PATH` the
    /// workbook is kept there (what docs/report-xlsx.png is rendered from).
    @Test func fixtureWorkbookCarriesTheHandCheckedTable() throws {
        let (set, table) = try HandChecked.q1()
        let fixtures = HandChecked.folder

        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("report.xlsx")
        try XLSXReport.write(table: table, form06a: table, inputs: set.inputs, language: .vi, to: file.path)
        if let keep = ProcessInfo.processInfo.environment["MOTCUA_DOCS_XLSX"], !keep.isEmpty {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: file, to: URL(fileURLWithPath: keep))
        }
        let cells = try Unpacked(file).cells(sheet: 1)
        let expected = try String(contentsOf: fixtures.appendingPathComponent("expected/2023-Q1.decree09.csv"), encoding: .utf8)
        let lines = expected.split(separator: "\n").dropFirst().map(String.init)
        try #require(lines.count == table.rows.count + 1)
        let letters = (0..<20).map { String(UnicodeScalar(UInt8(ascii: "A") + UInt8($0))) }
        for (index, line) in lines.enumerated() {
            let r = index + 2
            // The unit names hold no quote; only the first may hold a comma.
            let unit = line.hasPrefix("2023-Q1,\"") ? String(line.split(separator: "\"")[1]) : String(line.split(separator: ",")[1])
            let fields = Array(line.split(separator: ",", omittingEmptySubsequences: false).suffix(18)).map(String.init)
            #expect(cells["B\(r)"]?.value == (unit == "TOTAL" ? "TỔNG CỘNG" : unit))
            for (offset, field) in fields.enumerated() {
                let cell = cells["\(letters[2 + offset])\(r)"]
                switch offset {
                case 0..<12: #expect(cell?.type == nil && cell?.value == field, "row \(r) column \(offset + 2)")
                case 12..<17:
                    let value = try #require(cell?.value.flatMap(Double.init))
                    #expect(String(format: "%.2f", value * 100) == field, "row \(r) column \(offset + 2)")
                default: #expect(cell?.type == "b" && cell?.value == (field == "true" ? "1" : "0"))
                }
            }
        }
    }

    // MARK: The breakdown sheet

    @Test func withoutBreakdownThreeSheets() throws {
        let (book, directory) = try written(.en)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try book.sheetNames.count == 3)
        #expect(!FileManager.default.fileExists(atPath: book.directory.appendingPathComponent("xl/worksheets/sheet4.xml").path))
    }

    @Test func breakdownSheetNames() throws {
        for (language, step, names) in [(Language.en, KPIBreakdown.Step.quarter, ["KPI", "By quarter", "06a", "Inputs"]),
                                        (.en, .half, ["KPI", "By half", "06a", "Inputs"]),
                                        (.vi, .quarter, ["Chỉ số", "Theo quý", "Biểu 06a", "Tệp đầu vào"]),
                                        (.vi, .half, ["Chỉ số", "Theo 6 tháng", "Biểu 06a", "Tệp đầu vào"])] {
            let (book, directory) = try writtenWithBreakdown(language, step: step)
            defer { try? FileManager.default.removeItem(at: directory) }
            #expect(try book.sheetNames == names)
        }
    }

    /// 2023 by quarter (decree 09): "Phòng Tư pháp, Hộ tịch" resolves 2 of 3 on time in Q1
    /// (66.67 %, red), nothing in Q2 and Q4 (empty), 1 of 1 in Q3 (100 %); "UBND xã Hoằng Đức"
    /// has one open dossier from Q1 on, resolved in no quarter (`—`).
    @Test func breakdownSheetRatesAndStyles() throws {
        let (book, directory) = try writtenWithBreakdown(.en, step: .quarter)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cells = try book.cells(sheet: 2)
        #expect(["A1", "B1", "C1", "D1", "E1"].map { cells[$0]?.value }
            == ["Unit", "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"])
        #expect(["A2", "A3", "A4"].map { cells[$0]?.value } == ["Phòng Tư pháp, Hộ tịch", "UBND xã Hoằng Đức", "TOTAL"])
        // A rate: a number, the exact fraction, shown 0.00 %, red below target.
        let q1 = try #require(cells["B2"])
        #expect(q1.type == nil)
        #expect(try abs(Double(#require(q1.value))! - 2.0 / 3.0) < 1e-12)
        let red = try book.style(q1.style)
        #expect(red.numberFormat == "0.00%")
        #expect(red.fill == "FFF4CCCC" && red.font == "FF990000")
        // 100 % in Q3: a number, not red.
        let q3 = try #require(cells["D2"])
        #expect(q3.type == nil && q3.value == "1")
        #expect(try book.style(q3.style).fill != "FFF4CCCC")
        #expect(try book.style(q3.style).numberFormat == "0.00%")
        // No dossiers in Q2 and Q4: empty cells.
        #expect(cells["C2"]?.value == nil && cells["E2"]?.value == nil)
        // Dossiers, nothing resolved: a text —, not red.
        for ref in ["B3", "C3", "D3", "E3"] {
            #expect(cells[ref]?.type == "s" && cells[ref]?.value == "—", "\(ref)")
            #expect(try book.style(#require(cells[ref]).style).fill != "FFF4CCCC", "\(ref)")
        }
        // Total row: 2/3 in Q1 (red), — in Q2 (the open dossier is carried over), 100 % in Q3.
        let total = try #require(cells["B4"])
        #expect(try abs(Double(#require(total.value))! - 2.0 / 3.0) < 1e-12)
        #expect(try book.style(total.style).fill == "FFF4CCCC")
        #expect(cells["C4"]?.value == "—")
        #expect(cells["D4"]?.value == "1")
        // The header is frozen.
        let pane = try #require(try book.xml("xl/worksheets/sheet2.xml").all("pane").first)
        #expect(pane.attribute("state") == "frozen" && pane.attribute("ySplit") == "1")
        // The KPI sheet is still sheet 1, form 06a and the inputs follow the breakdown.
        #expect(try book.cells(sheet: 1)["B2"]?.value == "Phòng Tư pháp, Hộ tịch")
        #expect(try book.cells(sheet: 3)["A1"]?.value == Form06a.title(.en))
        #expect(try book.cells(sheet: 4)["A2"]?.value == "tthc-2023-q1.csv")
    }

    @Test func unwritablePathIsOneLineNamingIt() throws {
        let path = "/nonexistent-motcua-dir/report.xlsx"
        do {
            try XLSXReport.write(table: table, form06a: table, inputs: [], language: .en, to: path)
            Issue.record("no error")
        } catch let error as XLSXWriteError {
            let text = error.description
            #expect(text.hasPrefix(path + ": "))
            #expect(text.contains("Error creating output xlsx file"))
            #expect(text.contains("No such file or directory"))
            #expect(!text.contains("\n"))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
