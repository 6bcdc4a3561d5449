import Wording

extension InputsTable {
    /// The workbook's last sheet: every input, its SHA-256, size, kind, encoding, as-of and rows.
    func writeSheet(_ sheet: Sheet, styles: CellStyles) {
        let layout = SheetLayout(machineTitles: language.headsSheetsWithMachineNames, widths: 9...70)
        table.write(to: sheet, styles: styles, layout: layout, language: language)
    }
}
