import Wording

extension PeopleTable {
    /// The table in Markdown: every cell escaped; a row below target `**⚠ name**`, a cell below
    /// target `**⚠ figure**`, the total row bold; a cell without any value `—`.
    func markdown(_ language: Language) -> String {
        func bold(_ text: String, flagged: Bool, total: Bool) -> String {
            flagged ? "**⚠ \(text)**" : total ? "**\(text)**" : text
        }
        let body = rows.map { row in
            zip(columns, row.cells).map { column, cell in
                let text = Markdown.escape(cell.value.text(language, empty: "—"))
                let flagged = column.role == .name ? row.isFlagged : cell.isFlagged
                return bold(text, flagged: flagged, total: row.isTotal)
            }
        }
        return Markdown.table(header: columns.map { Markdown.escape($0.title) }, rows: body,
                              rightAligned: columns.map { $0.role == .figure })
    }
}

extension KPIReport {
    /// The people's table as GitHub-flavoured Markdown, for a wiki page or an issue: a heading
    /// with the period and its dates, the summary view, the legend, the units below target.
    func markdown() -> String {
        "## " + period.heading(title) + "\n\n" + table(.summary).markdown(language) + "\n"
            + Markdown.escape(legend(mark: "⚠")) + "\n\n" + belowLine(flagged.map(Markdown.escape)) + "\n"
    }
}

extension BreakdownReport {
    /// Units × sub-periods, each cell the on-time rate, cells below target `**⚠ …**`, a bold
    /// total row; the target, the legend and the sub-periods' dates below.
    func markdown() -> String {
        "## " + title + " — " + period.period + "\n\n" + table.markdown(language) + "\n"
            + period.targetLine + " " + language[.breakdownLegend] + "\n" + dates + "\n"
    }
}
