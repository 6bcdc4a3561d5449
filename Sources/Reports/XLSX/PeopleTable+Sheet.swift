import Wording

/// How a table sits on its sheet.
struct SheetLayout {
    /// Lines above everything, at the left: a provisional mark, a form's number and units.
    var preamble: [String] = []
    /// Lines above the table, each across it: a title, then smaller lines.
    var heading: [String] = []
    /// Lines below the table, in italics.
    var notes: [String] = []
    /// Every cell boxed, as on a printed form.
    var boxed = false
    /// Columns titled by their machine names (an English KPI sheet: the csv's header).
    var machineTitles = false
    /// The rows (not the total) can be sorted and filtered.
    var autofilter = false
    /// Columns kept in view when scrolling sideways.
    var frozenColumns = 0
    /// The narrowest and widest column, in characters.
    var widths: ClosedRange<Int> = 9...42
    /// Heights of the header rows, top first (none: the default).
    var headerHeights: [Double] = []
    /// Below the notes, a form's place and date (at the right) and its signers side by side.
    var signature: (placeAndDate: String, signers: [(role: String, note: String)])?
}

extension PeopleTable {
    /// Writes the table on `sheet`: the heading, the column titles (two rows under group titles
    /// when grouped, the ungrouped titles spanning both), the column numbers of a form, the rows
    /// (figures as numbers, rates as fractions shown `0.00%`, below target red, the total bold),
    /// the notes. The header stays in view and prints on every page.
    func write(to sheet: Sheet, styles: CellStyles, layout: SheetLayout, language: Language) {
        let last = columns.count - 1
        var r = 0
        for line in layout.preamble {
            sheet.text(r, 0, line, styles(.preamble))
            r += 1
        }
        if !layout.preamble.isEmpty { r += 1 }
        for (index, line) in layout.heading.enumerated() {
            sheet.merge(r, 0, r, last, line, styles(index == 0 ? .title : .subtitle))
            if index == 0 { sheet.height(r, 36) }
            r += 1
        }
        if !layout.heading.isEmpty { r += 1 }
        let headerTop = r
        let header = styles(.header, boxed: layout.boxed)
        let titles = columns.map { layout.machineTitles ? $0.key : $0.title }
        if hasGroups {
            for span in spans {
                let first = span.columns.lowerBound, end = span.columns.upperBound - 1
                if let group = span.title {
                    if first == end { sheet.text(r, first, group, header) } else { sheet.merge(r, first, r, end, group, header) }
                    for column in span.columns { sheet.text(r + 1, column, titles[column], header) }
                } else {
                    sheet.merge(r, first, r + 1, first, titles[first], header)
                }
            }
            r += 2
        } else {
            for (column, title) in titles.enumerated() { sheet.text(r, column, title, header) }
            r += 1
        }
        for (offset, height) in layout.headerHeights.enumerated() { sheet.height(headerTop + offset, height) }
        if numbered {
            for column in columns.indices { sheet.text(r, column, "(\(column + 1))", styles(.numbering, boxed: layout.boxed)) }
            r += 1
        }
        let bodyTop = r
        for row in rows {
            for (column, cell) in row.cells.enumerated() {
                write(cell, at: r, column, sheet: sheet, language: language, styles: { kind in
                    styles(kind, below: row.isFlagged || cell.isFlagged, total: row.isTotal || row.isSubtotal, boxed: layout.boxed)
                })
            }
            r += 1
        }
        let widths = widths(titles: titles, machineTitles: layout.machineTitles)
            .map { min(max($0, layout.widths.lowerBound), layout.widths.upperBound) }
        for (column, width) in widths.enumerated() { sheet.width(column, Double(width)) }
        if layout.headerHeights.isEmpty, !hasGroups {
            // Excel does not fit a row to text that wraps when it opens a file (nor does
            // LibreOffice): a header row of titles that wrap is given their lines' height.
            let lines = zip(titles, widths).map { Self.lines($0, width: $1) }.max() ?? 1
            if lines > 1 { sheet.height(headerTop, Self.lineHeight * Double(lines) + 3) }
        }
        sheet.freezePanes(row: bodyTop, column: layout.frozenColumns)
        if layout.autofilter {
            let units = rows.filter { !$0.isTotal }.count
            sheet.autofilter(firstRow: bodyTop - 1, firstColumn: 0, lastRow: bodyTop - 1 + max(units, 1), lastColumn: last)
        }
        r += 1
        for note in layout.notes {
            sheet.text(r, 0, note, styles(.note))
            r += 1
        }
        if let signature = layout.signature { write(signature, from: r + 1, sheet: sheet, styles: styles) }
        sheet.printSetup(repeatRows: headerTop...(bodyTop - 1))
    }

    /// The place and date over the right half; each signer's role and note over a half of their own.
    private func write(_ signature: (placeAndDate: String, signers: [(role: String, note: String)]), from r: Int,
                       sheet: Sheet, styles: CellStyles) {
        let width = columns.count, count = max(signature.signers.count, 1)
        let half = (width / count)..<width
        sheet.merge(r, half.lowerBound, r, half.upperBound - 1, signature.placeAndDate, styles(.signerNote))
        for (index, signer) in signature.signers.enumerated() {
            let first = index * width / count, end = (index + 1) * width / count - 1
            sheet.merge(r + 1, first, r + 1, end, signer.role, styles(.signer))
            sheet.merge(r + 2, first, r + 2, end, signer.note, styles(.signerNote))
        }
    }

    private func write(_ cell: Cell, at r: Int, _ column: Int, sheet: Sheet, language: Language,
                       styles: (CellStyles.Kind) -> Format?) {
        switch cell.value {
        case .text(let text): sheet.text(r, column, text, styles(.text))
        case .ordinal(let n): sheet.number(r, column, Double(n), styles(.ordinal))
        case .count(let n): sheet.number(r, column, Double(n), styles(.count))
        case .rate(let rate?): sheet.number(r, column, Double(rate.numerator) / Double(rate.denominator), styles(.rate))
        case .rate(nil) where marksMissingRates: sheet.text(r, column, "—", styles(.dash))
        case .rate(nil): sheet.blank(r, column, styles(.rate))
        case .flag(true): sheet.text(r, column, language[.yes], styles(.flag))
        case .flag: sheet.blank(r, column, styles(.flag))
        case .change(let hundredths?): sheet.number(r, column, Double(hundredths) / 100, styles(.change))
        case .change(nil), .points(nil): sheet.text(r, column, "—", styles(.dash))
        case .points(let hundredths?): sheet.number(r, column, Double(hundredths) / 100, styles(.points))
        case .empty: sheet.blank(r, column, styles(columns[column].role == .figure ? .count : .text))
        }
    }

    /// The height of a line of the header's text, in points (Calibri 11 and its line spacing).
    static let lineHeight = 15.0

    /// How many lines `title` takes in a column `width` characters wide, broken between words
    /// (a character of each line's width left for the cell's margins).
    static func lines(_ title: String, width: Int) -> Int {
        let room = max(width - 1, 1)
        var lines = 1, used = 0
        for word in title.split(separator: " ").map(\.count) {
            if used == 0 {
                used = word
            } else if used + 1 + word <= room {
                used += 1 + word
            } else {
                lines += 1
                used = word
            }
            // A word longer than the column breaks within itself.
            while used > room {
                lines += 1
                used -= room
            }
        }
        return lines
    }

    /// Each column's width in characters: its title (people's titles wrap onto about three
    /// lines) and its widest cell.
    private func widths(titles: [String], machineTitles: Bool) -> [Int] {
        titles.enumerated().map { column, title in
            let longestWord = title.split(separator: " ").map(\.count).max() ?? 0
            let titleWidth = machineTitles ? title.count + 2 : max(longestWord, title.count / 3 + 2) + 2
            return rows.reduce(titleWidth) { width, row in
                switch row.cells[column].value {
                case .text(let text): return max(width, text.count + 2)
                case .ordinal(let n), .count(let n): return max(width, Language.en.count(n).count + 2)
                case .rate, .change, .points: return max(width, 9)
                case .flag, .empty: return width
                }
            }
        }
    }
}
