import KPIMetrics
import Wording

extension ServiceReport {
    /// `--format html`: one self-contained page: the heading and dates, the table (targets not
    /// met on red with a ⚠), the goals or the 62-point ceiling and why, each unit's missed
    /// targets (or indicators below full marks), for the index a chart of points per unit,
    /// best first, and the inputs.
    func html(manifest: ReportManifest?) -> String {
        let heading = period.titled(title) + " — " + period.period
        // At a glance first: the points per unit (index) and each unit's missed targets; then
        // every figure.
        var body: [Node] = [.el("header", [.el("h1", text: heading), .el("p", ["class": "meta"], text: period.dates)])]
        if kind == .index { body.append(pointsChart.section) }
        body += [
            .el("section", ["class": "missed"], [.el("ul", missed.map { .el("li", text: $0) })]),
            .el("section", ["class": "table"], [
                .el("div", ["class": "scroll"], [people.html(language, class: kind == .plan ? "plan" : "index766")]),
            ] + notes.dropFirst().map { .el("p", ["class": "legend"], text: $0) }),
        ]
        if let mark = period.provisionalLine { body.insert(.el("p", ["class": "provisional"], text: mark), at: 0) }
        if let manifest { body.append(InputsTable(inputs: manifest.inputs, language: language).footer) }
        return HTMLPage.document(language, title: heading, body: body)
    }

    /// Each unit's index points, most first, as the spec asks ("a chart of index points per
    /// unit, sorted"): by the points as written (two decimals), then by their share of the points
    /// the unit's data can answer, then in Vietnamese alphabetical order. A bar is the points out
    /// of the 62 the index can give here, labelled with the unit's points out of its maximum;
    /// units with no indicator that has a value last, without a bar.
    var pointsChart: BarChart {
        let units = rows.filter { $0.label != .total && !subtotals.contains($0.label) }.map { ($0, $0.counts.indexTotal) }
        let scored = units.filter { $0.1.pointsHundredths != nil }
            .sorted { ($0.1.pointsHundredths ?? 0, $0.1.rateHundredths ?? 0) > ($1.1.pointsHundredths ?? 0, $1.1.rateHundredths ?? 0) }
        let unscored = units.filter { $0.1.pointsHundredths == nil }
        let most = IndexIndicator.maxTotal
        let rows = (scored + unscored).map { row, total in
            let label = name(row) + " — " + language[.pointsOutOf, [.points: language.decimal(total.pointsHundredths),
                                                                    .max: String(total.maxPoints)]]
            let points = language[.pointsValue, [.points: language.decimal(total.pointsHundredths)]]
            return BarChart.Row(name: label, bars: [BarChart.Bar(rate: total.pointsHundredths.flatMap { Percentage($0, of: 100 * most) },
                                                                 note: language[.noTargetFigures], shown: points)])
        }
        return BarChart(title: language[.chartIndexPoints, [.max: String(most)]],
                        series: [BarChart.Series(key: "points", title: language[.columnPoints])],
                        rows: rows, target: 100, targetLabel: language[.pointsValue, [.points: String(most)]], language: language)
    }
}
