import KPIMetrics

extension ServiceTable {
    /// The plan table's columns (service-index.md).
    public static let planColumns = ["period", "unit", "target", "numerator", "denominator", "rate", "goal", "met"]
    /// The service index's columns.
    public static let indexColumns = ["period", "unit", "indicator", "numerator", "denominator", "rate", "max_points", "points"]

    /// `--table plan --format csv`: per unit the five targets, then `TOTAL`; rolled up
    /// (`rolled`), the rolled rows after the columns of ``RolledColumns``.
    public func planCSV(goals: Goals, rolled: [RolledRow<ServiceCounts>]? = nil) -> String {
        var out = CSVText.line(columns(Self.planColumns, rolled: rolled != nil))
        for (first, counts) in machineLines(rolled) {
            for figure in counts.plan(goals) {
                out += CSVText.line(first + figure.machineCells)
            }
        }
        return out
    }

    /// `--table index766 --format csv`: per unit the nine indicators and the total, then
    /// `TOTAL`; rolled up as the plan is.
    public func indexCSV(rolled: [RolledRow<ServiceCounts>]? = nil) -> String {
        var out = CSVText.line(columns(Self.indexColumns, rolled: rolled != nil))
        for (first, counts) in machineLines(rolled) {
            for figure in counts.index {
                out += CSVText.line(first + figure.machineCells)
            }
            out += CSVText.line(first + counts.indexTotal.machineCells)
        }
        return out
    }

    private func columns(_ table: [String], rolled: Bool) -> [String] {
        rolled ? RolledColumns.prefix + table.dropFirst(2) : table
    }

    /// Each row's first cells and counts: by unit, or rolled up; the total last.
    private func machineLines(_ rolled: [RolledRow<ServiceCounts>]?) -> [([String], ServiceCounts)] {
        guard let rolled else { return allRows.map { ([period.description, $0.machineKey], $0.counts) } }
        return rolled.map { ($0.machineCells(period), $0.counts) } + [(RolledColumns.total(period), total)]
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
