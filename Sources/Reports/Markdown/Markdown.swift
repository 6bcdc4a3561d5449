/// GitHub-flavoured Markdown: escaping and tables.
enum Markdown {
    /// Text for a Markdown table cell: the characters Markdown or a table would read as syntax,
    /// pipes included, escaped with a backslash; line breaks become a space. Read scalar by
    /// scalar, so that a combining mark after a pipe or a line break cannot hide it.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "&", "#", "~", "!":
                out.append("\\")
                out.append(scalar)
            case "\r":
                out.append(" ")
                if pending == "\n" { pending = scalars.next() }  // CR LF is one line break
            case "\n":
                out.append(" ")
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A bullet of a list: `- ` and `escaped` (text ``escape(_:)`` made), whose own start is
    /// not read as a list marker: `- Tổ một cửa` would nest a list and `1. Phòng` start a
    /// numbered one, each losing its marker from the name.
    static func listItem(_ escaped: String) -> String {
        var text = Substring(escaped)
        if let first = text.first, first == "-" || first == "+" {
            return "- \\" + text
        }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        text = text.dropFirst(digits.count)
        if !digits.isEmpty, let marker = text.first, marker == "." || marker == ")" {
            return "- " + digits + "\\" + text
        }
        return "- " + escaped
    }

    /// A GFM table, cells padded to their column's width (in characters) so that the source
    /// reads as a table too; `centred`: every column centred.
    static func table(header: [String], rows: [[String]], rightAligned: [Bool], centred: Bool = false) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in max(3, all.map { $0[column].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { column, cell in
                let fill = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned[column] ? fill + cell : cell + fill
            }.joined(separator: " | ") + " |\n"
        }
        var out = line(header)
        out += "| " + widths.enumerated().map { column, width in
            centred ? ":" + String(repeating: "-", count: width - 2) + ":"
                : rightAligned[column] ? String(repeating: "-", count: width - 1) + ":" : ":" + String(repeating: "-", count: width - 1)
        }.joined(separator: " | ") + " |\n"
        for row in rows { out += line(row) }
        return out
    }
}
