import TestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Ingest
import Metrics
import Testing
@testable import Reports

/// Small tables built by hand for the HTML and Markdown reports.
enum PeopleReportFixture {
    static func moment(_ y: Int, _ m: Int, _ d: Int) -> LocalMoment { LocalMoment(year: y, month: m, day: d, hour: 8)! }

    static func dossier(_ status: Status, unit: Int32, received: LocalMoment, due: LocalMoment? = nil,
                        finished: LocalMoment? = nil, channel: Channel = .direct,
                        digitised: Bool = false, digitalResult: Bool = false) -> Dossier {
        Dossier(unit: UnitID(rawValue: unit), channel: channel, status: status, received: received, due: due,
                finished: finished, digitisedDossier: digitised, digitisedResult: digitalResult,
                source: SourceLine(file: 0, line: 0))
    }

    static let names: [UnitID: String] = [
        UnitID(rawValue: 0): "Phòng Tư pháp, Hộ tịch",
        UnitID(rawValue: 1): "UBND xã Hoằng Đức",
        UnitID(rawValue: 2): "A & <B>",
        UnitID(rawValue: 3): "Tổ \"một cửa\" | 'xã'",
        UnitID(rawValue: 4): "Văn phòng Đăng ký đất đai",
    ]

    /// 2023-Q1 (decree 09: 15/12/2022 – 14/03/2023):
    /// - "Phòng Tư pháp, Hộ tịch": 1 early, 1 on time, 1 late: 66.67 %, below target;
    /// - "UBND xã Hoằng Đức": one open online dossier: no on-time rate;
    /// - "A & <B>": 2 early, online and digitised: 100 %;
    /// - "Tổ "một cửa" | 'xã'": 1,200 dossiers (thousands separators), 10 late, one withdrawn;
    /// - "Văn phòng Đăng ký đất đai": 49 of 50 on time, exactly 98.00 %: not below; two
    ///   carried over, one of them overdue.
    static let dossiers: [Dossier] = {
        var list: [Dossier] = []
        let (jan2, jan9) = (moment(2023, 1, 2), moment(2023, 1, 9))
        list.append(dossier(.returned, unit: 0, received: jan2, due: jan9, finished: moment(2023, 1, 5)))
        list.append(dossier(.returned, unit: 0, received: jan2, due: jan9, finished: jan9))
        list.append(dossier(.returned, unit: 0, received: jan2, due: jan9, finished: moment(2023, 1, 10)))
        list.append(dossier(.processing, unit: 1, received: moment(2023, 2, 2), channel: .online))
        for _ in 0..<2 {
            list.append(dossier(.returned, unit: 2, received: jan2, due: jan9, finished: moment(2023, 1, 4),
                                channel: .online, digitised: true, digitalResult: true))
        }
        for i in 0..<1200 {
            let channel: Channel = [.direct, .online, .postal][i % 3]
            list.append(dossier(i == 0 ? .withdrawn : .returned, unit: 3, received: moment(2023, 1, 5),
                                due: moment(2023, 1, 20), finished: moment(2023, 1, i < 1190 ? 20 : 25),
                                channel: channel, digitised: i % 2 == 0, digitalResult: i % 4 == 0))
        }
        for i in 0..<50 {
            list.append(dossier(.returned, unit: 4, received: moment(2023, 2, 1), due: moment(2023, 2, 20),
                                finished: moment(2023, 2, i == 0 ? 21 : 15), channel: .online, digitised: i % 5 == 0))
        }
        list.append(dossier(.processing, unit: 4, received: moment(2022, 12, 1), due: moment(2023, 2, 1)))
        list.append(dossier(.processing, unit: 4, received: moment(2022, 12, 1), due: moment(2023, 6, 1)))
        return list
    }()

    static let table = KPITable(period: Period(year: 2023, span: .quarter(1)), dossiers: dossiers, unitNames: names)

    /// 2023 by quarter: "Phòng Tư pháp, Hộ tịch" below in Q1, "A & <B>" 0 % in Q2, "Xã Hải | Hà"
    /// only in Q3 (100 %); nobody resolves anything in Q4.
    static let breakdown: KPIBreakdown = {
        var list = Array(dossiers.prefix(3))
        list.append(dossier(.returned, unit: 2, received: moment(2023, 4, 3), due: moment(2023, 4, 10),
                            finished: moment(2023, 4, 20)))
        list.append(dossier(.returned, unit: 5, received: moment(2023, 7, 3), due: moment(2023, 7, 10),
                            finished: moment(2023, 7, 4)))
        var unitNames = names
        unitNames[UnitID(rawValue: 5)] = "Xã Hải | Hà"
        return KPIBreakdown(period: Period(year: 2023, span: .year), step: .quarter, dossiers: list, unitNames: unitNames)
    }()

    static let manifest: ReportManifest = {
        var input = InputSummary(name: "tthc-xuatfile-2023-05 <Hoằng Hóa>.csv", byteCount: 4096, kind: .portalSync,
                                 encoding: .utf8, delimiter: 0x2C, ignoredColumns: [])
        input.sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
        input.rowsRead = 1321
        input.accepted = 1318
        input.rejectsByReason = [.unknownChannel: 3]
        return ReportManifest(inputs: [input])
    }()

    /// The csv of `table`, as one dictionary per row keyed by column name.
    static func csvRecords(_ table: KPITable) -> [[String: String]] {
        let lines = table.csv().split(separator: "\n").map(String.init)
        let header = splitCSV(lines[0])
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, splitCSV($0))) }
    }

    /// One csv line's fields (RFC 4180 quoting, no line breaks inside fields).
    static func splitCSV(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var chars = Array(line)[...]
        while let ch = chars.popFirst() {
            if quoted {
                if ch == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(ch) }
            } else if ch == "\"" { quoted = true }
            else if ch == "," { fields.append(field); field = "" }
            else { field.append(ch) }
        }
        fields.append(field)
        return fields
    }

    /// A csv figure as the people's formats print it: `1.200`, `66,67 %`, `—` (vi).
    static func people(_ value: String, column: String, _ language: Language) -> String {
        if column.hasSuffix("_rate") { return language.percent(value.isEmpty ? nil : value) }
        return language.count(Int(value)!)
    }

    static func unescapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Every match of `pattern` in `text`, as its capture groups.
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (0..<match.numberOfRanges).map { i in
                let r = match.range(at: i)
                return r.location == NSNotFound ? "" : ns.substring(with: r)
            }
        }
    }

    /// Tags nest properly: every opened element is closed, in order (void elements and `/>`
    /// apart). Returns the first fault, or nil.
    static func nestingFault(_ html: String) -> String? {
        let voids: Set<String> = ["meta", "br", "hr", "img", "input", "link", "col", "area", "base", "wbr", "source"]
        var stack: [String] = []
        // Raw text of <style> is not markup.
        var text = html
        if let start = text.range(of: "<style>"), let end = text.range(of: "</style>") {
            text.replaceSubrange(start.upperBound..<end.lowerBound, with: "")
        }
        for m in matches(#"<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s[^<>]*?)?)(/?)>"#, in: text) {
            let closing = !m[1].isEmpty, name = m[2].lowercased(), selfClosing = !m[4].isEmpty
            if closing {
                guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
                stack.removeLast()
            } else if !selfClosing && !voids.contains(name) {
                stack.append(name)
            }
        }
        return stack.isEmpty ? nil : "unclosed: \(stack)"
    }

    /// The document as XML (doctype dropped, void elements closed), for XMLParser.
    static func asXML(_ html: String) -> String {
        var xml = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        for m in matches(#"<meta [^>]*[^/]>"#, in: xml) {
            xml = xml.replacingOccurrences(of: m[0], with: String(m[0].dropLast()) + "/>")
        }
        return xml
    }
}

private typealias F = PeopleReportFixture

@Suite struct HTMLReportTests {
    let html = F.table.html()

    @Test(arguments: Language.allCases) func everyFigureOfTheCSV(language: Language) throws {
        let html = F.table.html(language: language)
        let rows = F.matches(#"<tr([^>]*) data-unit="([^"]*)">(.*?)</tr>"#, in: html)
        let records = F.csvRecords(F.table)
        #expect(rows.map { F.unescapeHTML($0[2]) } == records.map { $0["unit"]! })
        for (row, record) in zip(rows, records) {
            let cells = F.matches(#"<td class="[^"]*" data-col="([a-z_]+)">([^<]*)</td>"#, in: row[3])
            #expect(cells.map { $0[1] } == Array(KPITable.csvColumns[2..<19]))
            for cell in cells {
                let column = cell[1]
                #expect(F.unescapeHTML(cell[2]) == F.people(record[column]!, column: column, language),
                        "\(record["unit"]!) \(column)")
            }
            let flagged = row[1].contains("below")
            #expect(flagged == (record["below_target"] == "true"), "\(record["unit"]!)")
        }
        // The figures a reader looks for, spelt out.
        if language == .vi {
            #expect(html.contains(">1.200<"))
            #expect(html.contains(">66,67 %<"))
        } else {
            #expect(html.contains(">1,200<"))
            #expect(html.contains(">66.67%<"))
        }
    }

    @Test func selfContainedNothingFetched() {
        for page in [F.table.html(), F.table.html(language: .en, manifest: F.manifest), F.breakdown.html()] {
            for needle in ["http://", "https://", "src=", "<link", "<script", "url(", "@import", "<iframe", "<object"] {
                #expect(!page.lowercased().contains(needle), "\(needle)")
            }
            #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang="))
            #expect(page.contains("<meta charset=\"utf-8\">"))
            #expect(page.contains("<style>"))
        }
        #expect(html.contains("<html lang=\"vi\">"))
        #expect(F.table.html(language: .en).contains("<html lang=\"en\">"))
    }

    @Test func wellFormed() throws {
        for page in [html, F.table.html(language: .en, manifest: F.manifest), F.breakdown.html()] {
            #expect(F.nestingFault(page) == nil, "\(F.nestingFault(page) ?? "")")
            for tag in ["table", "thead", "tbody", "tfoot", "tr", "svg", "g", "section", "text"] {
                #expect(page.components(separatedBy: "<\(tag)>").count + page.components(separatedBy: "<\(tag) ").count - 2
                        == page.components(separatedBy: "</\(tag)>").count - 1, "<\(tag)>")
            }
            // Every & starts one of the entities the escaper writes.
            #expect(F.matches(#"&(?!amp;|lt;|gt;|quot;|#39;)"#, in: page).isEmpty)
            #if canImport(FoundationXML)
            let parser = XMLParser(data: Data(F.asXML(page).utf8))
            #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "") line \(parser.lineNumber)")
            #endif
        }
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
    }

    @Test func unitNamesEscaped() {
        #expect(html.contains("A &amp; &lt;B&gt;"))
        #expect(!html.contains("A & <B>"))
        #expect(!html.contains("<B>"))
        #expect(html.contains("Tổ &quot;một cửa&quot; | &#39;xã&#39;"))
        #expect(html.contains("data-unit=\"A &amp; &lt;B&gt;\""))
        let footer = F.table.html(manifest: F.manifest)
        #expect(footer.contains("tthc-xuatfile-2023-05 &lt;Hoằng Hóa&gt;.csv"))
    }

    @Test func titleWithPeriodDatesAndTarget() {
        #expect(html.contains("<title>Kết quả giải quyết thủ tục hành chính — 2023-Q1</title>"))
        #expect(html.contains("Kỳ báo cáo 2023-Q1 (theo Nghị định 09/2019/NĐ-CP): từ 15/12/2022 đến 14/03/2023."))
        #expect(html.contains("Mục tiêu giải quyết đúng hạn: 98 %."))
        let en = F.table.html(language: .en)
        #expect(en.contains("Period 2023-Q1 (Decree 09/2019 cut-off): 15/12/2022 to 14/03/2023."))
        #expect(en.contains("On-time target: 98%."))
        #expect(en.contains(">Digitised results<"))
    }

    @Test func flaggedRowsHighlighted() {
        let flagged = Set(F.table.flaggedUnits)
        #expect(flagged == ["Phòng Tư pháp, Hộ tịch"])
        for row in F.matches(#"<tr([^>]*) data-unit="([^"]*)">(.*?)</tr>"#, in: html) {
            let unit = F.unescapeHTML(row[2])
            let below = row[1].contains("below")
            #expect(below == (flagged.contains(unit) || (unit == "TOTAL" && F.table.total.isBelow(F.table.target) == true)), "\(unit)")
            #expect(row[3].contains("⚠") == below, "\(unit)")
            if below { #expect(row[3].contains("class=\"num rate miss\" data-col=\"on_time_rate\"")) }
        }
        // Exactly 98.00 % is on target, not below.
        #expect(html.contains("<tr data-unit=\"Văn phòng Đăng ký đất đai\">"))
        #expect(html.contains("<tr class=\"total\" data-unit=\"TOTAL\">") || html.contains("<tr class=\"total below\" data-unit=\"TOTAL\">"))
        #expect(html.contains("Đơn vị dưới mục tiêu (1): Phòng Tư pháp, Hộ tịch"))
        #expect(html.contains("tr.below"))
        #expect(html.contains("background: var(--red-bg)"))
    }

    /// The first chart: one bar per unit that resolved anything, ascending by exact rate, bars
    /// below target red, and the target line where the axis puts the target.
    @Test(arguments: ["98", "97.5", "99.25"]) func onTimeBars(targetText: String) throws {
        var table = F.table
        table.target = try #require(Target(targetText))
        let page = table.html()
        let svg = try #require(F.matches(#"<svg [^>]*>(.*?)</svg>"#, in: page).first?[1])
        let bars = F.matches(#"<g class="bar-row( below)?" data-unit="([^"]*)">.*?<rect class="bar( below)?" x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)" height="16" data-rate="([0-9.]+)"/>"#, in: svg)
        let rated = table.rows.compactMap { row in row.counts.onTimeRate.map { (row.unit!, $0) } }
        #expect(bars.count == rated.count)
        let expectedOrder = rated.sorted {
            $0.1.numerator * $1.1.denominator < $1.1.numerator * $0.1.denominator
                || ($0.1.numerator * $1.1.denominator == $1.1.numerator * $0.1.denominator && $0.0 < $1.0)
        }
        #expect(bars.map { F.unescapeHTML($0[2]) } == expectedOrder.map(\.0))
        let rates = bars.map { Double($0[6])! }
        #expect(rates == rates.sorted())
        // Units with nothing resolved are listed without a bar.
        #expect(svg.contains("<g class=\"bar-row none\" data-unit=\"UBND xã Hoằng Đức\">"))

        let grid = Dictionary(uniqueKeysWithValues: F.matches(#"<line class="grid[^"]*" data-percent="(\d+)" x1="([0-9.]+)""#, in: svg)
            .map { (Int($0[1])!, Double($0[2])!) })
        let (x0, x100) = (try #require(grid[0]), try #require(grid[100]))
        let target = Double(targetText)!
        let line = try #require(F.matches(#"<line class="target" data-percent="([0-9.]+)" x1="([0-9.]+)" y1="[0-9.]+" x2="([0-9.]+)""#, in: svg).first)
        #expect(Double(line[1]) == target)
        #expect(abs(Double(line[2])! - (x0 + (x100 - x0) * target / 100)) < 0.01)
        #expect(line[2] == line[3], "vertical")
        #expect(svg.contains(">Mục tiêu \(Language.vi.percent(targetText))</text>"))
        for (bar, (_, rate)) in zip(bars, expectedOrder) {
            #expect(Double(bar[4]) == x0)
            #expect(abs(Double(bar[5])! - (x100 - x0) * Double(rate.numerator) / Double(rate.denominator)) < 0.01)
            let below = rate.isBelow(table.target)
            #expect((bar[1] == " below") == below && (bar[3] == " below") == below)
        }
    }

    @Test func onlineAndDigitisedAgainstHundred() throws {
        let svgs = F.matches(#"<svg [^>]*>(.*?)</svg>"#, in: html).map { $0[1] }
        try #require(svgs.count == 2)
        let svg = svgs[1]
        let x100 = try #require(F.matches(#"<line class="grid" data-percent="100" x1="([0-9.]+)""#, in: svg).first.map { Double($0[1])! })
        let line = try #require(F.matches(#"<line class="target" data-percent="100" x1="([0-9.]+)""#, in: svg).first)
        #expect(Double(line[1]) == x100)
        #expect(svg.contains(">Mục tiêu 100 %</text>"))
        for key in ["online", "dossier", "result"] {
            let expected = F.table.rows.filter {
                switch key {
                case "online": return $0.counts.onlineRate != nil
                case "dossier": return $0.counts.digitisedDossierRate != nil
                default: return $0.counts.digitisedResultRate != nil
                }
            }.count
            #expect(svg.components(separatedBy: "<rect class=\"bar s-\(key)\"").count - 1 == expected, "\(key)")
        }
        // One group a unit, in table order.
        let groups = F.matches(#"<g class="bar-group" data-unit="([^"]*)">"#, in: svg).map { F.unescapeHTML($0[1]) }
        #expect(groups == F.table.rows.map { $0.unit! })
        #expect(F.table.html(language: .en).contains(">Target 100%</text>"))
    }

    @Test func printsOnA4() {
        #expect(html.contains("@page { size: A4 landscape; margin: 12mm; }"))
        #expect(html.contains("@media print"))
        #expect(html.contains("break-inside: avoid"))
        #expect(html.contains("svg.bars { max-width: 100%; width: 100%; }"))
        #expect(html.contains("viewBox=\"0 0 \(SVG.n(BarChart.viewWidth)) "))
    }

    @Test func manifestFooter() {
        #expect(!html.contains("<footer>"))
        let page = F.table.html(language: .en, manifest: F.manifest)
        #expect(page.contains("<footer>"))
        #expect(page.contains("<code>0123456789ab</code>"))
        #expect(page.contains("<td class=\"num\">1,321</td><td class=\"num\">1,318</td><td class=\"num\">3</td>"))
        #expect(F.table.html(manifest: F.manifest).contains("<td class=\"num\">1.321</td>"))
    }

    @Test func breakdownTable() throws {
        let page = F.breakdown.html()
        #expect(page.contains("<title>Tỷ lệ giải quyết đúng hạn theo quý — 2023</title>"))
        let rows = F.matches(#"<tr( class="total")? data-unit="([^"]*)">(.*?)</tr>"#, in: page)
        #expect(rows.map { F.unescapeHTML($0[2]) } == F.breakdown.units + ["TOTAL"])
        for row in rows {
            let cells = F.matches(#"<td class="num( below)?( none)?" data-period="([^"]+)">(.*?)</td>"#, in: row[3])
            #expect(cells.map { $0[3] } == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"])
            for (index, cell) in cells.enumerated() {
                let unit = F.unescapeHTML(row[2])
                let rate = F.breakdown.counts(unit: unit == "TOTAL" ? nil : unit, at: index)?.onTimeRate
                #expect((cell[1] == " below") == (rate?.isBelow(F.breakdown.target) == true), "\(unit) \(index)")
                #expect(cell[4].hasSuffix(Language.vi.percent(rate?.formatted)))
                #expect(cell[4].contains("⚠") == (cell[1] == " below"))
            }
        }
        #expect(page.contains("data-unit=\"A &amp; &lt;B&gt;\""))
        #expect(page.contains("2023-Q1: 15/12/2022 – 14/03/2023"))
        #expect(F.breakdown.html(language: .en).contains("On-time rate by quarter"))
    }
}
