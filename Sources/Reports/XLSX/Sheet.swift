internal import CXlsxWriter

/// One worksheet of a `Workbook`; rows and columns counted from 0.
struct Sheet {
    let sheet: UnsafeMutablePointer<lxw_worksheet>?
    unowned let book: Workbook

    private func at(_ write: (UnsafeMutablePointer<lxw_worksheet>) -> lxw_error) {
        guard let sheet else { return }
        book.record(write(sheet))
    }

    func text(_ row: Int, _ column: Int, _ value: String, _ format: Format?) {
        at { s in value.withCString { worksheet_write_string(s, lxw_row_t(row), lxw_col_t(column), $0, format) } }
    }

    func number(_ row: Int, _ column: Int, _ value: Double, _ format: Format?) {
        at { worksheet_write_number($0, lxw_row_t(row), lxw_col_t(column), value, format) }
    }

    /// A formatted empty cell (an empty rate still shows its row's fill).
    func blank(_ row: Int, _ column: Int, _ format: Format?) {
        at { worksheet_write_blank($0, lxw_row_t(row), lxw_col_t(column), format) }
    }

    func merge(_ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int, _ value: String, _ format: Format?) {
        at { s in
            value.withCString {
                worksheet_merge_range(s, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow),
                                      lxw_col_t(lastColumn), $0, format)
            }
        }
    }

    func width(_ column: Int, _ width: Double) {
        at { worksheet_set_column($0, lxw_col_t(column), lxw_col_t(column), width, nil) }
    }

    func height(_ row: Int, _ height: Double) {
        at { worksheet_set_row($0, lxw_row_t(row), height, nil) }
    }

    func freezePanes(row: Int, column: Int) {
        guard let sheet else { return }
        worksheet_freeze_panes(sheet, lxw_row_t(row), lxw_col_t(column))
    }

    func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        at { worksheet_autofilter($0, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn)) }
    }

    /// A4 landscape, one page wide, `rows` (the header) on every page.
    func printSetup(repeatRows rows: ClosedRange<Int>) {
        guard let sheet else { return }
        worksheet_set_landscape(sheet)
        worksheet_set_paper(sheet, 9)
        worksheet_fit_to_pages(sheet, 1, 0)
        book.record(worksheet_repeat_rows(sheet, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)))
    }
}
