import TestSupport
import Foundation
import Ingest
import KPIMetrics
import Testing
import Wording
@testable import Reports

private typealias F = PeopleReportFixture

/// The people's KPI table as a model: what every format shows, checked once here; each format
/// keeps one test of its rendering.
@Suite struct KPIReportTests {
    @Test func viewsShowTheirColumns() {
        let report = KPIReport(F.table, .vi)
        let summary = report.table(.summary), page = report.table(.page), sheet = report.table(.sheet)
        #expect(summary.columns.map(\.title) == ["Đơn vị", "Kỳ trước", "Mới nhận", "Trực tuyến", "Đã giải quyết", "Trước hạn",
                                                 "Đúng hạn", "Quá hạn", "Đang giải quyết", "Đang quá hạn", "Tỷ lệ đúng hạn",
                                                 "Tiến độ", "Tỷ lệ trực tuyến", "Số hóa hồ sơ", "Số hóa kết quả"])
        #expect(page.columns.map(\.key) == ["unit"] + Array(KPITable.csvColumns[2..<19]))
        #expect(sheet.columns.map(\.key) == KPITable.csvColumns)
        #expect(page.spans.map { $0.title } == [nil, "Hồ sơ tiếp nhận", "Đã giải quyết", "Đang giải quyết", "Tỷ lệ"])
        #expect(page.spans.map(\.columns.count) == [1, 5, 5, 2, 5])
        #expect(!summary.hasGroups && !sheet.hasGroups)
        #expect(page.columns.filter(\.decidesFlag).map(\.key) == ["on_time_rate"])
        #expect(KPIReport(F.table, .en).table(.page).columns.last?.title == "Digitised results")
    }

    /// Every view carries the csv's figures, row for row, as people read them, and flags the
    /// rows the csv says are below target.
    @Test(arguments: Language.allCases) func everyViewCarriesTheCSVFigures(language: Language) {
        let records = F.csvRecords(F.table)
        let report = KPIReport(F.table, language)
        for view in [KPIReport.View.summary, .page, .sheet] {
            let table = report.table(view)
            #expect(table.rows.map(\.key) == records.map { $0["unit"] ?? "" }, "\(view)")
            for (row, record) in zip(table.rows, records) {
                for (column, cell) in zip(table.columns, row.cells) where column.key.hasSuffix("_rate") || column.role == .figure {
                    guard let value = record[column.key], column.key != "below_target" else { continue }
                    #expect(cell.value.text(language, empty: "") == F.people(value, column: column.key, language),
                            "\(view) \(row.key) \(column.key)")
                }
                #expect(row.isFlagged == (record["below_target"] == "true"), "\(view) \(row.key)")
                #expect(row.isTotal == (row.key == "TOTAL"))
            }
        }
    }

    @Test func labelsAndTheTotal() {
        let vi = KPIReport(F.table, .vi), en = KPIReport(F.table, .en)
        #expect(vi.table(.summary).rows.last?.cells.first?.value.text(.vi, empty: "") == "TỔNG CỘNG")
        #expect(en.table(.summary).rows.last?.cells.first?.value.text(.en, empty: "") == "TOTAL")
        #expect(vi.label(.noField) == "(không rõ lĩnh vực)" && en.label(.noField) == "(unknown field)")
        #expect(vi.flagged == ["Phòng Tư pháp, Hộ tịch"], "exactly 98.00 % is on target, not below")
    }

    @Test func byFieldTheRowsAreFieldsAndTheUnknownOneIsWorded() {
        let dossiers = [Dossier(unit: UnitID(rawValue: 0), channel: .direct, status: .processing, received: moment(2023, 1, 5),
                                due: nil, finished: nil, digitisedDossier: false, digitisedResult: false,
                                source: SourceLine(file: 0, line: 0), field: .unknown)]
        let table = KPITable(period: Period(year: 2023, span: .quarter(1)), dossiers: dossiers, unitNames: [:], grouping: .field)
        let report = KPIReport(table, .en)
        #expect(report.rowTitle == "Field")
        #expect(report.table(.summary).rows.map(\.key) == ["(unknown field)", "TOTAL"])
        #expect(KPIReport(table, .vi).table(.summary).columns[0].title == "Lĩnh vực")
    }

    @Test func sentences() {
        let vi = KPIReport(F.table, .vi), en = KPIReport(F.table, .en)
        #expect(vi.period.sentence == "Kỳ báo cáo 2023-Q1 (theo Nghị định 09/2019/NĐ-CP): từ 15/12/2022 đến 14/03/2023. "
                + "Mục tiêu giải quyết đúng hạn: 98 %.")
        #expect(en.period.sentence == "Period 2023-Q1 (Decree 09/2019 cut-off): 15/12/2022 to 14/03/2023. On-time target: 98%.")
        #expect(vi.legend(mark: "*").hasSuffix(" * = dưới mục tiêu; — = không có hồ sơ để tính."))
        #expect(en.belowLine(["A", "B"]) == "Units below target (2): A; B")
        #expect(vi.belowLine([]) == "Không có đơn vị nào dưới mục tiêu.")
        var calendar = F.table
        calendar.basis = .calendar
        calendar.target = Target(scaled: 975, divisor: 10)
        #expect(KPIReport(calendar, .vi).period.sentence.contains("(theo tháng dương lịch)"))
        #expect(KPIReport(calendar, .vi).period.target == "97,5 %")
    }
}

@Suite struct BreakdownReportTests {
    /// Units × quarters: a unit without dossiers in a quarter has no value; one with dossiers and
    /// nothing resolved, a missing rate; cells below target are flagged; the total is last.
    @Test func cellsAndFlags() {
        let report = BreakdownReport(breakdown: F.breakdown, language: .vi)
        let table = report.table
        #expect(table.columns.map(\.title) == ["Đơn vị", "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"])
        #expect(table.rows.map(\.key) == F.breakdown.units + ["TOTAL"])
        #expect(table.marksMissingRates && !table.flagsRows)
        for (row, unit) in zip(table.rows, F.breakdown.units.map(Optional.some) + [nil]) {
            for index in 0..<4 {
                let cell = row.cells[index + 1]
                guard let counts = F.breakdown.counts(unit: unit, at: index) else {
                    #expect(cell.value.text(.vi, empty: "∅") == "∅", "\(row.key) \(index)")
                    continue
                }
                #expect(cell.value.text(.vi, empty: "∅") == Language.vi.percent(counts.onTimeRate?.formatted))
                #expect(cell.isFlagged == (counts.onTimeRate?.isBelow(F.breakdown.target) == true), "\(row.key) \(index)")
            }
        }
        #expect(table.rows.last?.cells.first?.value.text(.vi, empty: "") == "TỔNG CỘNG")
        #expect(table.rows.last?.cells[4].value.text(.vi, empty: "") == "—", "nothing resolved in Q4")
    }

    @Test func wording() {
        let vi = BreakdownReport(breakdown: F.breakdown, language: .vi), en = BreakdownReport(breakdown: F.breakdown, language: .en)
        #expect(vi.title == "Tỷ lệ giải quyết đúng hạn theo quý")
        #expect(vi.heading == "Tỷ lệ giải quyết đúng hạn theo quý, 2023")
        #expect(en.heading == "On-time rate by quarter, 2023")
        #expect(vi.dates == "Theo Nghị định 09/2019/NĐ-CP: 2023-Q1: 15/12/2022 – 14/03/2023; 2023-Q2: 15/03/2023 – 14/06/2023; "
                + "2023-Q3: 15/06/2023 – 14/09/2023; 2023-Q4: 15/09/2023 – 14/12/2023.")
    }
}
