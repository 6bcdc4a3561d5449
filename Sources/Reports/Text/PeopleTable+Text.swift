import Wording

extension PeopleTable {
    /// The table as aligned text: group titles over their columns, the column titles (and
    /// numbers, on a form), a rule, the rows, a rule, the total. A row below target gets a `*`
    /// in a column of its own before its name (and is red when `colour` is asked); a cell below
    /// target gets a `*` before its figure.
    func text(_ language: Language, colour: Bool = false) -> String {
        var header = columns.map(\.title)
        var numbers = numbered ? columns.indices.map { "(\($0 + 1))" } : nil
        var body = rows.map { row in
            row.cells.map { ($0.isFlagged ? "*" : "") + $0.value.text(language, empty: "") }
        }
        var rightAligned = columns.map { $0.role == .figure }
        var separators = Array(repeating: "  ", count: max(columns.count - 1, 0))
        var spans = self.spans
        if flagsRows {
            header.insert("", at: 0)
            numbers?.insert("", at: 0)
            for (index, row) in rows.enumerated() { body[index].insert(row.isFlagged ? "*" : "", at: 0) }
            rightAligned.insert(false, at: 0)
            separators.insert(" ", at: 0)
            spans = [Span(title: nil, columns: 0..<1)]
                + spans.map { Span(title: $0.title, columns: ($0.columns.lowerBound + 1)..<($0.columns.upperBound + 1)) }
        }
        var layout = AlignedText([header] + (numbers.map { [$0] } ?? []) + body, rightAligned: rightAligned,
                                 separators: separators)
        var out = ""
        if hasGroups {
            for span in spans { if let title = span.title { layout.fit(title, across: span.columns) } }
            out += layout.spanning(spans.map { ($0.title ?? "", $0.columns) }) + "\n"
        }
        out += layout.line(header) + "\n"
        if let numbers { out += layout.line(numbers) + "\n" }
        out += layout.rule + "\n"
        for (index, (row, cells)) in zip(rows, body).enumerated() {
            // One rule above the total, however many lines it takes.
            if row.isTotal, index == 0 || !rows[index - 1].isTotal { out += layout.rule + "\n" }
            let line = layout.line(cells)
            out += (colour && row.isFlagged ? "\u{1B}[1;31m" + line + "\u{1B}[0m" : line) + "\n"
        }
        return out
    }
}
