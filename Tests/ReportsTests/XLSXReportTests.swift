import TestSupport
import Foundation
import Ingest
import KPIMetrics
import Testing
import Wording
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

/// The test table's workbook in `language`, read back.
private func written(_ language: Language, breakdown: KPIBreakdown? = nil, table: KPITable = table) throws -> XLSXBook {
    try XLSXBook(XLSXReport.workbook(people: KPIReport(table, language), breakdown: breakdown.map { BreakdownReport(breakdown: $0, language: language) },
                                         form: Form06aReport(table: table, language: language), inputs: [input]))
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

private func writtenWithBreakdown(_ language: Language, step: KPIBreakdown.Step) throws -> XLSXBook {
    let year = Period(year: 2023, span: .year)
    return try written(language, breakdown: KPIBreakdown(period: year, step: step, dossiers: yearDossiers, unitNames: yearNames),
                       table: KPITable(period: year, dossiers: yearDossiers, unitNames: yearNames))
}

private let letters = XLSXBook.letters(20)
private let red = "FFF4CCCC"

/// The workbook read back: the models' tables (KPIReportTests, Form06aTests) laid out on sheets.
@Suite struct XLSXReportTests {
    @Test func sheetNames() throws {
        #expect(try written(.en).sheetNames == ["KPI", "06a", "Inputs"])
        #expect(try written(.vi).sheetNames == ["Chỉ số", "Biểu 06a", "Tệp đầu vào"])
        for (language, step, names) in [(Language.en, KPIBreakdown.Step.quarter, ["KPI", "By quarter", "06a", "Inputs"]),
                                        (.vi, .half, ["Chỉ số", "Theo 6 tháng", "Biểu 06a", "Tệp đầu vào"])] {
            #expect(try writtenWithBreakdown(language, step: step).sheetNames == names)
        }
    }

    /// The KPI sheet: the csv's columns (their machine names in English), counts and rates as
    /// numbers, the flag "Yes" ("Có") or empty, rows below target red, the header frozen, the
    /// units filtered.
    @Test func kpiSheet() throws {
        let book = try written(.en)
        let cells = try book.cells(sheet: 1)
        #expect(letters.map { cells["\($0)1"]?.value } == KPITable.csvColumns)
        #expect(["A2", "B2", "B3", "B4"].map { cells[$0]?.value } == ["2023-Q1", "Phòng Tư pháp, Hộ tịch", "UBND xã Hoằng Đức", "TOTAL"])
        for (ref, value) in [("C2", "0"), ("D2", "3"), ("F2", "3"), ("H2", "3"), ("I2", "1"), ("J2", "1"),
                             ("K2", "1"), ("M3", "1"), ("E3", "1"), ("D4", "4"), ("M4", "1")] {
            #expect(cells[ref]?.type == nil && cells[ref]?.value == value, "\(ref)")
        }
        let onTime = try #require(cells["O2"])
        #expect(abs((Double(onTime.value ?? "") ?? 0) - 2.0 / 3.0) < 1e-12)
        #expect(cells["P4"]?.value == "0.75" && cells["Q3"]?.value == "1" && cells["Q2"]?.value == "0")
        #expect(cells["O3"] != nil && cells["O3"]?.value == nil, "no rate: an empty, styled cell")
        #expect(cells["T2"]?.type == "s" && cells["T2"]?.value == "Yes" && cells["T3"]?.value == nil)
        #expect(try written(.vi).cells(sheet: 1)["T2"]?.value == "Có")
        #expect(try book.style(onTime.style).numberFormat == "0.00%")
        #expect(try book.style(#require(cells["D2"]).style).numberFormat == "#,##0")
        for ref in ["A2", "B2", "D2", "O2", "T2", "B4", "O4"] {
            let style = try book.style(try #require(cells[ref]).style)
            #expect(style.fill == red && style.font == "FF990000", "\(ref)")
        }
        for ref in ["A3", "B3", "D3", "O3", "T3"] { #expect(try book.style(#require(cells[ref]).style).fill != red, "\(ref)") }
        let sheet = try book.xml("xl/worksheets/sheet1.xml")
        let pane = try #require(sheet.all("pane").first)
        #expect(pane.attribute("state") == "frozen" && pane.attribute("ySplit") == "1" && pane.attribute("xSplit") == nil)
        #expect(sheet.all("autoFilter").first?.attribute("ref") == "A1:T3", "the total row stays put")
        #expect(cells["A6"]?.value == KPIReport(table, .en).period.sentence + " Red rows: below target; an empty rate: nothing to rate.")
        #expect(try written(.vi).cells(sheet: 1)["C1"]?.value == "Kỳ trước chuyển qua")
    }

    /// Biểu 06a as on paper: its number, circular and units at the top left; title, period and
    /// unit of figures across; the two-level header with the ungrouped titles over both rows, the
    /// column numbers, numbered rows and the total, every cell boxed; the signature block below.
    @Test func form06aSheet() throws {
        let book = try written(.vi)
        let merged = Set(try book.xml("xl/worksheets/sheet2.xml").all("mergeCell").compactMap { $0.attribute("ref") })
        // Rows 1–4 the header, 6–8 the title, period and unit, 10–11 the column titles, 12 their
        // numbers, 13–15 the rows and the total; then the place and date and the two signers.
        #expect(merged.isSuperset(of: ["A6:M6", "A7:M7", "A8:M8", "A10:A11", "B10:B11", "C10:F10", "G10:J10", "K10:M10"]))
        #expect(merged.isSuperset(of: ["G18:M18", "A19:F19", "G19:M19", "A20:F20", "G20:M20"]), "\(merged.sorted())")
        let cells = try book.cells(sheet: 2)
        let form = Form06aReport(table: table, language: .vi)
        #expect((1...4).map { cells["A\($0)"]?.value } == form.header)
        #expect(cells["A1"]?.value == "Biểu số 06a/VPCP/KSTT" && cells["A3"]?.value == "Đơn vị báo cáo: ………………………………")
        #expect(cells["A6"]?.value == form.title && cells["A7"]?.value == form.periodLine && cells["A8"]?.value == "Đơn vị tính: hồ sơ")
        #expect(["A10", "B10", "C10", "G10", "K10"].map { cells[$0]?.value }
                == ["STT", "Đơn vị", "Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết", "Số hồ sơ đang giải quyết"])
        #expect(letters.prefix(13).dropFirst(2).map { cells["\($0)11"]?.value } == form.form.columns.dropFirst(2).map(\.title))
        #expect(letters.prefix(13).map { cells["\($0)12"]?.value } == (1...13).map { "(\($0))" })
        #expect(cells["A13"]?.type == nil && cells["A13"]?.value == "1" && cells["B13"]?.value == "Phòng Tư pháp, Hộ tịch")
        #expect(letters.prefix(13).dropFirst(2).map { cells["\($0)13"]?.value } == Form06a.figures(table.rows[0].counts).map(String.init))
        #expect(cells["B15"]?.value == "Tổng cộng")
        #expect(letters.prefix(13).dropFirst(2).map { cells["\($0)15"]?.value } == Form06a.figures(table.total).map(String.init))
        #expect(try book.style(#require(cells["C11"]).style).border == "thin")
        #expect(try book.style(#require(cells["M15"]).style).border == "thin")
        #expect(cells["G18"]?.value == "……………, ngày …… tháng …… năm ……")
        #expect(cells["A19"]?.value == "NGƯỜI LẬP BIỂU" && cells["G19"]?.value == "THỦ TRƯỞNG ĐƠN VỊ")
        #expect(cells["A20"]?.value == "(Ký, ghi rõ họ tên)" && cells["G20"]?.value == "(Ký tên, đóng dấu)")
    }

    @Test func inputsSheet() throws {
        let cells = try written(.en).cells(sheet: 3)
        #expect(letters.prefix(9).map { cells["\($0)1"]?.value }
            == ["file", "sha256", "bytes", "kind", "encoding", "as_of", "rows", "accepted", "rejected"])
        #expect(letters.prefix(9).map { cells["\($0)2"]?.value }
            == ["tthc-2023-q1.csv", String(repeating: "ab", count: 32), "12345", "portal-vn", "windows-1258",
                "14/03/2023 17:05:09", "5", "4", "1"])
        #expect(cells["C2"]?.type == nil && cells["G2"]?.type == nil && cells["F2"]?.type == "s")
        #expect(try written(.vi).cells(sheet: 3)["F1"]?.value == "Thời điểm dữ liệu")
    }

    /// 2023 by quarter (decree 09): "Phòng Tư pháp, Hộ tịch" resolves 2 of 3 on time in Q1
    /// (66.67 %, red), nothing in Q2 and Q4 (empty), 1 of 1 in Q3 (100 %); "UBND xã Hoằng Đức"
    /// has one open dossier from Q1 on, resolved in no quarter (`—`).
    @Test func breakdownSheet() throws {
        let book = try writtenWithBreakdown(.en, step: .quarter)
        let cells = try book.cells(sheet: 2)
        #expect(["A1", "B1", "C1", "D1", "E1"].map { cells[$0]?.value } == ["Unit", "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"])
        #expect(["A2", "A3", "A4"].map { cells[$0]?.value } == ["Phòng Tư pháp, Hộ tịch", "UBND xã Hoằng Đức", "TOTAL"])
        let q1 = try #require(cells["B2"])
        #expect(q1.type == nil && abs((Double(q1.value ?? "") ?? 0) - 2.0 / 3.0) < 1e-12)
        #expect(try book.style(q1.style).numberFormat == "0.00%" && book.style(q1.style).fill == red)
        let q3 = try #require(cells["D2"])
        #expect(try q3.value == "1" && book.style(q3.style).fill != red)
        #expect(cells["C2"]?.value == nil && cells["E2"]?.value == nil, "no dossiers: empty")
        for ref in ["B3", "C3", "D3", "E3"] {
            #expect(cells[ref]?.type == "s" && cells[ref]?.value == "—", "\(ref)")
            #expect(try book.style(#require(cells[ref]).style).fill != red, "\(ref)")
        }
        #expect(try book.style(#require(cells["B4"]).style).fill == red)
        #expect(cells["C4"]?.value == "—" && cells["D4"]?.value == "1")
        #expect(try book.xml("xl/worksheets/sheet2.xml").all("pane").first?.attribute("ySplit") == "1")
        #expect(try book.cells(sheet: 3)["A1"]?.value == Form06aReport(table: table, language: .en).header[0])
        #expect(try book.cells(sheet: 4)["A2"]?.value == "tthc-2023-q1.csv")
    }

    @Test func sameInputsSameBytes() throws {
        let a = try XLSXReport.workbook(people: KPIReport(table, .vi), breakdown: nil, form: Form06aReport(table: table, language: .vi), inputs: [input])
        Thread.sleep(forTimeInterval: 2.1)  // zip timestamps have a two-second resolution
        let b = try XLSXReport.workbook(people: KPIReport(table, .vi), breakdown: nil, form: Form06aReport(table: table, language: .vi), inputs: [input])
        #expect(a == b)
        #expect(a.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "a zip")
    }

    /// A header whose titles wrap is as tall as their lines (Excel does not fit rows to wrapped
    /// text when it opens a file): the inputs sheet's "Dòng đã đọc" takes two lines of its
    /// column; the KPI sheet keeps its three lines; titles that fit leave the row as it is.
    @Test func wrappedHeadersAreTallEnough() throws {
        let (set, table) = try HandChecked.q1()
        for (language, inputsHeader) in [(Language.vi, 33.0), (.en, nil)] {
            let bytes = try XLSXReport.workbook(people: KPIReport(table, language), breakdown: nil,
                                                form: Form06aReport(table: table, language: language), inputs: set.inputs)
            let book = try XLSXBook(bytes)
            func height(sheet: Int, row: Int) throws -> Double? {
                try book.xml("xl/worksheets/sheet\(sheet).xml").all("row")
                    .first { $0.attribute("r") == String(row) }?.attribute("ht").flatMap(Double.init)
            }
            #expect(try height(sheet: 3, row: 1) == inputsHeader, "\(language)")
            #expect(try height(sheet: 1, row: 1) == 48 || language == .en)
        }
        #expect(PeopleTable.lines("Dòng đã đọc", width: 9) == 2)
        #expect(PeopleTable.lines("Dòng đã đọc", width: 12) == 1)
        #expect(PeopleTable.lines("Tỷ lệ giải quyết đúng hạn", width: 9) == 4)
        #expect(PeopleTable.lines("SHA-256", width: 70) == 1)
        #expect(PeopleTable.lines("abcdefghijklmnopqrst", width: 9) == 3)
    }

    /// The workbook of `Fixtures/hand-checked` (2023-Q1) carries the hand-checked table: every
    /// count, every rate to its two decimals, every flag. With `MOTCUA_DOCS_XLSX=PATH` the
    /// workbook is kept there (what docs/report-xlsx.png is rendered from: scripts/docs-xlsx-screenshot).
    @Test func fixtureWorkbookCarriesTheHandCheckedTable() throws {
        let (set, table) = try HandChecked.q1()
        let bytes = try XLSXReport.workbook(people: KPIReport(table, .vi), breakdown: nil, form: Form06aReport(table: table, language: .vi), inputs: set.inputs)
        if let keep = ProcessInfo.processInfo.environment["MOTCUA_DOCS_XLSX"], !keep.isEmpty {
            try bytes.write(to: URL(fileURLWithPath: keep))
        }
        let cells = try XLSXBook(bytes).cells(sheet: 1)
        let expected = try String(contentsOf: HandChecked.folder.appendingPathComponent("expected/2023-Q1.decree09.csv"),
                                  encoding: .utf8)
        let records = csvRecords(expected).dropFirst()
        try #require(records.count == table.rows.count + 1)
        // Rows in Vietnamese alphabetical order (the csv's are in code-point order): found by name.
        var rowOf: [String: Int] = [:]
        for r in 2...(records.count + 1) { if let name = cells["B\(r)"]?.value { rowOf[name] = r } }
        #expect(rowOf["UBND xã Hoằng Đông"] == 4 && rowOf["UBND xã Hoằng Trinh"] == 5, "Đ before T: \(rowOf)")
        for record in records {
            let r = try #require(rowOf[record[1] == "TOTAL" ? "TỔNG CỘNG" : record[1]], "no row for \(record[1])")
            for (offset, field) in record.dropFirst(2).enumerated() {
                let cell = cells["\(letters[2 + offset])\(r)"]
                switch offset {
                case 0..<12: #expect(cell?.type == nil && cell?.value == field, "row \(r) column \(offset + 2)")
                case 12..<17:
                    if field.isEmpty { #expect(cell?.value == nil); continue }
                    let value = try #require(cell?.value.flatMap(Double.init))
                    #expect(String(format: "%.2f", value * 100) == field, "row \(r) column \(offset + 2)")
                default: #expect(cell?.value == (field == "true" ? "Có" : nil))
                }
            }
        }
    }
}
