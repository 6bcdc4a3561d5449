import Wording

extension KPIReport {
    /// `--format table`: the provisional mark (if any), the summary view, units below target
    /// marked `*` (and red on a colour terminal), the legend with the period's dates, the target
    /// and the period compared with, and the units below target.
    func text(colour: Bool = false) -> String {
        (period.provisionalLine.map { $0 + "\n\n" } ?? "") + table(.summary).text(language, colour: colour)
            + legend(mark: "*") + "\n" + belowLine(flagged) + "\n"
            + (lateByProcedure.isEmpty ? "" : "\n" + language[.lateByProcedure] + ":\n"
                + lateLines().map { "  " + $0 + "\n" }.joined())
    }
}

extension BreakdownReport {
    /// The trend at a glance: units × sub-periods, cells below target marked `*`, a total row,
    /// and the legend.
    func text() -> String {
        (period.provisionalLine.map { $0 + "\n" } ?? "") + heading + "\n" + table.text(language)
            + language[.breakdownTextLegend, [.target: period.target]] + "\n"
    }
}

extension Form06aReport {
    /// `--format form06a`: the form as aligned text: its official header, title and period, the
    /// two-level header, numbered columns and rows, the total, and the signature block.
    func text() -> String {
        let body = form.text(language)
        let width = body.split(separator: "\n").map(\.count).max() ?? 0
        var out = heading.joined(separator: "\n") + "\n\n" + body + "\n"
        let (placeAndDate, signers) = signature
        let left = signers.map { max($0.role.count, $0.note.count) }.max() ?? 0
        let column = max(width / 2, left + 4)
        func line(_ a: String, _ b: String) -> String { a + String(repeating: " ", count: max(column - a.count, 1)) + b + "\n" }
        out += line("", placeAndDate)
        out += line(signers[0].role, signers[1].role) + line(signers[0].note, signers[1].note)
        return out
    }
}
