import Wording

extension ServiceReport {
    /// `--format md`: the heading, the table, the notes and the missed targets in
    /// GitHub-flavoured Markdown.
    func markdown() -> String {
        (period.provisionalLine.map { "**" + Markdown.escape($0) + "**\n\n" } ?? "")
            + "## " + Markdown.escape(title + " — " + period.period) + "\n\n" + people.markdown(language) + "\n"
            + notes.map(Markdown.escape).joined(separator: "  \n") + "\n\n"
            + missed.map { Markdown.listItem(Markdown.escape($0)) }.joined(separator: "\n") + "\n"
    }
}
