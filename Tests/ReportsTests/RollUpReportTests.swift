import TestSupport
import Foundation
import Ingest
import KPIMetrics
import Testing
import Wording
@testable import Reports

/// A report rolled up by parent: the people's rows in Vietnamese order with subtotals marked
/// and not flagged, the comparison with the previous period rolled up the same way, and the
/// machine csv's kinds in code-point order.
@Suite struct RollUpReportTests {
    private let q1 = FourUnits.q1
    private let names = FourUnits.names

    private var dossiers: [Dossier] { FourUnits.dossiers }

    private func report(_ rollUp: RollUp) throws -> Report {
        let scratch = try TempDir()
        let units = try scratch.write("units.csv", """
            UBND huyện Hoằng Hóa,UBND huyện Hoằng Hóa,,huyện
            UBND xã Hoằng Yến,UBND xã Hoằng Yến,UBND huyện Hoằng Hóa,xã
            UBND xã Hoằng Đông,UBND xã Hoằng Đông,UBND huyện Hoằng Hóa,xã

            """)
        var settings = ReportSettings(period: q1, language: .en)
        settings.comparison = .previous
        settings.rollUp = rollUp
        settings.hierarchy = try UnitsFile(path: units.path).hierarchy
        return Report(settings: settings, dossiers: dossiers, unitNames: names, manifest: ReportManifest(inputs: []))
    }

    @Test func peopleRowsSubtotalsAndComparison() throws {
        let table = try report(.parent).people.table(.summary)
        #expect(table.rows.map(\.key) == ["UBND xã Hoằng Đông", "UBND xã Hoằng Yến", "Subtotal UBND huyện Hoằng Hóa",
                                          "PHÒNG NỘI VỤ", "Phòng Tư pháp", "Subtotal (no parent unit)", "TOTAL"])
        #expect(table.rows.map(\.isSubtotal) == [false, false, true, false, false, true, false])
        #expect(!table.rows.contains { $0.isFlagged })
        // The subtotal's previous rate is the previous period's subtotal: 2/3 → 2/2, +33.33.
        let texts = Dictionary(uniqueKeysWithValues: zip(table.rows.map(\.key), table.texts(.en)))
        let at = try #require(table.columns.firstIndex { $0.key == "previous_on_time_rate" })
        #expect(texts["Subtotal UBND huyện Hoằng Hóa"].map { Array($0[at...(at + 1)]) } == ["66.67%", "+33.33"])
        #expect(texts["Subtotal (no parent unit)"].map { Array($0[at...(at + 1)]) } == ["—", "—"])
    }

    @Test func machineKindsInCodePointOrder() throws {
        let report = try report(.parent)
        let rows = csvRecords(String(decoding: try report.render(.csv), as: UTF8.self))
        #expect(rows.first?.prefix(5) == ["period", "kind", "unit", "parent", "level"])
        #expect(rows.dropFirst().map { "\($0[1]):\($0[2])" } == [
            "unit:UBND xã Hoằng Yến", "unit:UBND xã Hoằng Đông", "subtotal:UBND huyện Hoằng Hóa",
            "unit:PHÒNG NỘI VỤ", "unit:Phòng Tư pháp", "subtotal:NO_PARENT", "total:TOTAL",
        ])
        let level = csvRecords(String(decoding: try self.report(.level(.district)).render(.csv), as: UTF8.self))
        #expect(level.dropFirst().map { "\($0[1]):\($0[2]):\($0[6])" } == [
            "rollup:UBND huyện Hoằng Hóa:2", "outside:PHÒNG NỘI VỤ:1", "outside:Phòng Tư pháp:1", "total:TOTAL:4",
        ])
    }

    @Test func noRollUpRendersAsBefore() throws {
        var settings = ReportSettings(period: q1)
        settings.comparison = nil
        let plain = Report(settings: settings, dossiers: dossiers, unitNames: names, manifest: ReportManifest(inputs: []))
        #expect(String(decoding: try plain.render(.csv), as: UTF8.self) == plain.table.csv())
        #expect(!String(decoding: try plain.render(.json), as: UTF8.self).contains("roll_up"))
    }
}
