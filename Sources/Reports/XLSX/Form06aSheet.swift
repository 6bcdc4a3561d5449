import Wording

extension Form06aReport {
    /// Biểu 06a laid out like the printed form: its number, circular and units at the top left,
    /// its title, period and unit of figures across, the two-level header and the column
    /// numbers, numbered rows and the total, every cell boxed, and the signature block below.
    func writeSheet(_ sheet: Sheet, styles: CellStyles) {
        let layout = SheetLayout(preamble: (period.provisionalLine.map { [$0] } ?? []) + header,
                                 heading: [title, periodLine, language[.form06aMeasure]], boxed: true, frozenColumns: 2,
                                 widths: 8...40, headerHeights: [30, 64], signature: signature)
        form.write(to: sheet, styles: styles, layout: layout, language: language)
    }
}
