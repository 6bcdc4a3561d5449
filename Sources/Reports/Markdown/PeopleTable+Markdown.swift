import Wording

extension PeopleTable {
    /// The table in Markdown: every cell escaped; a row below target `**⚠ name**`, a cell below
    /// target `**⚠ figure**`, the total and subtotal rows bold; a cell without any value `—`.
    func markdown(_ language: Language) -> String {
        func bold(_ text: String, flagged: Bool, total: Bool) -> String {
            // An empty cell (a unit's or the total's next lines) stays empty: `****` and `**⚠ **`
            // are no emphasis, Markdown prints them as they are.
            guard !text.isEmpty else { return text }
            return flagged ? "**⚠ \(text)**" : total ? "**\(text)**" : text
        }
        let body = rows.map { row in
            zip(columns, row.cells).map { column, cell in
                let text = Markdown.escape(cell.value.text(language, empty: "—"))
                let flagged = column.role == .name ? row.isFlagged : cell.isFlagged
                return bold(text, flagged: flagged, total: row.isTotal || row.isSubtotal)
            }
        }
        return Markdown.table(header: columns.map { Markdown.escape($0.title) }, rows: body,
                              rightAligned: columns.map { $0.role == .figure })
    }
}
