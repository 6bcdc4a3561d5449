import TestSupport
import Ingest
import Metrics
import Testing
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
        #expect(table.rows.map(\.unit) == ["Phòng B", "UBND xã A"])
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

    @Test func byFieldUnknownFieldLast() {
        let table = KPITable(period: q1, dossiers: dossiers, unitNames: names, grouping: .field, fieldNames: fields,
                             unknownFieldName: "(không rõ lĩnh vực)")
        #expect(table.rows.map(\.unit) == ["Hộ tịch", "Đất đai", "(không rõ lĩnh vực)"])
        #expect(table.total == KPITable(period: q1, dossiers: dossiers, unitNames: names).total)
    }

    @Test func textHasTheOfficialHeaderAndNumbering() {
        let text = KPITable(period: q1, dossiers: dossiers, unitNames: names).form06aText()
        #expect(text.contains("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"))
        #expect(text.contains("Kỳ báo cáo: 2023-Q1 (từ ngày 15/12/2022 đến ngày 14/03/2023)"))
        for title in ["Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết", "Số hồ sơ đang giải quyết", "Số kỳ trước chuyển qua",
                      "Số mới tiếp nhận trực tuyến", "Trả trước hạn", "Chưa đến hạn", "(13)"] {
            #expect(text.contains(title), "\(title)")
        }
        let lines = text.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("  1  Phòng B") })
        #expect(lines.contains { $0.hasPrefix("     Tổng cộng") })
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
    /// Phòng B resolves early in Q1 (100.00 %); nothing is resolved after Q1.
    @Test func ratesPerQuarterWithFlags() {
        let breakdown = KPIBreakdown(period: Period(year: 2023, span: .year), step: .quarter, dossiers: dossiers, unitNames: names)
        #expect(breakdown.units == ["Phòng B", "UBND xã A"])
        #expect(breakdown.counts(unit: "UBND xã A", at: 0)?.onTimeRate?.formatted == "0.00")
        #expect(breakdown.counts(unit: "Phòng B", at: 0)?.onTimeRate?.formatted == "100.00")
        #expect(breakdown.counts(unit: nil, at: 0)?.onTimeRate?.formatted == "50.00")
        let text = breakdown.text(language: .en)
        #expect(text.contains("UBND xã A"))
        #expect(text.contains("*0.00%"))
        #expect(text.contains("*50.00%"))
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("─") }
        #expect(Set(lines.dropFirst().dropLast().map(\.count)).count == 1, "aligned")
    }
}
