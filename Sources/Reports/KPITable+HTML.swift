import Ingest
import Metrics

extension KPITable {
    /// `--format html`: one self-contained HTML5 page for people. Inline CSS and inline SVG only,
    /// nothing fetched from the network (offices are often offline): a title with the period, its
    /// dates and the target; the KPI table (every count and rate of the csv, units below target
    /// on red with a ⚠ marker, the total emphasised); the on-time rate per unit as bars, worst
    /// first, against the target; the online and digitisation rates against 100 %; and, when a
    /// manifest is given, the inputs it was made from. Prints on A4 landscape.
    public func html(language: Language = .vi, manifest: ReportManifest? = nil) -> String {
        let labels = HTMLLabels(language)
        let text = TextLabels(language)
        let targetText = labels.percentTarget(target)
        var body = ""

        // Title, period, target.
        body += "<header>\n<h1>\(HTML.escape(labels.title)) — \(HTML.escape(period.description))</h1>\n"
        body += "<p class=\"meta\">\(HTML.escape(labels.periodLine(self)))</p>\n"
        body += "<p class=\"meta\">\(HTML.escape(labels.targetLine(targetText)))</p>\n</header>\n"

        // Key figures of the total.
        let flagged = flaggedUnits
        let totalBelow = total.isBelow(target) == true
        body += "<section class=\"cards\">\n"
        body += card(labels.cardOnTime, language.percent(total.onTimeRate?.formatted), below: totalBelow)
        body += card(labels.cardBelow, "\(flagged.count) / \(rows.count)", below: !flagged.isEmpty)
        body += card(labels.cardResolved, language.count(total.resolved), below: false)
        body += card(labels.cardOnline, language.percent(total.onlineRate?.formatted), below: false)
        body += "</section>\n"

        // The table.
        body += "<section class=\"table\">\n<div class=\"scroll\">\n<table class=\"kpi\">\n<thead>\n<tr>"
        body += "<th rowspan=\"2\" class=\"unit\">\(HTML.escape(labels.rowHeader(grouping)))</th>"
        for (title, span) in labels.groups {
            body += "<th colspan=\"\(span)\" class=\"group\">\(HTML.escape(title))</th>"
        }
        body += "</tr>\n<tr>"
        for (index, title) in labels.columns.enumerated() {
            body += "<th class=\"num\(index >= 12 ? " rate" : "")\" data-col=\"\(Self.csvColumns[index + 2])\">\(HTML.escape(title))</th>"
        }
        body += "</tr>\n</thead>\n<tbody>\n"
        for row in rows { body += tableRow(row, language: language, labels: text) }
        body += "</tbody>\n<tfoot>\n"
        body += tableRow(Row(unit: nil, counts: total), language: language, labels: text)
        body += "</tfoot>\n</table>\n</div>\n"
        body += "<p class=\"legend\">\(HTML.escape(labels.legend(targetText)))</p>\n"
        let belowLine = flagged.isEmpty ? text.noneBelow : text.below(flagged)
        body += "<p class=\"flagged\(flagged.isEmpty ? "" : " some")\">"
            + HTML.escape(belowLine.trimmingTrailingNewline) + "</p>\n</section>\n"

        // Charts.
        body += "<section class=\"chart\">\n<h2>\(HTML.escape(labels.onTimeChartTitle))</h2>\n"
        body += onTimeChart(language: language, labels: labels) + "\n</section>\n"
        body += "<section class=\"chart\">\n<h2>\(HTML.escape(labels.digitalChartTitle))</h2>\n"
        body += digitalChart(language: language, labels: labels) + "\n</section>\n"

        if let manifest { body += HTML.manifestFooter(manifest, language: language) }

        return HTML.document(language: language, title: "\(labels.title) — \(period)", body: body)
    }

    private func card(_ title: String, _ value: String, below: Bool) -> String {
        "<div class=\"card\(below ? " below" : "")\"><div class=\"card-title\">\(HTML.escape(title))</div>"
            + "<div class=\"card-value\">\(below ? "<span class=\"flag\">⚠</span> " : "")\(HTML.escape(value))</div></div>\n"
    }

    private func tableRow(_ row: Row, language: Language, labels: TextLabels) -> String {
        let c = row.counts
        let below = c.isBelow(target) == true
        var classes: [String] = []
        if row.unit == nil { classes.append("total") }
        if below { classes.append("below") }
        let name = row.unit ?? labels.total
        var out = "<tr"
        if !classes.isEmpty { out += " class=\"\(classes.joined(separator: " "))\"" }
        out += " data-unit=\"\(HTML.escape(row.unit ?? "TOTAL"))\">"
        out += "<th scope=\"row\" class=\"unit\">"
        if below { out += "<span class=\"flag\" title=\"\(HTML.escape(language == .vi ? "dưới mục tiêu" : "below target"))\">⚠</span> " }
        out += HTML.escape(name) + "</th>"
        let cells = c.countColumns.map(language.count) + c.rates.map { language.percent($0?.formatted) }
        for (index, cell) in cells.enumerated() {
            let key = Self.csvColumns[index + 2]
            var cls = "num"
            if index >= 12 { cls += " rate" }
            if key == "on_time_rate" && below { cls += " miss" }
            if cell == "—" { cls += " none" }
            out += "<td class=\"\(cls)\" data-col=\"\(key)\">\(HTML.escape(cell))</td>"
        }
        return out + "</tr>\n"
    }

    /// Horizontal bars of the on-time rate, units sorted by rate ascending (worst first, ties in
    /// name order), a vertical line at the target; bars below target red. Units with nothing
    /// resolved follow, with `—` and no bar.
    func onTimeChart(language: Language, labels: HTMLLabels) -> String {
        let rated = rows.compactMap { row in row.counts.onTimeRate.map { (row, $0) } }
            .sorted { a, b in
                let l = a.1.numerator * b.1.denominator, r = b.1.numerator * a.1.denominator
                if l != r { return l < r }
                return (a.0.unit ?? "").unicodeScalars.lexicographicallyPrecedes((b.0.unit ?? "").unicodeScalars)
            }
        let unrated = rows.filter { $0.counts.onTimeRate == nil }
        let names = rows.map { $0.unit ?? "" }
        let chart = BarChart(names: names, rowHeight: 24, rowCount: rated.count + unrated.count, topLabel: true)
        let targetValue = Double(target.scaled) / Double(target.divisor)
        var svg = chart.open(label: labels.onTimeChartTitle)
        svg += chart.grid(language: language)
        for (index, (row, rate)) in rated.enumerated() {
            let below = rate.isBelow(target)
            let y = chart.rowTop(index)
            let value = rate.percentValue
            svg += "<g class=\"bar-row\(below ? " below" : "")\" data-unit=\"\(HTML.escape(row.unit ?? ""))\">"
            svg += "<title>\(HTML.escape(row.unit ?? "")): \(HTML.escape(language.percent(rate.formatted))) (\(rate.numerator)/\(rate.denominator))</title>"
            svg += chart.label(row.unit ?? "", y: y + 12, strong: below)
            svg += "<rect class=\"bar\(below ? " below" : "")\" x=\"\(SVG.n(chart.x0))\" y=\"\(SVG.n(y + 4))\" "
                + "width=\"\(SVG.n(chart.width(value)))\" height=\"16\" data-rate=\"\(rate.formatted)\"/>"
            svg += "<text class=\"value\(below ? " below" : "")\" x=\"\(SVG.n(chart.x(value) + 4))\" y=\"\(SVG.n(y + 16))\">"
                + "\(below ? "⚠ " : "")\(HTML.escape(language.percent(rate.formatted)))</text></g>\n"
        }
        for (offset, row) in unrated.enumerated() {
            let y = chart.rowTop(rated.count + offset)
            svg += "<g class=\"bar-row none\" data-unit=\"\(HTML.escape(row.unit ?? ""))\">"
            svg += chart.label(row.unit ?? "", y: y + 12, strong: false)
            svg += "<text class=\"value none\" x=\"\(SVG.n(chart.x0 + 4))\" y=\"\(SVG.n(y + 16))\">— "
                + "\(HTML.escape(labels.nothingResolved))</text></g>\n"
        }
        svg += chart.targetLine(at: targetValue, label: labels.targetMark(labels.percentTarget(target)))
        return svg + "</svg>"
    }

    /// Online, digitised-dossier and digitised-result rates per unit (table order), three bars
    /// a unit, against their 100 % target.
    func digitalChart(language: Language, labels: HTMLLabels) -> String {
        let series: [(String, String, (KPICounts) -> Percentage?)] = [
            ("online", labels.seriesOnline, { $0.onlineRate }),
            ("dossier", labels.seriesDossier, { $0.digitisedDossierRate }),
            ("result", labels.seriesResult, { $0.digitisedResultRate }),
        ]
        let names = rows.map { $0.unit ?? "" }
        let chart = BarChart(names: names, rowHeight: 42, rowCount: rows.count, topLabel: true, legendRow: true)
        var svg = chart.open(label: labels.digitalChartTitle)
        // Legend above the plot.
        var lx = chart.x0
        for (key, title, _) in series {
            svg += "<rect class=\"swatch s-\(key)\" x=\"\(SVG.n(lx))\" y=\"6\" width=\"12\" height=\"12\"/>"
            svg += "<text class=\"legend-text\" x=\"\(SVG.n(lx + 17))\" y=\"16\">\(HTML.escape(title))</text>"
            lx += 26 + Double(title.count) * 6.6
        }
        svg += "\n" + chart.grid(language: language)
        for (index, row) in rows.enumerated() {
            let y = chart.rowTop(index)
            svg += "<g class=\"bar-group\" data-unit=\"\(HTML.escape(row.unit ?? ""))\">"
            svg += chart.label(row.unit ?? "", y: y + 21, strong: false)
            for (s, (key, title, rate)) in series.enumerated() {
                let by = y + 5 + Double(s) * 11
                guard let value = rate(row.counts) else {
                    svg += "<text class=\"value small none\" x=\"\(SVG.n(chart.x0 + 4))\" y=\"\(SVG.n(by + 8.5))\">— \(HTML.escape(title))</text>"
                    continue
                }
                svg += "<rect class=\"bar s-\(key)\" x=\"\(SVG.n(chart.x0))\" y=\"\(SVG.n(by))\" width=\"\(SVG.n(chart.width(value.percentValue)))\" "
                    + "height=\"9\" data-rate=\"\(value.formatted)\"><title>\(HTML.escape(row.unit ?? "")) · \(HTML.escape(title)): "
                    + "\(HTML.escape(language.percent(value.formatted))) (\(value.numerator)/\(value.denominator))</title></rect>"
                svg += "<text class=\"value small\" x=\"\(SVG.n(chart.x(value.percentValue) + 4))\" y=\"\(SVG.n(by + 8.5))\">"
                    + "\(HTML.escape(language.percent(value.formatted)))</text>"
            }
            svg += "</g>\n"
        }
        svg += chart.targetLine(at: 100, label: labels.targetMark(language.percent("100").replacingOccurrences(of: ",00", with: "")))
        return svg + "</svg>"
    }
}

extension KPIBreakdown {
    /// The units × sub-periods table of on-time rates as one self-contained HTML page: cells
    /// below target on red with a ⚠, `—` where nothing was resolved, a total row.
    public func html(language: Language = .vi) -> String {
        let labels = HTMLLabels(language)
        let targetText = labels.percentTarget(target)
        let step = tables.first.map { table -> KPIBreakdown.Step in
            if case .half = table.period.span { return .half }
            return .quarter
        } ?? .quarter
        let title = labels.breakdownTitle(step) + " — " + period.description
        var body = "<header>\n<h1>\(HTML.escape(title))</h1>\n"
        body += "<p class=\"meta\">\(HTML.escape(labels.targetLine(targetText)))</p>\n"
        body += "<p class=\"meta\">\(HTML.escape(breakdownDates(tables, language: language)))</p>\n</header>\n"
        body += "<section class=\"table\">\n<table class=\"kpi breakdown\">\n<thead>\n<tr>"
        body += "<th class=\"unit\">\(HTML.escape(labels.rowHeader(.unit)))</th>"
        for table in tables { body += "<th class=\"num\">\(HTML.escape(table.period.description))</th>" }
        body += "</tr>\n</thead>\n<tbody>\n"
        func row(_ unit: String?) -> String {
            var out = "<tr\(unit == nil ? " class=\"total\"" : "") data-unit=\"\(HTML.escape(unit ?? "TOTAL"))\">"
            out += "<th scope=\"row\" class=\"unit\">\(HTML.escape(unit ?? TextLabels(language).total))</th>"
            for index in tables.indices {
                let rate = counts(unit: unit, at: index)?.onTimeRate
                let below = rate?.isBelow(target) == true
                let cell = language.percent(rate?.formatted)
                out += "<td class=\"num\(below ? " below" : "")\(rate == nil ? " none" : "")\" data-period=\"\(tables[index].period)\">"
                    + (below ? "<span class=\"flag\">⚠</span> " : "") + HTML.escape(cell) + "</td>"
            }
            return out + "</tr>\n"
        }
        for unit in units { body += row(unit) }
        body += "</tbody>\n<tfoot>\n" + row(nil) + "</tfoot>\n</table>\n"
        body += "<p class=\"legend\">\(HTML.escape(labels.breakdownLegend))</p>\n</section>\n"
        return HTML.document(language: language, title: title, body: body)
    }
}

/// "2023-Q1: 15/12/2022 – 14/03/2023; 2023-Q2: …", the dates of each sub-period.
func breakdownDates(_ tables: [KPITable], language: Language) -> String {
    let parts = tables.map { t in
        "\(t.period): \(t.bounds.start.description.prefix(10)) – \(t.bounds.lastDay.description.prefix(10))"
    }
    let basis = tables.first?.basis ?? .decree09
    let how: String
    switch language {
    case .vi: how = basis == .decree09 ? "Theo Nghị định 09/2019/NĐ-CP" : "Theo tháng dương lịch"
    case .en: how = basis == .decree09 ? "Decree 09/2019 cut-off" : "Calendar months"
    }
    return how + ": " + parts.joined(separator: "; ") + "."
}

extension Percentage {
    /// The rate in percent as a binary float: for drawing only, never for a figure or a flag.
    var percentValue: Double { Double(numerator) * 100 / Double(denominator) }
}

extension String {
    var trimmingTrailingNewline: String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}

/// Geometry of a horizontal bar chart with a 0–100 % axis, in SVG user units.
struct BarChart {
    static let viewWidth = 1100.0
    let labelWidth: Double
    let rowHeight: Double
    let rowCount: Int
    /// Space above the rows: the target's label, and a legend row when asked.
    let top: Double
    let axisHeight = 26.0
    let maxLabelCharacters: Int

    init(names: [String], rowHeight: Double, rowCount: Int, topLabel: Bool, legendRow: Bool = false) {
        // At most about 7.4 units a character at 12 px (bold DejaVu Sans, Vietnamese diacritics):
        // wide enough for most names, truncated with … beyond.
        let longest = Double(names.map(\.count).max() ?? 0)
        labelWidth = min(max(longest * 7.4 + 20, 130), 360)
        maxLabelCharacters = Int((labelWidth - 20) / 7.4)
        self.rowHeight = rowHeight
        self.rowCount = rowCount
        top = (topLabel ? 24 : 6) + (legendRow ? 24 : 0)
    }

    var x0: Double { labelWidth }
    /// Right margin leaves room for value labels of bars near 100 %.
    var plotWidth: Double { Self.viewWidth - labelWidth - 86 }
    var height: Double { top + Double(max(rowCount, 1)) * rowHeight + axisHeight }
    var plotBottom: Double { top + Double(max(rowCount, 1)) * rowHeight }

    func x(_ percent: Double) -> Double { x0 + plotWidth * min(max(percent, 0), 100) / 100 }
    func width(_ percent: Double) -> Double { x(percent) - x0 }
    func rowTop(_ index: Int) -> Double { top + Double(index) * rowHeight }

    func open(label: String) -> String {
        "<svg class=\"bars\" viewBox=\"0 0 \(SVG.n(Self.viewWidth)) \(SVG.n(height))\" "
            + "width=\"\(SVG.n(Self.viewWidth))\" height=\"\(SVG.n(height))\" role=\"img\" aria-label=\"\(HTML.escape(label))\" "
            + "preserveAspectRatio=\"xMinYMin meet\">\n"
    }

    /// Vertical grid lines and tick labels at 0, 25, 50, 75 and 100 %.
    func grid(language: Language) -> String {
        var out = ""
        for p in [0, 25, 50, 75, 100] {
            let x = SVG.n(self.x(Double(p)))
            out += "<line class=\"grid\(p == 0 ? " axis" : "")\" data-percent=\"\(p)\" x1=\"\(x)\" y1=\"\(SVG.n(top - 4))\" "
                + "x2=\"\(x)\" y2=\"\(SVG.n(plotBottom))\"/>"
            out += "<text class=\"tick\" x=\"\(x)\" y=\"\(SVG.n(plotBottom + 16))\" text-anchor=\"middle\">"
                + "\(HTML.escape(language.percent(String(p))))</text>"
        }
        return out + "\n"
    }

    func label(_ name: String, y: Double, strong: Bool) -> String {
        let shown = name.count > maxLabelCharacters ? String(name.prefix(max(maxLabelCharacters - 1, 1))) + "…" : name
        return "<text class=\"label\(strong ? " below" : "")\" x=\"\(SVG.n(x0 - 8))\" y=\"\(SVG.n(y + 4))\" text-anchor=\"end\">"
            + "\(shown != name ? "<title>\(HTML.escape(name))</title>" : "")\(HTML.escape(shown))</text>"
    }

    func targetLine(at percent: Double, label: String) -> String {
        let x = SVG.n(self.x(percent))
        // Near the right edge the label would leave the picture: anchor it to its end there.
        let anchor = percent > 90 ? "end" : "middle"
        return "<line class=\"target\" data-percent=\"\(SVG.n(percent))\" x1=\"\(x)\" y1=\"\(SVG.n(top - 8))\" x2=\"\(x)\" y2=\"\(SVG.n(plotBottom + 4))\"/>"
            + "<text class=\"target-label\" x=\"\(SVG.n(self.x(percent) + (anchor == "end" ? 3 : 0)))\" y=\"\(SVG.n(top - 11))\" text-anchor=\"\(anchor)\">"
            + "\(HTML.escape(label))</text>\n"
    }
}

enum SVG {
    /// A coordinate with at most two decimals, no exponent: `123.45`, `98`.
    static func n(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let m = hundredths.magnitude
        let whole = m / 100, frac = m % 100
        if frac == 0 { return "\(sign)\(whole)" }
        return frac % 10 == 0 ? "\(sign)\(whole).\(frac / 10)" : "\(sign)\(whole).\(frac < 10 ? "0" : "")\(frac)"
    }
}

enum HTML {
    /// Text and attribute values: `&`, `<`, `>`, `"` and `'` as entities.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    static func document(language: Language, title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="motcua \(ReportManifest.motcuaVersion)">
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    static func manifestFooter(_ manifest: ReportManifest, language: Language) -> String {
        let vi = language == .vi
        var out = "<footer>\n<h2>\(vi ? "Dữ liệu đầu vào" : "Inputs")</h2>\n<table class=\"inputs\">\n<thead><tr>"
        let heads = vi ? ["Tệp", "SHA-256", "Dòng đã đọc", "Chấp nhận", "Loại bỏ"]
                       : ["File", "SHA-256", "Rows read", "Accepted", "Rejected"]
        for (index, head) in heads.enumerated() { out += "<th\(index >= 2 ? " class=\"num\"" : "")>\(escape(head))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for input in manifest.inputs {
            let sha = input.sha256.map { String($0.prefix(12)) } ?? "—"
            out += "<tr><td class=\"file\">\(escape(input.name))</td>"
                + "<td class=\"sha\" title=\"\(escape(input.sha256 ?? ""))\"><code>\(escape(sha))</code></td>"
                + "<td class=\"num\">\(language.count(input.rowsRead))</td><td class=\"num\">\(language.count(input.accepted))</td>"
                + "<td class=\"num\">\(language.count(input.rejected))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n<p class=\"meta\">motcua \(ReportManifest.motcuaVersion)</p>\n</footer>\n"
        return out
    }

    static let style = """
        :root { --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --head: #eef2f6; --red: #b42318; --red-bg: #fde8e6;
                --bar: #2e7d32; --online: #1f5fa8; --dossier: #0f8b8d; --result: #7b4fb3; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", "Segoe UI", Arial, sans-serif; color: var(--ink);
               margin: 24px auto; padding: 0 24px; max-width: 1500px; font-size: 14px; line-height: 1.4; background: #fff; }
        h1 { font-size: 22px; margin: 0 0 6px; }
        h2 { font-size: 16px; margin: 28px 0 8px; }
        .meta { color: var(--muted); margin: 2px 0; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
        .card { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 14px; min-width: 170px; }
        .card-title { color: var(--muted); font-size: 12px; }
        .card-value { font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; }
        .card.below { border-color: var(--red); background: var(--red-bg); }
        .card.below .card-value { color: var(--red); }
        table { border-collapse: collapse; }
        table.kpi { width: 100%; font-size: 13px; }
        table.kpi th, table.kpi td { border: 1px solid var(--rule); padding: 4px 6px; }
        table.kpi thead th { background: var(--head); font-weight: 600; text-align: center; vertical-align: bottom; font-size: 12px; }
        table.kpi thead th.group { vertical-align: middle; }
        table.kpi thead th.unit { text-align: left; }
        th.unit { text-align: left; font-weight: normal; min-width: 16em; }
        .scroll { overflow-x: auto; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.none { color: var(--muted); text-align: center; }
        td.rate, th.rate { background-clip: padding-box; }
        tbody tr:nth-child(even) { background: #f8f9fb; }
        tr.below, tbody tr.below:nth-child(even) { background: var(--red-bg); }
        tr.below th.unit { color: var(--red); font-weight: 700; box-shadow: inset 4px 0 0 var(--red); }
        td.miss, td.below { color: var(--red); font-weight: 700; }
        table.breakdown td.below { background: var(--red-bg); }
        table.kpi.breakdown { width: auto; }
        table.breakdown td.num, table.breakdown thead th.num { min-width: 8em; }
        .flag { color: var(--red); font-weight: 700; }
        tr.total th, tr.total td { font-weight: 700; border-top: 2px solid var(--ink); background: #e9edf2; }
        tr.total.below th, tr.total.below td { background: var(--red-bg); }
        .legend { color: var(--muted); font-size: 12px; margin: 6px 0 2px; }
        .flagged { margin: 4px 0; }
        .flagged.some { color: var(--red); font-weight: 600; }
        .chart { break-inside: avoid; page-break-inside: avoid; }
        svg.bars { display: block; width: 100%; max-width: 1100px; height: auto; font-size: 12px; }
        svg.bars text { font-family: inherit; fill: var(--ink); }
        svg.bars .grid { stroke: #e3e7eb; stroke-width: 1; }
        svg.bars .grid.axis { stroke: #8c959f; }
        svg.bars .tick { fill: var(--muted); font-size: 11px; }
        svg.bars .bar { fill: var(--bar); }
        svg.bars .bar.below { fill: var(--red); }
        svg.bars .bar.s-online, svg.bars .swatch.s-online { fill: var(--online); }
        svg.bars .bar.s-dossier, svg.bars .swatch.s-dossier { fill: var(--dossier); }
        svg.bars .bar.s-result, svg.bars .swatch.s-result { fill: var(--result); }
        svg.bars .label.below, svg.bars .value.below { fill: var(--red); font-weight: 700; }
        svg.bars .value { font-variant-numeric: tabular-nums; }
        svg.bars .value.small { font-size: 10px; }
        svg.bars .value.none { fill: var(--muted); font-style: italic; }
        svg.bars .target { stroke: var(--ink); stroke-width: 2; stroke-dasharray: 5 3; }
        svg.bars .target-label { font-weight: 700; font-size: 11px; }
        footer { margin-top: 28px; border-top: 1px solid var(--rule); font-size: 12px; }
        table.inputs th, table.inputs td { border-bottom: 1px solid var(--rule); padding: 3px 10px 3px 0; text-align: left; }
        table.inputs .num { text-align: right; }
        td.file { word-break: break-all; }
        @page { size: A4 landscape; margin: 12mm; }
        @media print {
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          body { margin: 0; padding: 0; max-width: none; font-size: 10pt; }
          h1 { font-size: 15pt; }
          h2 { font-size: 12pt; margin-top: 14pt; }
          .cards { margin: 8pt 0; }
          .card { padding: 4pt 8pt; min-width: 0; }
          .card-value { font-size: 14pt; }
          /* Collapsed borders reach half outside the table: keep the right one on the page. */
          table.kpi { font-size: 8pt; width: calc(100% - 2px); }
          table.kpi thead th { font-size: 7.5pt; }
          table.kpi th, table.kpi td { padding: 2pt 3pt; }
          th.unit { min-width: 11em; }
          .scroll { overflow: visible; }
          thead { display: table-header-group; }
          tfoot { display: table-row-group; }
          tr, .card, .chart, footer { break-inside: avoid; page-break-inside: avoid; }
          .chart { break-before: auto; }
          svg.bars { max-width: 100%; width: 100%; }
        }
        """
}

/// Titles and sentences of the HTML (and Markdown) reports, in Vietnamese or English.
struct HTMLLabels {
    let language: Language

    init(_ language: Language) { self.language = language }

    private var vi: Bool { language == .vi }

    var title: String { vi ? "Kết quả giải quyết thủ tục hành chính" : "Administrative procedures: results" }

    func rowHeader(_ grouping: KPITable.Grouping) -> String {
        switch grouping {
        case .unit: return TextLabels(language).columns[0]
        case .field: return vi ? "Lĩnh vực" : "Field"
        }
    }

    /// "Kỳ báo cáo 2023-Q1 (theo Nghị định 09/2019/NĐ-CP): từ 15/12/2022 đến 14/03/2023."
    func periodLine(_ table: KPITable) -> String {
        let start = table.bounds.start.description.prefix(10)
        let end = table.bounds.lastDay.description.prefix(10)
        if vi {
            let basis = table.basis == .decree09 ? "theo Nghị định 09/2019/NĐ-CP" : "theo tháng dương lịch"
            return "Kỳ báo cáo \(table.period) (\(basis)): từ \(start) đến \(end)."
        }
        let basis = table.basis == .decree09 ? "Decree 09/2019 cut-off" : "calendar months"
        return "Period \(table.period) (\(basis)): \(start) to \(end)."
    }

    /// `98 %`, `97,5 %` (vi); `98%` (en).
    func percentTarget(_ target: Target) -> String {
        language.percent(target.description)
    }

    func targetLine(_ target: String) -> String {
        vi ? "Mục tiêu giải quyết đúng hạn: \(target)." : "On-time target: \(target)."
    }

    func targetMark(_ target: String) -> String { vi ? "Mục tiêu \(target)" : "Target \(target)" }

    func legend(_ target: String) -> String {
        vi ? "⚠ nền đỏ = tỷ lệ đúng hạn dưới mục tiêu \(target); — = không có hồ sơ để tính tỷ lệ. "
            + "Tỷ lệ tính từ số hồ sơ, làm tròn hai chữ số thập phân."
            : "⚠ on red = on-time rate below the \(target) target; — = nothing to rate. "
            + "Rates are computed from the counts and rounded to two decimals."
    }

    var groups: [(String, Int)] {
        vi ? [("Hồ sơ tiếp nhận", 5), ("Đã giải quyết", 5), ("Đang giải quyết", 2), ("Tỷ lệ", 5)]
           : [("Received", 5), ("Resolved", 5), ("Pending", 2), ("Rates", 5)]
    }

    /// Titles of the csv's count and rate columns (csv order), under `groups`.
    var columns: [String] {
        vi ? ["Kỳ trước chuyển qua", "Mới tiếp nhận", "Trực tuyến", "Trực tiếp", "Bưu chính",
              "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Rút, dừng",
              "Tổng số", "Quá hạn",
              "Đúng hạn", "Tiến độ", "Trực tuyến", "Số hóa hồ sơ", "Số hóa kết quả"]
           : ["Carried over", "New", "Online", "Direct", "Postal",
              "Total", "Early", "On time", "Late", "Withdrawn, stopped",
              "Total", "Overdue",
              "On time", "Progress", "Online", "Digitised dossiers", "Digitised results"]
    }

    var cardOnTime: String { vi ? "Tỷ lệ đúng hạn (tổng)" : "On-time rate (total)" }
    var cardBelow: String { vi ? "Đơn vị dưới mục tiêu" : "Units below target" }
    var cardResolved: String { vi ? "Hồ sơ đã giải quyết" : "Dossiers resolved" }
    var cardOnline: String { vi ? "Tỷ lệ tiếp nhận trực tuyến" : "Online rate" }

    var onTimeChartTitle: String {
        vi ? "Tỷ lệ giải quyết đúng hạn theo đơn vị (thấp nhất trước)" : "On-time rate by unit (lowest first)"
    }
    var digitalChartTitle: String {
        vi ? "Tỷ lệ trực tuyến và số hóa theo đơn vị (mục tiêu 100 %)"
           : "Online and digitisation rates by unit (target 100%)"
    }
    var nothingResolved: String { vi ? "chưa có hồ sơ đã giải quyết" : "nothing resolved" }
    var seriesOnline: String { vi ? "Trực tuyến" : "Online" }
    var seriesDossier: String { vi ? "Số hóa hồ sơ" : "Digitised dossiers" }
    var seriesResult: String { vi ? "Số hóa kết quả" : "Digitised results" }

    func breakdownTitle(_ step: KPIBreakdown.Step) -> String {
        switch step {
        case .quarter: return vi ? "Tỷ lệ giải quyết đúng hạn theo quý" : "On-time rate by quarter"
        case .half: return vi ? "Tỷ lệ giải quyết đúng hạn theo 6 tháng" : "On-time rate by half-year"
        }
    }

    var breakdownLegend: String {
        vi ? "⚠ = dưới mục tiêu; — = không có hồ sơ đã giải quyết trong kỳ."
           : "⚠ = below target; — = nothing resolved in the period."
    }
}
