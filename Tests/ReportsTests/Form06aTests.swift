import TestSupport
import Ingest
import KPIMetrics
import Testing
import Wording
@testable import Reports

/// Hand-made dossiers for 2023-Q1 (decree 09): unit 0 with one carried-over dossier resolved
/// late and one new online dossier pending overdue; unit 1 with a new postal dossier resolved
/// early and a new direct one pending, not yet due. Fields: 0 "Hộ tịch", 1 "Đất đai", none.
private let dossiers: [Dossier] = [
    Dossier(unit: UnitID(rawValue: 0), channel: .direct, status: .returned, received: moment(2022, 12, 1),
            due: moment(2023, 1, 5), finished: moment(2023, 1, 9), digitisedDossier: false, digitisedResult: false,
            source: SourceLine(file: 0, line: 2), field: FieldID(rawValue: 0)),
    Dossier(unit: UnitID(rawValue: 0), channel: .online, status: .processing, received: moment(2023, 2, 1),
            due: moment(2023, 2, 10), finished: nil, digitisedDossier: true, digitisedResult: false,
            source: SourceLine(file: 0, line: 3), field: FieldID(rawValue: 1)),
    Dossier(unit: UnitID(rawValue: 1), channel: .postal, status: .processed, received: moment(2023, 1, 2),
            due: moment(2023, 1, 20), finished: moment(2023, 1, 10), digitisedDossier: false, digitisedResult: true,
            source: SourceLine(file: 0, line: 4), field: FieldID(rawValue: 0)),
    Dossier(unit: UnitID(rawValue: 1), channel: .direct, status: .accepted, received: moment(2023, 3, 1),
            due: moment(2023, 4, 1), finished: nil, digitisedDossier: false, digitisedResult: false,
            source: SourceLine(file: 0, line: 5)),
]
private let names = [UnitID(rawValue: 0): "UBND xã A", UnitID(rawValue: 1): "Phòng B"]
private let fields = [FieldID(rawValue: 0): "Hộ tịch", FieldID(rawValue: 1): "Đất đai"]

@Suite struct Form06aTests {
    private let q1 = Period(year: 2023, span: .quarter(1))

    /// By hand — UBND xã A: to resolve 2 (carried 1, online 1, direct+postal 0); resolved 1
    /// (early 0, on time 0, late 1); pending 1 (not yet due 0, overdue 1).
    /// Phòng B: to resolve 2 (0, 0, 2); resolved 1 (1, 0, 0); pending 1 (1, 0).
    @Test func figuresByUnit() throws {
        let table = KPITable(period: q1, dossiers: dossiers, unitNames: names)
        #expect(table.rows.map(\.name) == ["Phòng B", "UBND xã A"])
        #expect(Form06a.figures(table.rows[1].counts) == [2, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1])
        #expect(Form06a.figures(table.rows[0].counts) == [2, 0, 0, 2, 1, 1, 0, 0, 1, 1, 0])
        #expect(Form06a.figures(table.total) == [4, 1, 1, 2, 2, 1, 0, 1, 2, 1, 1])
    }

    /// The form's own identities, on every row: (3) = (4)+(5)+(6), (7) = (8)+(9)+(10),
    /// (11) = (12)+(13), and (3) = (7)+(11).
    @Test(arguments: [KPITable.Grouping.unit, .field])
    func columnsAddUp(grouping: KPITable.Grouping) {
        let table = KPITable(period: q1, dossiers: dossiers, unitNames: names, grouping: grouping, fieldNames: fields)
        for row in table.allRows {
            let f = Form06a.figures(row.counts)
            #expect(f[0] == f[1] + f[2] + f[3])
            #expect(f[4] == f[5] + f[6] + f[7])
            #expect(f[8] == f[9] + f[10])
            #expect(f[0] == f[4] + f[8])
        }
    }

    /// The model: numbered rows, the two label columns standing alone, the figure columns under
    /// the form's three groups of 4, 4 and 3, the total last; by field, the dossiers without
    /// one last, worded.
    @Test func theFormsTable() {
        let table = KPITable(period: q1, dossiers: dossiers, unitNames: names, grouping: .field, fieldNames: fields)
        let form = Form06aReport(table: table, language: .vi).form
        #expect(form.numbered)
        #expect(form.columns.map(\.title) == ["STT", "Lĩnh vực", "Tổng số", "Số kỳ trước chuyển qua", "Số mới tiếp nhận trực tuyến",
                                              "Số mới tiếp nhận trực tiếp và dịch vụ bưu chính", "Tổng số", "Trả trước hạn",
                                              "Trả đúng thời hạn", "Trả quá hạn", "Tổng số", "Chưa đến hạn", "Quá hạn"])
        #expect(form.spans.map(\.title) == [nil, nil, "Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết", "Số hồ sơ đang giải quyết"])
        #expect(form.spans.map(\.columns.count) == [1, 1, 4, 4, 3])
        #expect(form.texts(.vi).map { $0[0] } == ["1", "2", "3", ""])
        // Vietnamese alphabetical order: đ is the letter after d, so "Đất đai" comes before "Hộ tịch".
        #expect(form.texts(.vi).map { $0[1] } == ["Đất đai", "Hộ tịch", "(không rõ lĩnh vực)", "Tổng cộng"])
        #expect(form.texts(.vi).last.map { Array($0.dropFirst(2)) } == Form06a.figures(table.total).map(String.init))
        #expect(table.total == KPITable(period: q1, dossiers: dossiers, unitNames: names).total)
    }

    /// One rendering test: the official header (the form's number, the reporting and receiving
    /// units as dotted blanks), the title and period, the column numbers, the rows aligned, and
    /// the signature block.
    @Test func textHasTheOfficialHeaderAndNumbering() {
        let text = Form06aReport(table: KPITable(period: q1, dossiers: dossiers, unitNames: names), language: .vi).text()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines[0...3]) == ["Biểu số 06a/VPCP/KSTT", "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP",
                                        "Đơn vị báo cáo: ………………………………", "Đơn vị nhận báo cáo: ………………………………"])
        #expect(lines[4] == "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC")
        #expect(lines[5] == "Kỳ báo cáo: 2023-Q1 (từ ngày 15/12/2022 đến ngày 14/03/2023)")
        #expect(lines[6] == "Đơn vị tính: hồ sơ")
        #expect(lines[7].isEmpty)
        let t = 8  // the table's first line
        #expect(lines[t].contains("Số hồ sơ nhận giải quyết") && lines[t].contains("Số hồ sơ đang giải quyết"))
        #expect(lines[t + 1].hasPrefix("STT  Đơn vị") && lines[t + 1].hasSuffix("Quá hạn"))
        #expect(lines[t + 2].hasPrefix("(1)  (2)") && lines[t + 2].hasSuffix("(13)"))
        #expect(lines[t + 3].allSatisfy { $0 == "─" } && lines[t + 6] == lines[t + 3])
        #expect(lines[t + 4].hasPrefix("  1  Phòng B"))
        #expect(lines[t + 7].hasPrefix("     Tổng cộng"))
        #expect(Set(lines[t...(t + 7)].map(\.count)).count == 1, "every line as wide")
        #expect(lines[t].hasPrefix("   " + "  " + String(repeating: " ", count: "UBND xã A".count) + "  Số hồ sơ nhận"))
        // The signature block: the place and date at the right, the two signers side by side.
        let signature = Array(lines[(t + 9)...].prefix(3))
        #expect(signature[0].hasSuffix("……………, ngày …… tháng …… năm ……") && signature[0].hasPrefix("   "))
        #expect(signature[1].hasPrefix("NGƯỜI LẬP BIỂU") && signature[1].hasSuffix("THỦ TRƯỞNG ĐƠN VỊ"))
        #expect(signature[2].hasPrefix("(Ký, ghi rõ họ tên)") && signature[2].hasSuffix("(Ký tên, đóng dấu)"))
        #expect(signature[1].count - "THỦ TRƯỞNG ĐƠN VỊ".count == signature[2].count - "(Ký tên, đóng dấu)".count,
                "the head's role and note start in one column")
    }

    /// The units given (`--reporting-unit`, `--receiving-unit`) replace the dotted blanks, in
    /// every format; English has its own words.
    @Test func theUnitsGivenAreWritten() {
        var settings = ReportSettings(period: q1, language: .en)
        settings.reportingUnit = "Hoằng Hóa District People's Committee"
        settings.receivingUnit = "Thanh Hóa Provincial Office"
        let form = Form06aReport(table: KPITable(period: q1, dossiers: dossiers, unitNames: names), settings: settings)
        #expect(form.header == ["Form 06a/VPCP/KSTT", "Issued with Circular 01/2020/TT-VPCP",
                                "Reporting unit: Hoằng Hóa District People's Committee", "Receiving unit: Thanh Hóa Provincial Office"])
        for text in [form.text(), form.markdown(), form.html()] {
            #expect(text.contains("Reporting unit: Hoằng Hóa District People") && text.contains("PREPARED BY")
                    && text.contains("HEAD OF THE UNIT"))
        }
    }
}

@Suite struct KPIBreakdownTests {
    @Test func partsOfPeriods() {
        #expect(KPIBreakdown.parts(of: Period(year: 2023, span: .year), step: .quarter).map(\.description)
                == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"])
        #expect(KPIBreakdown.parts(of: Period(year: 2023, span: .year), step: .half).map(\.description) == ["2023-H1", "2023-H2"])
        #expect(KPIBreakdown.parts(of: Period(year: 2023, span: .nineMonths), step: .quarter).map(\.description)
                == ["2023-Q1", "2023-Q2", "2023-Q3"])
        #expect(KPIBreakdown.parts(of: Period(year: 2023, span: .half(2)), step: .quarter).map(\.description) == ["2023-Q3", "2023-Q4"])
    }

    /// By hand, 2023 by quarter: UBND xã A resolves its one dossier late in Q1 (0.00 %, below);
    /// Phòng B resolves early in Q1 (100.00 %); nothing is resolved after Q1. One rendering test
    /// of the text: flagged cells `*`, aligned.
    @Test func ratesPerQuarterWithFlags() {
        let breakdown = KPIBreakdown(period: Period(year: 2023, span: .year), step: .quarter, dossiers: dossiers, unitNames: names)
        #expect(breakdown.units == ["Phòng B", "UBND xã A"])
        #expect(breakdown.counts(unit: "UBND xã A", at: 0)?.onTimeRate?.formatted == "0.00")
        #expect(breakdown.counts(unit: "Phòng B", at: 0)?.onTimeRate?.formatted == "100.00")
        #expect(breakdown.counts(unit: nil, at: 0)?.onTimeRate?.formatted == "50.00")
        let text = BreakdownReport(breakdown: breakdown, language: .en).text()
        #expect(text.hasPrefix("On-time rate by quarter, 2023\n"))
        #expect(text.contains("*0.00%"))
        #expect(text.contains("*50.00%"))
        #expect(text.hasSuffix("Target: 98%. * = below target; blank = no dossiers; — = nothing resolved.\n"))
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("─") }
        #expect(Set(lines.dropFirst().dropLast().map(\.count)).count == 1, "aligned")
    }
}
