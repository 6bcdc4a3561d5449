import Wording

extension KPIReport {
    /// The workbook's first sheet: the csv's columns and rows, figures as numbers, rates as
    /// fractions shown `0.00%`, rows below target red, the units filterable (the total stays
    /// put), the legend below. English titles are the machine names, on one line; Vietnamese
    /// ones wrap.
    func writeSheet(_ sheet: Sheet, styles: CellStyles) {
        let machine = language.headsSheetsWithMachineNames
        let notes = [period.sentence + " " + language[.sheetLegend]] + (comparisonLine.map { [$0] } ?? [])
            + (rollUpLine.map { [$0] } ?? [])
            + (lateByProcedure.isEmpty ? [] : [language[.lateByProcedure] + ":"] + lateLines())
        let layout = SheetLayout(preamble: period.provisionalLine.map { [$0] } ?? [], notes: notes, machineTitles: machine,
                                 autofilter: true, widths: 9...(machine ? 26 : 42), headerHeights: [machine ? 18 : 48])
        table(.sheet).write(to: sheet, styles: styles, layout: layout, language: language)
    }
}
