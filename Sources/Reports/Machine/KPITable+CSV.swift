import KPIMetrics

extension KPITable {
    /// The machine table's columns, in the order kpi-rules.md fixes.
    public static let csvColumns = ["period", "unit"] + KPIColumn.published.map(\.name)

    /// `--format csv`: exactly the machine table of the KPI rules.
    public func csv() -> String {
        csv(columns: Self.csvColumns, lines: allRows.map { ([period.description, $0.machineKey], $0.counts) })
    }

    /// `--format csv` rolled up: the rows of `rolled`, then the total, each after the columns
    /// of ``RolledColumns``.
    public func csv(rolled: [RolledRow<KPICounts>]) -> String {
        csv(columns: RolledColumns.prefix + KPIColumn.published.map(\.name),
            lines: rolled.map { ($0.machineCells(period), $0.counts) } + [(RolledColumns.total(period), total)])
    }

    private func csv(columns: [String], lines: [([String], KPICounts)]) -> String {
        var out = CSVText.line(columns)
        for (first, counts) in lines {
            out += CSVText.line(first + KPIColumn.published.map { column in
                switch counts.value(column, target: target) {
                case .count(let n): return String(n)
                case .rate(let rate): return rate?.formatted ?? ""
                case .flag(let flag): return flag.map { $0 ? "true" : "false" } ?? ""
                }
            })
        }
        return out
    }
}

extension KPITable.Row {
    /// How machines name the row: the unit, or `TOTAL`.
    var machineKey: String {
        switch label {
        case .named(let name): return name
        case .noField: return "UNKNOWN_FIELD"
        case .total: return "TOTAL"
        }
    }
}
