import KPIMetrics
import Wording

extension KPIReport {
    /// `--format html`: one self-contained page for people. The provisional mark (if any); a
    /// title with the period, its dates, the target and the period compared with; the key figures
    /// of the total; the page view of the table (every count and rate, the on-time rate of the
    /// period compared with and the change, units below target on red with a ⚠, the total
    /// emphasised); the on-time rate per unit as bars, worst first, against the target; the
    /// online and digitisation rates against 100 %; the trend of the last four quarters (from
    /// `trend`, by unit); and, when a manifest is given, the inputs. Prints on A4 landscape,
    /// each chart with its title on one page.
    func html(manifest: ReportManifest? = nil, trend: [KPITable] = []) -> String {
        let flagged = self.flagged
        let heading = period.titled(title) + " — " + period.period
        var header: [Node] = [.el("h1", text: heading), .el("p", ["class": "meta"], text: period.dates),
                              .el("p", ["class": "meta"], text: period.targetLine)]
        if let line = comparisonLine { header.append(.el("p", ["class": "meta"], text: line)) }
        var body: [Node] = [
            .el("header", header),
            .el("section", ["class": "cards"], cards(flagged: flagged.count)),
            .el("section", ["class": "table"], [
                .el("div", ["class": "scroll"], [table(.page).html(language, class: "kpi")]),
                .el("p", ["class": "legend"], text: language[.pageLegend, [.target: period.target]]),
            ] + (rollUpLine.map { [.el("p", ["class": "legend"], text: $0)] } ?? []) + [
                .el("p", ["class": Node.classes("flagged", flagged.isEmpty ? nil : "some")], text: belowLine(flagged)),
            ]),
        ]
        if !lateByProcedure.isEmpty {
            body.append(.el("section", ["class": "late"], [.el("h2", text: language[.lateByProcedure]),
                                                           .el("ul", lateLines().map { .el("li", text: $0) })]))
        }
        if let mark = period.provisionalLine { body.insert(.el("p", ["class": "provisional"], text: mark), at: 0) }
        var charts = [onTimeChart, digitalChart]
        if !trend.isEmpty { charts.append(trendChart(trend)) }
        body += charts.map(\.section)
        if let manifest { body.append(InputsTable(inputs: manifest.inputs, language: language).footer) }
        return HTMLPage.document(language, title: heading, body: body)
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
            card(.cardBelow, "\(flagged) / \(unitRows.count)", below: flagged > 0),
            card(.cardResolved, language.count(total[.resolved]), below: false),
            card(.cardOnline, language.percent(total.rate(.online)?.formatted), below: false),
        ]
    }
}

extension BarChart {
    /// The chart with its title (and, when zoomed, where its axis starts), kept on one page
    /// when printed.
    var section: Node {
        .el("section", ["class": "chart"], [.el("h2", text: title)]
            + (axisNote.map { [.el("p", ["class": "axis-note"], text: $0)] } ?? []) + [svg])
    }
}

extension KPIReport {
    /// The on-time rate of every unit, lowest first (ties in Vietnamese alphabetical order),
    /// against the target; units with nothing resolved last, without a bar.
    var onTimeChart: BarChart {
        let rated = unitRows.compactMap { row in row.counts.onTimeRate.map { (row, $0) } }.sorted { a, b in
            let l = a.1.numerator * b.1.denominator, r = b.1.numerator * a.1.denominator
            return l != r ? l < r : CollationKey(label(a.0.label)) < CollationKey(label(b.0.label))
        }
        let unrated = unitRows.filter { $0.counts.onTimeRate == nil }
        let bars = rated.map { row, rate in
            BarChart.Row(name: label(row.label), bars: [BarChart.Bar(rate: rate, isFlagged: rate.isBelow(table.target), note: "")],
                         isFlagged: rate.isBelow(table.target))
        } + unrated.map { row in
            BarChart.Row(name: label(row.label), bars: [BarChart.Bar(rate: nil, note: language[.nothingResolved])])
        }
        return BarChart(title: language[.chartOnTime], series: [BarChart.Series(key: "on-time", title: language[.onTimeRate])],
                        rows: bars, target: targetPercent, targetLabel: language[.targetMark, [.target: period.target]],
                        language: language)
    }

    /// The online, digitised-dossier and digitised-result rates of every unit (in the people's
    /// order), against their 100 % target.
    var digitalChart: BarChart {
        let rates: [(key: String, rate: RateColumn)] = [("online", .online), ("dossier", .digitisedDossier), ("result", .digitisedResult)]
        let series = rates.map { BarChart.Series(key: $0.key, title: language[KPIColumn.rate($0.rate).wording.page ?? .online]) }
        let bars = unitRows.map { row in
            BarChart.Row(name: label(row.label), bars: zip(rates, series).map { rate, series in
                BarChart.Bar(rate: row.counts.rate(rate.rate), note: series.title)
            })
        }
        let hundred = language.percent("100")
        return BarChart(title: language[.chartDigital, [.target: hundred]], series: series, rows: bars, target: 100,
                        targetLabel: language[.targetMark, [.target: hundred]], language: language)
    }

    /// The on-time rate of every unit (and the total) in each of the last four quarters, oldest
    /// first, against the target: the trend behind the figure of the period.
    func trendChart(_ quarters: [KPITable]) -> BarChart {
        let series = quarters.enumerated().map { BarChart.Series(key: "q\($0.offset)", title: $0.element.period.description) }
        let byQuarter = quarters.map { quarter in
            Dictionary(quarter.allRows.map { ($0.label, $0.counts.onTimeRate) }, uniquingKeysWith: { first, _ in first })
        }
        let bars = (rows + [KPITable.Row(label: .total, counts: table.total)]).map { row in
            BarChart.Row(name: label(row.label), bars: zip(byQuarter, series).map { rates, series in
                let rate = rates[row.label] ?? nil
                return BarChart.Bar(rate: rate, isFlagged: rate?.isBelow(table.target) == true, note: series.title)
            })
        }
        return BarChart(title: language[.chartTrend], series: series, rows: bars, target: targetPercent,
                        targetLabel: language[.targetMark, [.target: period.target]], language: language)
    }

    private var targetPercent: Double { Double(table.target.scaled) / Double(table.target.divisor) }
}
