import KPIMetrics

extension KPITable {
    /// The machine table's columns, in the order kpi-rules.md fixes.
    public static let csvColumns = ["period", "unit"] + KPIColumn.published.map(\.name)

    /// `--format csv`: exactly the machine table of the KPI rules.
    public func csv() -> String {
        var out = CSVText.line(Self.csvColumns)
        for row in allRows {
            out += CSVText.line([period.description, row.machineKey] + KPIColumn.published.map { column in
                switch row.counts.value(column, target: target) {
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
