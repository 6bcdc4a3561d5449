import Metrics

extension KPITable {
    /// The machine table's columns, in the order kpi-rules.md fixes.
    public static let csvColumns = [
        "period", "unit", "carried_over", "received_new", "received_online", "received_direct",
        "received_postal", "resolved", "resolved_early", "resolved_on_time", "resolved_late",
        "resolved_without_result", "pending", "pending_overdue", "on_time_rate", "progress_rate",
        "online_rate", "digitised_dossier_rate", "digitised_result_rate", "below_target",
    ]

    /// `--format csv`: exactly the machine table of the KPI rules.
    public func csv() -> String {
        var out = CSVText.line(Self.csvColumns)
        for row in allRows {
            out += CSVText.line([period.description, row.unit ?? "TOTAL"] + row.counts.machineCells(target: target))
        }
        return out
    }
}

extension KPICounts {
    /// The counts in table order.
    var countColumns: [Int] {
        [carriedOver, receivedNew, receivedOnline, receivedDirect, receivedPostal, resolved, resolvedEarly,
         resolvedOnTime, resolvedLate, resolvedWithoutResult, pending, pendingOverdue]
    }

    /// The rates in table order.
    var rates: [Percentage?] { [onTimeRate, progressRate, onlineRate, digitisedDossierRate, digitisedResultRate] }

    /// Count, rate and flag cells of one machine row, as text.
    func machineCells(target: Target) -> [String] {
        countColumns.map(String.init)
            + rates.map { $0?.formatted ?? "" }
            + [isBelow(target).map { $0 ? "true" : "false" } ?? ""]
    }
}
