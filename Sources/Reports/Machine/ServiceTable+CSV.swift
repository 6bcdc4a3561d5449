import KPIMetrics

extension ServiceTable {
    /// The plan table's columns (service-index.md).
    public static let planColumns = ["period", "unit", "target", "numerator", "denominator", "rate", "goal", "met"]
    /// The service index's columns.
    public static let indexColumns = ["period", "unit", "indicator", "numerator", "denominator", "rate", "max_points", "points"]

    /// `--table plan --format csv`: per unit the five targets, then `TOTAL`.
    public func planCSV(goals: Goals) -> String {
        var out = CSVText.line(Self.planColumns)
        for row in allRows {
            for figure in row.counts.plan(goals) {
                out += CSVText.line([period.description, row.machineKey] + figure.machineCells)
            }
        }
        return out
    }

    /// `--table index766 --format csv`: per unit the nine indicators and the total, then `TOTAL`.
    public func indexCSV() -> String {
        var out = CSVText.line(Self.indexColumns)
        for row in allRows {
            for figure in row.counts.index {
                out += CSVText.line([period.description, row.machineKey] + figure.machineCells)
            }
            out += CSVText.line([period.description, row.machineKey] + row.counts.indexTotal.machineCells)
        }
        return out
    }
}

extension ServiceTable.Row {
    /// How machines name the row: the unit, or `TOTAL`.
    var machineKey: String { label.name ?? "TOTAL" }
}

extension PlanFigure {
    /// target, numerator, denominator, rate, goal, met, as the csv writes them.
    var machineCells: [String] {
        [target.name, String(numerator), String(denominator), rate?.formatted ?? "", goal.description,
         met.map { $0 ? "true" : "false" } ?? ""]
    }
}

extension IndexFigure {
    /// indicator, numerator, denominator, rate, max_points, points, as the csv writes them.
    var machineCells: [String] {
        [indicator.name, numerator.map(String.init) ?? "", denominator.map(String.init) ?? "",
         rate.map { Hundredths.text($0.hundredths(times: 100)) } ?? "", String(indicator.maxPoints),
         points.map { Hundredths.text($0.hundredths()) } ?? ""]
    }
}

extension IndexTotal {
    /// `total`, empty counts, rate, max_points, points.
    var machineCells: [String] {
        ["total", "", "", rateHundredths.map(Hundredths.text) ?? "", String(maxPoints), pointsHundredths.map(Hundredths.text) ?? ""]
    }
}

/// Hundredths written with two decimals: `1363` → `13.63`.
enum Hundredths {
    static func text(_ hundredths: Int) -> String {
        let cents = hundredths % 100
        return "\(hundredths / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
