import Wording

extension BreakdownReport {
    /// Units × sub-periods, each cell the on-time rate as a fraction shown `0.00%`: empty when
    /// the unit has no dossiers in that sub-period, `—` when it has some but resolved none, red
    /// below target; a bold total row, the legend and the sub-periods' dates below.
    func writeSheet(_ sheet: Sheet, styles: CellStyles) {
        let legend = language[.breakdownSheetLegend, [.title: title, .period: period.period, .target: period.target]]
        let layout = SheetLayout(preamble: period.provisionalLine.map { [$0] } ?? [], notes: [legend, dates], widths: 12...42)
        table.write(to: sheet, styles: styles, layout: layout,
                    language: language)
    }
}
