import Wording

extension KPIReport {
    /// The people's table as GitHub-flavoured Markdown, for a wiki page or an issue: the
    /// provisional mark (if any), a heading with the period and its dates, the summary view, the
    /// legend, the units below target.
    func markdown() -> String {
        (period.provisionalLine.map { "**" + Markdown.escape($0) + "**\n\n" } ?? "")
            + "## " + period.heading(title) + "\n\n" + table(.summary).markdown(language) + "\n"
            + Markdown.escape(legend(mark: "⚠")) + "\n\n" + belowLine(flagged.map(Markdown.escape)) + "\n"
            + (lateByProcedure.isEmpty ? "" : "\n### " + Markdown.escape(language[.lateByProcedure]) + "\n\n"
                + lateLines(Markdown.escape).map { Markdown.listItem($0) + "\n" }.joined())
    }
}

extension BreakdownReport {
    /// Units × sub-periods, each cell the on-time rate, cells below target `**⚠ …**`, a bold
    /// total row; the target, the legend and the sub-periods' dates below.
    func markdown() -> String {
        (period.provisionalLine.map { "**" + Markdown.escape($0) + "**\n\n" } ?? "")
            + "## " + title + " — " + period.period + "\n\n" + table.markdown(language) + "\n"
            + period.targetLine + " " + language[.breakdownLegend] + "\n" + dates + "\n"
    }
}

extension Form06aReport {
    /// Biểu 06a in Markdown: the official header as lines, the title as a heading, the period
    /// and the unit of figures, the numbered table, then the place and date and the signers.
    func markdown() -> String {
        let lines = (period.provisionalLine.map { ["**" + Markdown.escape($0) + "**"] } ?? [])
            + header.map(Markdown.escape)
        var out = lines.joined(separator: "  \n") + "\n\n## " + Markdown.escape(title) + "\n\n"
        out += Markdown.escape(periodLine) + "  \n" + Markdown.escape(language[.form06aMeasure]) + "\n\n"
        out += form.markdown(language) + "\n"
        let (placeAndDate, signers) = signature
        out += Markdown.escape(placeAndDate) + "\n\n"
        out += Markdown.table(header: signers.map { "**" + Markdown.escape($0.role) + "**" },
                              rows: [signers.map { Markdown.escape($0.note) }],
                              rightAligned: [false, false], centred: true)
        return out
    }
}
