import Wording

extension KPIReport {
    /// `--format table`: the summary view, units below target marked `*` (and red on a colour
    /// terminal), the legend with the period's dates and the target, and the units below target.
    func text(colour: Bool = false) -> String {
        table(.summary).text(language, colour: colour) + legend(mark: "*") + "\n" + belowLine(flagged) + "\n"
    }
}

extension BreakdownReport {
    /// The trend at a glance: units × sub-periods, cells below target marked `*`, a total row,
    /// and the legend.
    func text() -> String {
        heading + "\n" + table.text(language) + language[.breakdownTextLegend, [.target: period.target]] + "\n"
    }
}

extension Form06aReport {
    /// `--format form06a`: the form as aligned text, its two-level header, numbered columns and
    /// rows, and the total.
    func text() -> String {
        title + "\n" + periodLine + "\n\n" + form.text(language)
    }
}
