import TestSupport
import Foundation
import Ingest
import KPIMetrics
import Testing
import Wording
@testable import Reports

/// People's formats list units in Vietnamese alphabetical order (the machine csv keeps the
/// spec's code-point order), and show each unit's on-time rate beside the period compared with.
@Suite struct PeopleOrderAndComparisonTests {
    private let q1 = FourUnits.q1
    private let names = FourUnits.names

    private var dossiers: [Dossier] { FourUnits.dossiers }

    @Test func vietnameseOrderForPeopleCodePointsForMachines() {
        let report = Report(settings: ReportSettings(period: q1), dossiers: dossiers, unitNames: names, manifest: ReportManifest(inputs: []))
        let people = ["PHÒNG NỘI VỤ", "Phòng Tư pháp", "UBND xã Hoằng Đông", "UBND xã Hoằng Yến"]
        #expect(report.people.table(.summary).rows.dropLast().map(\.key) == people)
        #expect(report.form.form.rows.dropLast().map(\.key) == people)
        let machine = csvRecords(report.table.csv()).dropFirst().map { $0[1] }
        #expect(machine == ["PHÒNG NỘI VỤ", "Phòng Tư pháp", "UBND xã Hoằng Yến", "UBND xã Hoằng Đông", "TOTAL"],
                "the csv keeps code points: Đ (U+0110) after Y")
    }

    /// Unit 0: 2 of 3 on time in 2022-Q4 (66.67 %), 1 of 1 in 2023-Q1: +33.33 points; the others
    /// had nothing in 2022-Q4: `—`. The total: 2/3 → 4/4, +33.33.
    @Test func theComparisonColumns() throws {
        var settings = ReportSettings(period: q1, language: .en)
        settings.comparison = .previous
        let report = Report(settings: settings, dossiers: dossiers, unitNames: names, manifest: ReportManifest(inputs: []))
        #expect(report.previous?.period.description == "2022-Q4")
        for view in [KPIReport.View.summary, .page, .sheet] {
            let table = report.people.table(view)
            let keys = table.columns.map(\.key)
            let at = try #require(keys.firstIndex(of: "on_time_rate"), "\(view)")
            #expect(Array(keys[(at + 1)...(at + 2)]) == ["previous_on_time_rate", "on_time_rate_change"], "\(view)")
        }
        let summary = report.people.table(.summary)
        let texts = Dictionary(uniqueKeysWithValues: zip(summary.rows.map(\.key), summary.texts(.en)))
        let at = summary.columns.firstIndex { $0.key == "previous_on_time_rate" } ?? 0
        #expect(texts["UBND xã Hoằng Yến"].map { Array($0[at...(at + 1)]) } == ["66.67%", "+33.33"])
        #expect(texts["Phòng Tư pháp"].map { Array($0[at...(at + 1)]) } == ["—", "—"])
        #expect(texts["TOTAL"].map { Array($0[at...(at + 1)]) } == ["66.67%", "+33.33"])
        #expect(report.people.comparisonLine == "Compared with 2022-Q4 (15/09/2022 to 14/12/2022); changes in percentage points.")
        var none = settings
        none.comparison = nil
        let plain = Report(settings: none, dossiers: dossiers, unitNames: names, manifest: ReportManifest(inputs: []))
        #expect(!plain.people.table(.summary).columns.contains { $0.key == "previous_on_time_rate" })
        #expect(plain.people.comparisonLine == nil)
    }

    /// The page's trend chart: each unit's on-time rate in the last four quarters, oldest first.
    @Test func theTrendChart() throws {
        let report = Report(settings: ReportSettings(period: q1, language: .en), dossiers: dossiers, unitNames: names,
                            manifest: ReportManifest(inputs: []))
        let chart = report.people.trendChart(report.trend)
        #expect(chart.series.map(\.title) == ["2022-Q2", "2022-Q3", "2022-Q4", "2023-Q1"])
        let yen = try #require(chart.rows.first { $0.name == "UBND xã Hoằng Yến" })
        #expect(yen.bars.map { $0.rate?.formatted } == [nil, nil, "66.67", "100.00"])
        #expect(chart.rows.last?.name == "TOTAL")
        let page = try String(decoding: report.render(.html), as: UTF8.self)
        #expect(page.contains("On-time rate over the last four quarters, by unit"))
        #expect(page.contains("class=\"bar below s-q2\"") && page.contains("class=\"bar s-q3\""))
    }
}
