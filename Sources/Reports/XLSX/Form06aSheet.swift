import Wording

extension Form06aReport {
    /// Biểu 06a laid out like the printed form: its title and period across the top, the
    /// two-level header and the column numbers, numbered rows and the total, every cell boxed.
    func writeSheet(_ sheet: Sheet, styles: CellStyles) {
        let layout = SheetLayout(heading: [title, periodLine], boxed: true, frozenColumns: 2, widths: 8...40,
                                 headerHeights: [30, 64])
        form.write(to: sheet, styles: styles, layout: layout, language: language)
    }
}
