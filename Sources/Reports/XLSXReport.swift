internal import CXlsxWriter
import Foundation
import Ingest
import Metrics

/// `--format xlsx`: the report as an Excel workbook, written through libxlsxwriter.
///
/// Three sheets: the KPI table (the csv's columns and rows, figures as numbers, rates as
/// fractions shown `0.00%`, units below target filled red), biểu 06a laid out like the printed
/// form, and the inputs the figures come from; with `--breakdown`, a fourth after the KPI table:
/// the on-time rate of every unit in every quarter (or half). The workbook's creation date is the latest as-of
/// of the inputs (else the period's last day), never the clock, so the same inputs give the
/// same bytes.
public enum XLSXReport {
    /// Background of the rows below target, and their font: light red, dark red.
    static let belowFill: lxw_color_t = 0xF4CCCC
    static let belowFont: lxw_color_t = 0x990000

    /// Writes a workbook: sheet 1 the KPI table, sheet 2 form 06a, sheet 3 the inputs. With a
    /// `breakdown`, its units × sub-periods table of on-time rates comes second, after the KPI
    /// table (form 06a and the inputs move to sheets 3 and 4).
    public static func write(table: KPITable, form06a: KPITable, inputs: [InputSummary], language: Language,
                             breakdown: KPIBreakdown? = nil, to path: String) throws {
        let book = try Workbook(path: path)
        book.setProperties(title: "motcua \(table.period)", created: creationTime(table: table, inputs: inputs))
        let labels = XLSXLabels(language)
        kpiSheet(book.addSheet(labels.kpiSheet), book: book, table: table, labels: labels)
        if let breakdown {
            breakdownSheet(book.addSheet(labels.breakdownSheet(breakdown.subPeriodStep)), book: book, breakdown: breakdown,
                           labels: labels)
        }
        form06aSheet(book.addSheet(labels.form06aSheet), book: book, table: form06a, language: language)
        inputsSheet(book.addSheet(labels.inputsSheet), book: book, inputs: inputs, labels: labels)
        try book.finish()
    }

    /// Seconds since 1970 UTC: the latest as-of of the inputs, else the end of the period.
    static func creationTime(table: KPITable, inputs: [InputSummary]) -> Int {
        let local = inputs.compactMap(\.asOf).max() ?? table.bounds.lastDay
        return max(1, Int(local.seconds - LocalMoment.utcOffset))
    }

    // MARK: Sheet 1, the KPI table

    private static func kpiSheet(_ sheet: Sheet, book: Workbook, table: KPITable, labels: XLSXLabels) {
        let header = book.format { f in
            format_set_bold(f)
            format_set_text_wrap(f)
            format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
            format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
            format_set_bg_color(f, 0xD9E1F2)
            format_set_bottom(f, UInt8(LXW_BORDER_THIN.rawValue))
        }
        // One format per kind of cell, plain or red (below target), regular or bold (total).
        let style = CellStyles(book)

        let columns = labels.kpiColumns
        for (column, title) in columns.enumerated() { sheet.text(0, column, title, header) }
        // English titles are machine names, on one line; Vietnamese ones wrap onto up to three.
        var widths = columns.map { labels.language == .en ? $0.count + 2 : max(longestWord($0), $0.count / 3 + 2) + 2 }
        let rows = table.allRows
        for (index, row) in rows.enumerated() {
            let r = index + 1
            let counts = row.counts
            let below = counts.isBelow(table.target) == true
            let total = row.unit == nil
            let unit = row.unit ?? labels.total
            sheet.text(r, 0, table.period.description, style(.text, below: below, total: total))
            sheet.text(r, 1, unit, style(.text, below: below, total: total))
            widths[1] = max(widths[1], unit.count + 2)
            for (offset, value) in counts.countColumns.enumerated() {
                sheet.number(r, 2 + offset, Double(value), style(.count, below: below, total: total))
                widths[2 + offset] = max(widths[2 + offset], Language.en.count(value).count + 2)
            }
            let rateColumn = 2 + counts.countColumns.count
            for (offset, rate) in counts.rates.enumerated() {
                let f = style(.rate, below: below, total: total)
                if let rate {
                    sheet.number(r, rateColumn + offset, Double(rate.numerator) / Double(rate.denominator), f)
                } else {
                    sheet.blank(r, rateColumn + offset, f)
                }
            }
            let flagColumn = rateColumn + counts.rates.count
            if let flag = counts.isBelow(table.target) {
                sheet.boolean(r, flagColumn, flag, style(.centred, below: below, total: total))
            } else {
                sheet.blank(r, flagColumn, style(.centred, below: below, total: total))
            }
        }
        widths[0] = max(widths[0], table.period.description.count + 2)
        for (column, width) in widths.enumerated() {
            sheet.width(column, Double(min(max(width, 9), labels.language == .en ? 26 : 42)))
        }
        sheet.height(0, labels.language == .vi ? 48 : 18)
        sheet.freezePanes(row: 1, column: 0)
        // The units only: sorting or filtering them never moves the total row.
        sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: max(table.rows.count, 1), lastColumn: columns.count - 1)
        let note = book.format { format_set_italic($0) }
        sheet.text(rows.count + 2, 0, labels.legend(table), note)
        sheet.printSetup(repeatRows: 0...0)
    }

    private static func longestWord(_ text: String) -> Int {
        text.split(separator: " ").map(\.count).max() ?? 0
    }

    // MARK: The breakdown sheet (with --breakdown)

    /// Units × sub-periods, each cell the on-time rate as a fraction shown `0.00%`: empty when
    /// the unit has no dossiers in that sub-period, `—` when it has some but resolved none,
    /// filled red below target; a bold total row, the header frozen, the legend below.
    private static func breakdownSheet(_ sheet: Sheet, book: Workbook, breakdown: KPIBreakdown, labels: XLSXLabels) {
        let header = book.format { f in
            format_set_bold(f)
            format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
            format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
            format_set_bg_color(f, 0xD9E1F2)
            format_set_bottom(f, UInt8(LXW_BORDER_THIN.rawValue))
        }
        let style = CellStyles(book)

        let unitTitle = HTMLLabels(labels.language).rowHeader(.unit)
        sheet.text(0, 0, unitTitle, header)
        var nameWidth = unitTitle.count + 2
        for (index, table) in breakdown.tables.enumerated() {
            sheet.text(0, 1 + index, table.period.description, header)
        }
        let rows = breakdown.units.map(Optional.some) + [nil]
        for (offset, unit) in rows.enumerated() {
            let r = offset + 1
            let total = unit == nil
            let name = unit ?? labels.total
            sheet.text(r, 0, name, style(.text, total: total))
            nameWidth = max(nameWidth, name.count + 2)
            for index in breakdown.tables.indices {
                let column = 1 + index
                guard let counts = breakdown.counts(unit: unit, at: index), !counts.isEmpty else {
                    sheet.blank(r, column, style(.rate, total: total))
                    continue
                }
                if let rate = counts.onTimeRate {
                    sheet.number(r, column, Double(rate.numerator) / Double(rate.denominator),
                                 style(.rate, below: rate.isBelow(breakdown.target), total: total))
                } else {
                    sheet.text(r, column, "—", style(.right, total: total))
                }
            }
        }
        sheet.width(0, Double(min(max(nameWidth, 12), 42)))
        for index in breakdown.tables.indices { sheet.width(1 + index, 12) }
        sheet.freezePanes(row: 1, column: 0)
        let note = book.format { format_set_italic($0) }
        sheet.text(rows.count + 2, 0, labels.breakdownLegend(breakdown), note)
        sheet.text(rows.count + 3, 0, breakdownDates(breakdown.tables, language: labels.language), note)
        sheet.printSetup(repeatRows: 0...0)
    }

    // MARK: Sheet 2, biểu 06a

    private static func form06aSheet(_ sheet: Sheet, book: Workbook, table: KPITable, language: Language) {
        let thin = UInt8(LXW_BORDER_THIN.rawValue)
        let center = UInt8(LXW_ALIGN_CENTER.rawValue), middle = UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)
        let title = book.format { f in
            format_set_bold(f)
            format_set_font_size(f, 13)
            format_set_align(f, center)
            format_set_align(f, middle)
            format_set_text_wrap(f)
        }
        let period = book.format { f in
            format_set_italic(f)
            format_set_align(f, center)
        }
        let header = book.format { f in
            format_set_bold(f)
            format_set_text_wrap(f)
            format_set_align(f, center)
            format_set_align(f, middle)
            format_set_border(f, thin)
            format_set_bg_color(f, 0xF2F2F2)
        }
        let number = book.format { f in
            format_set_italic(f)
            format_set_align(f, center)
            format_set_border(f, thin)
        }
        func cell(bold: Bool, count: Bool, centred: Bool = false) -> Format {
            book.format { f in
                format_set_border(f, thin)
                format_set_align(f, middle)
                if centred { format_set_align(f, center) }
                if count { format_set_num_format(f, "#,##0") } else if !centred { format_set_indent(f, 1) }
                if bold { format_set_bold(f) }
            }
        }
        let index = cell(bold: false, count: false, centred: true)
        let name = cell(bold: false, count: false), count = cell(bold: false, count: true)
        let totalName = cell(bold: true, count: false), totalCount = cell(bold: true, count: true)

        let columns = 13
        sheet.merge(0, 0, 0, columns - 1, Form06a.title(language), title)
        sheet.height(0, 36)
        sheet.merge(1, 0, 1, columns - 1, Form06a.periodLine(table, language), period)
        // Row 3 and 4: the two-level header; columns 1–2 span both rows.
        let groups = Form06a.groupHeaders(language, grouping: table.grouping)
        let top = 3, second = 4
        var column = 0
        for (text, span) in groups {
            if column < 2 {
                sheet.merge(top, column, second, column, text, header)
            } else {
                sheet.merge(top, column, top, column + span - 1, text, header)
            }
            column += span
        }
        for (offset, text) in Form06a.columnHeaders(language).enumerated() {
            sheet.text(second, 2 + offset, text, header)
        }
        sheet.height(top, 30)
        sheet.height(second, 64)
        for column in 0..<columns { sheet.text(second + 1, column, "(\(column + 1))", number) }

        var r = second + 2
        var nameWidth = groups[1].0.count + 2
        for (offset, row) in table.rows.enumerated() {
            sheet.number(r, 0, Double(offset + 1), index)
            sheet.text(r, 1, row.unit ?? "", name)
            nameWidth = max(nameWidth, (row.unit ?? "").count + 2)
            for (i, value) in Form06a.figures(row.counts).enumerated() { sheet.number(r, 2 + i, Double(value), count) }
            r += 1
        }
        sheet.blank(r, 0, totalName)
        sheet.text(r, 1, Form06a.totalLabel(language), totalName)
        for (i, value) in Form06a.figures(table.total).enumerated() { sheet.number(r, 2 + i, Double(value), totalCount) }

        sheet.width(0, 6)
        sheet.width(1, Double(min(nameWidth, 40)))
        for column in 2..<columns { sheet.width(column, 13) }
        sheet.freezePanes(row: second + 2, column: 2)
        sheet.printSetup(repeatRows: top...(second + 1))
    }

    // MARK: Sheet 3, the inputs

    private static func inputsSheet(_ sheet: Sheet, book: Workbook, inputs: [InputSummary], labels: XLSXLabels) {
        func header(numeric: Bool) -> Format {
            book.format { f in
                format_set_bold(f)
                format_set_bg_color(f, 0xD9E1F2)
                format_set_bottom(f, UInt8(LXW_BORDER_THIN.rawValue))
                if numeric { format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue)) } else { format_set_indent(f, 1) }
            }
        }
        let textHeader = header(numeric: false), numberHeader = header(numeric: true)
        let count = book.format { format_set_num_format($0, "#,##0") }
        let indented = book.format { format_set_indent($0, 1) }
        let columns = labels.inputColumns
        let numeric: Set = [2, 6, 7, 8]
        var widths = columns.map { $0.count + 3 }
        for (column, title) in columns.enumerated() {
            sheet.text(0, column, title, numeric.contains(column) ? numberHeader : textHeader)
        }
        for (index, input) in inputs.enumerated() {
            let r = index + 1
            let texts: [(Int, String)] = [(0, input.name), (1, input.sha256 ?? ""), (3, input.kind.rawValue),
                                          (4, input.encoding.rawValue), (5, input.asOf?.description ?? "")]
            for (column, text) in texts {
                if text.isEmpty { continue }
                sheet.text(r, column, text, indented)
                widths[column] = max(widths[column], text.count + 3)
            }
            let numbers = [(2, input.byteCount), (6, input.rowsRead), (7, input.accepted), (8, input.rejected)]
            for (column, value) in numbers {
                sheet.number(r, column, Double(value), count)
                widths[column] = max(widths[column], Language.en.count(value).count + 2)
            }
        }
        for (column, width) in widths.enumerated() { sheet.width(column, Double(min(width, 70))) }
        sheet.freezePanes(row: 1, column: 0)
        sheet.printSetup(repeatRows: 0...0)
    }
}

extension KPIBreakdown {
    /// Quarters or halves, as the sub-periods show.
    fileprivate var subPeriodStep: Step {
        if case .half = tables.first?.period.span { return .half }
        return .quarter
    }
}

/// libxlsxwriter could not write the workbook: one line naming the file.
public struct XLSXWriteError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String

    public var description: String { "\(path): cannot write the workbook: \(reason)" }
}

/// Sheet names and column titles of the workbook.
struct XLSXLabels {
    let language: Language

    init(_ language: Language) { self.language = language }

    var kpiSheet: String { language == .vi ? "Chỉ số" : "KPI" }
    var form06aSheet: String { language == .vi ? "Biểu 06a" : "06a" }
    var inputsSheet: String { language == .vi ? "Tệp đầu vào" : "Inputs" }

    func breakdownSheet(_ step: KPIBreakdown.Step) -> String {
        switch step {
        case .quarter: return language == .vi ? "Theo quý" : "By quarter"
        case .half: return language == .vi ? "Theo 6 tháng" : "By half"
        }
    }

    /// The line under the breakdown: what it shows, the target, what red, empty and `—` cells mean.
    func breakdownLegend(_ breakdown: KPIBreakdown) -> String {
        let html = HTMLLabels(language)
        let goal = language.percent(breakdown.target.description).replacingOccurrences(of: ",00", with: "")
        return html.breakdownTitle(breakdown.subPeriodStep) + ", " + breakdown.period.description + ". " + (language == .vi
            ? "Mục tiêu: \(goal). Ô tô đỏ: dưới mục tiêu; ô trống: không có hồ sơ; —: không có hồ sơ đã giải quyết."
            : "Target: \(goal). Red cells: below target; blank: no dossiers; —: nothing resolved.")
    }

    var total: String { TextLabels(language).total }

    /// The csv's 20 columns, in its order: the machine names in English, titles in Vietnamese.
    var kpiColumns: [String] {
        switch language {
        case .en: return KPITable.csvColumns
        case .vi:
            return ["Kỳ", "Đơn vị", "Kỳ trước chuyển qua", "Mới tiếp nhận", "Tiếp nhận trực tuyến",
                    "Tiếp nhận trực tiếp", "Tiếp nhận qua bưu chính", "Đã giải quyết", "Trước hạn", "Đúng hạn",
                    "Quá hạn", "Rút hồ sơ / dừng xử lý", "Đang giải quyết", "Đang quá hạn", "Tỷ lệ đúng hạn",
                    "Tiến độ", "Tỷ lệ trực tuyến", "Số hóa hồ sơ", "Số hóa kết quả", "Dưới mục tiêu"]
        }
    }

    var inputColumns: [String] {
        switch language {
        case .en: return ["file", "sha256", "bytes", "kind", "encoding", "as_of", "rows", "accepted", "rejected"]
        case .vi: return ["Tệp", "SHA-256", "Số byte", "Kiểu tệp", "Mã hóa", "Thời điểm dữ liệu", "Số dòng", "Nhận",
                          "Loại bỏ"]
        }
    }

    /// The line under the KPI table: period, dates, target, what red and empty cells mean.
    func legend(_ table: KPITable) -> String {
        TextLabels(language).periodSentence(table) + (language == .vi
            ? " Hàng tô đỏ: dưới mục tiêu; ô tỷ lệ để trống: không có hồ sơ để tính."
            : " Red rows: below target; an empty rate: nothing to rate.")
    }
}

// MARK: A thin layer over libxlsxwriter

private typealias Format = UnsafeMutablePointer<lxw_format>

/// A workbook being written. Cell writes remember the first error; `finish` writes the file
/// and throws that error, or the one closing returns.
private final class Workbook {
    let path: String
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    var firstError = LXW_NO_ERROR

    init(path: String) throws {
        self.path = path
        // libxlsxwriter opens the file only when closing, and then reports a failure on stderr
        // itself: open it here first, so that an unwritable path is one clean error.
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            let system = String(cString: strerror(errno))
            throw XLSXWriteError(path: path, reason: "\(String(cString: lxw_strerror(LXW_ERROR_CREATING_XLSX_FILE))) (\(system))")
        }
        close(fd)
        guard let workbook = path.withCString({ workbook_new($0) }) else {
            unlink(path)
            throw XLSXWriteError(path: path, reason: "libxlsxwriter could not start a workbook (out of memory?)")
        }
        self.workbook = workbook
    }

    deinit {
        // Only when `finish` was never reached: free the workbook, then drop what it wrote.
        if let workbook {
            _ = workbook_close(workbook)
            removeOutput()
        }
    }

    func record(_ error: lxw_error) {
        if error != LXW_NO_ERROR, firstError == LXW_NO_ERROR { firstError = error }
    }

    func setProperties(title: String, created: Int) {
        guard let workbook else { return }
        var properties = lxw_doc_properties()
        let copy = strdup(title)
        defer { free(copy) }
        properties.title = copy
        properties.created = time_t(created)
        record(workbook_set_properties(workbook, &properties))
    }

    func addSheet(_ name: String) -> Sheet {
        let sheet = name.withCString { workbook_add_worksheet(workbook, $0) }
        if sheet == nil { record(LXW_ERROR_SHEETNAME_ALREADY_USED) }
        return Sheet(sheet: sheet, book: self)
    }

    func format(_ configure: (Format) -> Void) -> Format {
        let f = workbook_add_format(workbook)!
        configure(f)
        return f
    }

    func finish() throws {
        guard let workbook else { return }
        self.workbook = nil
        let closed = workbook_close(workbook)
        let error = firstError != LXW_NO_ERROR ? firstError : closed
        guard error != LXW_NO_ERROR else { return }
        removeOutput()
        throw XLSXWriteError(path: path, reason: String(cString: lxw_strerror(error)))
    }

    /// Removes a half-written workbook: a regular file only (never `/dev/stdout` and the like).
    private func removeOutput() {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { unlink(path) }
    }
}

/// One worksheet; rows and columns counted from 0.
private struct Sheet {
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

    func boolean(_ row: Int, _ column: Int, _ value: Bool, _ format: Format?) {
        at { worksheet_write_boolean($0, lxw_row_t(row), lxw_col_t(column), value ? 1 : 0, format) }
    }

    /// A formatted empty cell (an empty rate still shows the row's fill).
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

    /// A4 landscape, one page wide, the header rows on every page.
    func printSetup(repeatRows rows: ClosedRange<Int>) {
        guard let sheet else { return }
        worksheet_set_landscape(sheet)
        worksheet_set_paper(sheet, 9)
        worksheet_fit_to_pages(sheet, 1, 0)
        book.record(worksheet_repeat_rows(sheet, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)))
    }
}

/// One format per kind of cell, plain or red (below target), regular or bold (total row), each
/// made once per workbook: the KPI and breakdown sheets share the look of a flagged cell.
private final class CellStyles {
    enum Kind: Hashable { case text, count, rate, centred, right }
    private struct Key: Hashable { var kind: Kind; var below: Bool; var total: Bool }
    private var made: [Key: Format] = [:]
    private let book: Workbook

    init(_ book: Workbook) { self.book = book }

    func callAsFunction(_ kind: Kind, below: Bool = false, total: Bool) -> Format {
        let key = Key(kind: kind, below: below, total: total)
        if let format = made[key] { return format }
        let format = book.format { f in
            switch kind {
            case .text: break
            case .count: format_set_num_format(f, "#,##0")
            case .rate: format_set_num_format(f, "0.00%")
            case .centred: format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
            case .right: format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
            }
            if below {
                format_set_bg_color(f, XLSXReport.belowFill)
                format_set_font_color(f, XLSXReport.belowFont)
            }
            if total {
                format_set_bold(f)
                format_set_top(f, UInt8(LXW_BORDER_THIN.rawValue))
            }
        }
        made[key] = format
        return format
    }
}
