import KPIMetrics
import Wording

extension KPIReport {
    /// `--format html`: one self-contained page for people. A title with the period, its dates
    /// and the target; the key figures of the total; the page view of the table (every count and
    /// rate, units below target on red with a ⚠, the total emphasised); the on-time rate per unit
    /// as bars, worst first, against the target; the online and digitisation rates against
    /// 100 %; and, when a manifest is given, the inputs it was made from. Prints on A4 landscape.
    func html(manifest: ReportManifest? = nil) -> String {
        let flagged = self.flagged
        var body: [Node] = [
            .el("header", [
                .el("h1", text: title + " — " + period.period),
                .el("p", ["class": "meta"], text: period.dates),
                .el("p", ["class": "meta"], text: period.targetLine),
            ]),
            .el("section", ["class": "cards"], cards(flagged: flagged.count)),
            .el("section", ["class": "table"], [
                .el("div", ["class": "scroll"], [table(.page).html(language, class: "kpi")]),
                .el("p", ["class": "legend"], text: language[.pageLegend, [.target: period.target]]),
                .el("p", ["class": Node.classes("flagged", flagged.isEmpty ? nil : "some")], text: belowLine(flagged)),
            ]),
        ]
        for chart in [onTimeChart, digitalChart] {
            body.append(.el("section", ["class": "chart"], [.el("h2", text: chart.title), chart.svg]))
        }
        if let manifest { body.append(InputsTable(inputs: manifest.inputs, language: language).footer) }
        return HTMLPage.document(language, title: title + " — " + period.period, body: body)
    }

    /// The total's on-time rate, the units below target, the dossiers resolved, the online rate.
    private func cards(flagged: Int) -> [Node] {
        let total = table.total
        func card(_ title: Phrase, _ value: String, below: Bool) -> Node {
            .el("div", ["class": Node.classes("card", below ? "below" : nil)], [
                .el("div", ["class": "card-title"], text: language[title]),
                .el("div", ["class": "card-value"], below ? [HTMLPage.flag(language), .text(" " + value)] : [.text(value)]),
            ])
        }
        return [
            card(.cardOnTime, language.percent(total.onTimeRate?.formatted), below: total.isBelow(table.target) == true),
            card(.cardBelow, "\(flagged) / \(table.rows.count)", below: flagged > 0),
            card(.cardResolved, language.count(total[.resolved]), below: false),
            card(.cardOnline, language.percent(total.rate(.online)?.formatted), below: false),
        ]
    }
}

extension KPIReport {
    /// The on-time rate of every unit, lowest first (ties in name order), against the target;
    /// units with nothing resolved last, without a bar.
    var onTimeChart: BarChart {
        let rated = table.rows.compactMap { row in row.counts.onTimeRate.map { (row, $0) } }.sorted { a, b in
            let l = a.1.numerator * b.1.denominator, r = b.1.numerator * a.1.denominator
            return l != r ? l < r : a.0.label < b.0.label
        }
        let unrated = table.rows.filter { $0.counts.onTimeRate == nil }
        let rows = rated.map { row, rate in
            BarChart.Row(name: label(row.label), bars: [BarChart.Bar(rate: rate, isFlagged: rate.isBelow(table.target), note: "")],
                         isFlagged: rate.isBelow(table.target))
        } + unrated.map { row in
            BarChart.Row(name: label(row.label), bars: [BarChart.Bar(rate: nil, note: language[.nothingResolved])])
        }
        return BarChart(title: language[.chartOnTime], series: [BarChart.Series(key: "on-time", title: language[.onTimeRate])],
                        rows: rows, target: Double(table.target.scaled) / Double(table.target.divisor),
                        targetLabel: language[.targetMark, [.target: period.target]], language: language)
    }

    /// The online, digitised-dossier and digitised-result rates of every unit (table order),
    /// against their 100 % target.
    var digitalChart: BarChart {
        let rates: [(key: String, rate: RateColumn)] = [("online", .online), ("dossier", .digitisedDossier), ("result", .digitisedResult)]
        let series = rates.map { BarChart.Series(key: $0.key, title: language[KPIColumn.rate($0.rate).wording.page ?? .online]) }
        let rows = table.rows.map { row in
            BarChart.Row(name: label(row.label), bars: zip(rates, series).map { rate, series in
                BarChart.Bar(rate: row.counts.rate(rate.rate), note: series.title)
            })
        }
        let hundred = language.percent("100")
        return BarChart(title: language[.chartDigital, [.target: hundred]], series: series, rows: rows, target: 100,
                        targetLabel: language[.targetMark, [.target: hundred]], language: language)
    }
}
