import Wording

extension ServiceReport {
    /// `--format table`: the heading, the table (targets not met marked `*`), the notes, and
    /// each unit's missed targets (or indicators below full marks).
    func text() -> String {
        (period.provisionalLine.map { $0 + "\n\n" } ?? "") + period.titled(title) + " — " + period.period + "\n\n"
            + people.text(language, colour: false) + "\n" + notes.joined(separator: "\n") + "\n\n"
            + missed.joined(separator: "\n") + "\n"
    }
}
