import Wording

extension ServiceReport {
    /// A workbook sheet: the table with its heading, the notes and the missed targets below.
    func writeSheet(_ sheet: Sheet, styles: CellStyles) {
        let layout = SheetLayout(preamble: period.provisionalLine.map { [$0] } ?? [],
                                 heading: [title, period.period], notes: notes + missed,
                                 autofilter: true, widths: 9...46)
        people.write(to: sheet, styles: styles, layout: layout, language: language)
    }
}
