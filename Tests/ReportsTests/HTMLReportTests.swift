import TestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Ingest
import KPIMetrics
import Testing
import Wording
@testable import Reports

private typealias F = PeopleReportFixture
private typealias H = HTMLReading

/// The one renderer of HTML and SVG: every text and attribute value escaped there, once.
@Suite struct HTMLNodeTests {
    @Test func escapesTextAndAttributesOnce() {
        let node = Node.el("p", ["class": "a\"b", "title": "x & <y>", "hidden": nil], text: "A & <B> 'c' &amp;")
        #expect(node.rendered == "<p class=\"a&quot;b\" title=\"x &amp; &lt;y&gt;\">A &amp; &lt;B&gt; &#39;c&#39; &amp;amp;</p>\n")
    }

    @Test func voidElementsEmptySVGElementsAndTheStylesheet() {
        #expect(Node.el("meta", ["charset": "utf-8"]).rendered == "<meta charset=\"utf-8\">\n")
        let svg = Node.el("svg", ["viewBox": "0 0 1 1"], [.el("rect", ["x": "0"]), .el("text", text: "<")])
        #expect(svg.rendered == "<svg viewBox=\"0 0 1 1\">\n<rect x=\"0\"/><text>&lt;</text></svg>\n")
        #expect(Node.el("style", text: "a > b { content: \"x\"; }").rendered == "<style>\na > b { content: \"x\"; }</style>\n")
        #expect(Node.el("td", [Node.text("a"), .group([.text("b"), .text("c")])]).rendered == "<td>abc</td>")
    }
}

/// The charts as models: what each bar shows, in which order, against which target.
@Suite struct BarChartTests {
    @Test(arguments: ["98", "97.5", "99.25"]) func onTimeBarsWorstFirst(targetText: String) throws {
        var table = F.table
        table.target = try #require(Target(targetText))
        let chart = KPIReport(table, .vi).onTimeChart
        // By hand: lowest exact fraction first, ties in name order.
        let rated: [(name: String, rate: Percentage)] = table.rows.compactMap { row in
            row.counts.onTimeRate.map { (row.name ?? "", $0) }
        }.sorted { (a: (name: String, rate: Percentage), b: (name: String, rate: Percentage)) -> Bool in
            let l = a.rate.numerator * b.rate.denominator, r = b.rate.numerator * a.rate.denominator
            return l != r ? l < r : a.name.unicodeScalars.lexicographicallyPrecedes(b.name.unicodeScalars)
        }
        #expect(chart.rows.prefix(rated.count).map(\.name) == rated.map(\.name))
        #expect(chart.rows.prefix(rated.count).map { $0.bars[0].rate } == rated.map(\.rate))
        for row in chart.rows.prefix(rated.count) {
            #expect(row.isFlagged == row.bars[0].rate?.isBelow(table.target))
        }
        // Units with nothing resolved follow, without a bar.
        #expect(chart.rows.dropFirst(rated.count).map(\.name) == ["UBND xã Hoằng Đức"])
        #expect(chart.rows.last?.bars[0].rate == nil && chart.rows.last?.bars[0].note == "chưa có hồ sơ đã giải quyết")
        #expect(chart.target == Double(targetText))
        #expect(chart.targetLabel == "Mục tiêu " + Language.vi.percent(targetText))
    }

    @Test func digitalRatesAgainstAHundred() {
        let chart = KPIReport(F.table, .en).digitalChart
        #expect(chart.series.map(\.title) == ["Online", "Digitised dossiers", "Digitised results"])
        #expect(chart.rows.map(\.name) == F.table.rows.map { $0.name ?? "" })
        for (row, counts) in zip(chart.rows, F.table.rows.map(\.counts)) {
            #expect(row.bars.map(\.rate) == [counts.rate(.online), counts.rate(.digitisedDossier), counts.rate(.digitisedResult)])
        }
        #expect(chart.target == 100 && chart.targetLabel == "Target 100%")
        #expect(chart.title == "Online and digitisation rates by unit (target 100%)")
    }
}

/// One rendering test of each page: the model's content laid out as well-formed, self-contained
/// HTML, every value escaped, the bars where the axis puts them.
@Suite struct HTMLReportTests {
    @Test(arguments: Language.allCases) func kpiPage(language: Language) throws {
        let report = KPIReport(F.table, language)
        let page = report.html(manifest: F.manifest)
        try expectWellFormedAndSelfContained(page, language: language)

        // The table: the page view's rows, cells and flags.
        let view = report.table(.page)
        let rows = H.matches(#"<tr( class="[^"]*")? data-unit="([^"]*)">(.*?)</tr>"#, in: page)
        #expect(rows.map { H.unescape($0[2]) } == view.rows.map(\.key))
        for (row, (model, texts)) in zip(rows, zip(view.rows, view.texts(language))) {
            let cells = H.matches(#"<td class="([^"]*)" data-col="([a-z_]+)">(?:<span[^>]*>⚠</span> )?([^<]*)</td>"#, in: row[3])
            #expect(cells.map { $0[2] } == Array(view.columns.dropFirst().map(\.key)))
            #expect(cells.map { H.unescape($0[3]) } == Array(texts.dropFirst()))
            #expect(row[1].contains("below") == model.isFlagged, "\(model.key)")
            #expect(row[3].contains("⚠") == model.isFlagged, "\(model.key)")
            #expect(cells.contains { $0[1].contains("miss") } == model.isFlagged)
        }
        #expect(page.contains("data-unit=\"A &amp; &lt;B&gt;\"") && !page.contains("<B>"))
        #expect(page.contains("Tổ &quot;một cửa&quot; | &#39;xã&#39;"))
        #expect(page.contains("<title>" + Node.escape(report.title + " — 2023-Q1") + "</title>"))
        for line in [report.period.dates, report.period.targetLine, report.belowLine(report.flagged)] {
            #expect(page.contains(">" + Node.escape(line) + "<"), "\(line)")
        }
        // The footer: the manifest's inputs.
        #expect(page.contains("tthc-xuatfile-2023-05 &lt;Hoằng Hóa&gt;.csv"))
        #expect(page.contains("<code>0123456789ab</code>"))
        #expect(page.contains("<td class=\"num\">\(language.count(1321))</td><td class=\"num\">\(language.count(1318))</td>"))

        // The on-time bars: as wide as their rates on the axis (from its start, 0 or zoomed), the
        // target line where it belongs.
        let pictures = H.matches(#"<svg ([^>]*)>(.*?)</svg>"#, in: page)
        let svgs = pictures.map { $0[2] }
        try #require(svgs.count == 2)
        let start = try #require(H.matches(#"data-axis-start="([0-9.]+)""#, in: pictures[0][1]).first.flatMap { Double($0[1]) })
        #expect(start == report.onTimeChart.axisStart)
        let grid = Dictionary(uniqueKeysWithValues: H.matches(#"<line class="grid[^"]*" data-percent="(\d+)" x1="([0-9.]+)""#,
                                                              in: svgs[0]).map { (Int($0[1]) ?? -1, Double($0[2]) ?? 0) })
        let (x0, x100) = (try #require(grid[Int(start)]), try #require(grid[100]))
        let bars = H.matches(#"<rect class="bar( below)?" x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)" height="[0-9.]+" data-rate="([0-9.]+)">"#,
                             in: svgs[0])
        let chart = report.onTimeChart
        #expect(bars.count == chart.rows.filter { $0.bars[0].rate != nil }.count)
        for (bar, row) in zip(bars, chart.rows) {
            let rate = try #require(row.bars[0].rate)
            #expect(Double(bar[2]) == x0)
            #expect(abs((Double(bar[3]) ?? 0) - (x100 - x0) * (rate.percentValue - start) / (100 - start)) < 0.01)
            #expect(bar[1].isEmpty != row.isFlagged)
            #expect(bar[4] == rate.formatted)
        }
        let target = try #require(H.matches(#"<line class="target" data-percent="98" x1="([0-9.]+)" y1="[0-9.]+" x2="([0-9.]+)""#,
                                            in: svgs[0]).first)
        #expect(abs((Double(target[1]) ?? 0) - (x0 + (x100 - x0) * (98 - start) / (100 - start))) < 0.01 && target[1] == target[2])
        #expect(svgs[0].contains(">" + Node.escape(chart.targetLabel) + "</text>"))
        #expect(H.matches(#"<rect class="bar s-online""#, in: svgs[1]).count == F.table.rows.filter { $0.counts.rate(.online) != nil }.count)
    }

    /// Rates of 89 % and 98 % on an axis from 0 would be bars of nearly one length: the axis
    /// starts at 80 % instead, said under the chart's title and at the axis's first tick.
    @Test func aZoomedAxisShowsTheDifference() throws {
        func rate(_ n: Int) -> Percentage? { Percentage(n, of: 100) }
        let chart = BarChart(title: "T", series: [BarChart.Series(key: "on-time", title: "On time")],
                             rows: [BarChart.Row(name: "A", bars: [BarChart.Bar(rate: rate(89), note: "")]),
                                    BarChart.Row(name: "B", bars: [BarChart.Bar(rate: rate(98), note: "")])],
                             target: 98, targetLabel: "Target 98%", language: .vi)
        #expect(chart.axisStart == 80)
        #expect(chart.axisNote == "Trục tỷ lệ bắt đầu từ 80 % (phóng to để thấy rõ chênh lệch), không phải từ 0 %.")
        let g = BarChart.Geometry(chart)
        #expect(g.ticks == [80, 85, 90, 95, 100])
        let (a, b) = (g.x(89) - g.x0, g.x(98) - g.x0)
        #expect(abs(b / a - 2) < 1e-9, "98 % draws twice as long as 89 % (on 0–100 %: 1.1 times)")
        let section = chart.section.rendered
        #expect(section.contains("<p class=\"axis-note\">Trục tỷ lệ bắt đầu từ 80 %"))
        #expect(section.contains("data-percent=\"80\""))
        // Low rates keep the whole axis, and no note.
        let low = BarChart(title: "T", series: chart.series, rows: [BarChart.Row(name: "A", bars: [BarChart.Bar(rate: rate(20), note: "")])],
                           target: 98, targetLabel: "", language: .vi)
        #expect(low.axisStart == 0 && low.axisNote == nil)
    }

    /// The page keeps each chart with its title when printed: the title may not end a page, and a
    /// chart is never taller than a page (so it is never split from its title).
    @Test func printedChartsKeepTheirTitle() {
        let css = HTMLPage.css
        #expect(css.contains(".chart h2, .axis-note { break-after: avoid; page-break-after: avoid; }"))
        #expect(css.contains("svg.bars { max-width: 100%; width: 100%; max-height: 160mm; }"))
        #expect(css.contains(".chart { break-inside: avoid; page-break-inside: avoid; }"))
        let page = KPIReport(F.table, .vi).html()
        #expect(H.matches(#"<section class="chart">\s*<h2>[^<]*</h2>\s*(<p class="axis-note">[^<]*</p>\s*)?<svg "#, in: page).count == 2,
                "each chart's title and picture in one section")
    }

    @Test func breakdownPage() throws {
        let report = BreakdownReport(breakdown: F.breakdown, language: .vi)
        let page = report.html()
        try expectWellFormedAndSelfContained(page, language: .vi)
        #expect(page.contains("<title>Tỷ lệ giải quyết đúng hạn theo quý — 2023</title>"))
        let rows = H.matches(#"<tr( class="total")? data-unit="([^"]*)">(.*?)</tr>"#, in: page)
        #expect(rows.map { H.unescape($0[2]) } == report.table.rows.map(\.key))
        for (row, model) in zip(rows, report.table.rows) {
            let cells = H.matches(#"<td class="([^"]*)" data-col="([^"]+)">(.*?)</td>"#, in: row[3])
            #expect(cells.map { $0[2] } == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"])
            for (cell, value) in zip(cells, model.cells.dropFirst()) {
                #expect(cell[1].contains("below") == value.isFlagged && cell[3].contains("⚠") == value.isFlagged)
                #expect(cell[3].hasSuffix(Node.escape(value.value.text(.vi, empty: ""))))
            }
        }
        #expect(page.contains(">" + Node.escape(report.dates) + "<"))
    }

    @Test func printsOnA4() {
        let page = KPIReport(F.table, .vi).html()
        #expect(!page.contains("<footer>"))
        #expect(page.contains("@page { size: A4 landscape; margin: 12mm; }"))
        #expect(page.contains("@media print") && page.contains("break-inside: avoid"))
        #expect(page.contains("tr.below") && page.contains("background: var(--red-bg)"))
    }

    private func expectWellFormedAndSelfContained(_ page: String, language: Language) throws {
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n"))
        #expect(page.contains("<meta charset=\"utf-8\">") && page.contains("<style>"))
        for needle in ["http://", "https://", "src=", "<link", "<script", "url(", "@import", "<iframe", "<object"] {
            #expect(!page.lowercased().contains(needle), "\(needle)")
        }
        #expect(H.nestingFault(page) == nil, "\(H.nestingFault(page) ?? "")")
        // Every & starts one of the entities the escaper writes.
        #expect(H.matches(#"&(?!amp;|lt;|gt;|quot;|#39;)"#, in: page).isEmpty)
        #if canImport(FoundationXML)
        let parser = XMLParser(data: Data(H.asXML(page).utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "") line \(parser.lineNumber)")
        #endif
    }
}
