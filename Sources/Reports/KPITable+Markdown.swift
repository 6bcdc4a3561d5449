import Metrics

extension KPITable {
    /// The people's table as GitHub-flavoured Markdown, for a wiki page or an issue: a heading
    /// with the period and its dates, the same columns as `text()`, units below target marked
    /// `**⚠ name**`, the total row bold, the legend and the list of units below target.
    public func markdown(language: Language = .vi) -> String {
        let labels = TextLabels(language)
        let html = HTMLLabels(language)
        var header = labels.columns
        header[0] = html.rowHeader(grouping)
        var body: [[String]] = []
        for row in allRows {
            let c = row.counts
            let below = c.isBelow(target) == true
            let counts = c.peopleCounts.map(language.count)
            let rates = c.rates.map { language.percent($0?.formatted) }
            let name = Markdown.escape(row.unit ?? labels.total)
            let unitCell = below ? "**⚠ \(name)**" : (row.unit == nil ? "**\(name)**" : name)
            let figures = counts + rates
            body.append([unitCell] + (row.unit == nil ? figures.map { "**\($0)**" } : figures))
        }
        let start = bounds.start.description.prefix(10), end = bounds.lastDay.description.prefix(10)
        var out = "## \(html.title) — \(period) (\(start) – \(end))\n\n"
        out += Markdown.table(header: header.map(Markdown.escape), rows: body, rightAligned: Set(1..<header.count))
        out += "\n"
        // The text legend, with this format's marker for "below target".
        out += Markdown.escape(labels.legend(self).trimmingTrailingNewline)
            .replacingOccurrences(of: "\\* =", with: "⚠ =") + "\n\n"
        let names = flaggedUnits
        out += names.isEmpty ? labels.noneBelow : labels.below(names.map(Markdown.escape))
        return out
    }
}

extension KPIBreakdown {
    /// Units × sub-periods (quarters or halves), each cell the on-time rate (`—` when nothing
    /// was resolved), cells below target `**⚠ …**`, and a bold total row.
    public func markdown(language: Language = .vi) -> String {
        let labels = HTMLLabels(language)
        let total = TextLabels(language).total
        let step: KPIBreakdown.Step = tables.first.map { t in
            if case .half = t.period.span { return .half }
            return .quarter
        } ?? .quarter
        let header = [labels.rowHeader(.unit)] + tables.map(\.period.description)
        var body: [[String]] = []
        for unit in units.map(Optional.some) + [nil] {
            var cells = [unit.map(Markdown.escape) ?? "**\(total)**"]
            for index in tables.indices {
                let rate = counts(unit: unit, at: index)?.onTimeRate
                let text = language.percent(rate?.formatted)
                if rate?.isBelow(target) == true {
                    cells.append("**⚠ \(text)**")
                } else {
                    cells.append(unit == nil ? "**\(text)**" : text)
                }
            }
            body.append(cells)
        }
        var out = "## \(labels.breakdownTitle(step)) — \(period)\n\n"
        out += Markdown.table(header: header.map(Markdown.escape), rows: body, rightAligned: Set(1..<header.count))
        out += "\n" + labels.targetLine(labels.percentTarget(target)) + " " + labels.breakdownLegend + "\n"
        out += breakdownDates(tables, language: language) + "\n"
        return out
    }
}

enum Markdown {
    /// Text for a Markdown table cell: the characters Markdown or a table would read as syntax,
    /// pipes included, escaped with a backslash; line breaks become spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "&", "#", "~", "!":
                out.append("\\")
                out.append(ch)
            case "\n", "\r", "\r\n":
                out.append(" ")
            default:
                out.append(ch)
            }
        }
        return out
    }

    /// A GFM table, cells padded to their column's width (in characters) so that the source
    /// reads as a table too.
    static func table(header: [String], rows: [[String]], rightAligned: Set<Int>) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in max(3, all.map { $0[column].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { column, cell in
                let fill = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? fill + cell : cell + fill
            }.joined(separator: " | ") + " |\n"
        }
        var out = line(header)
        out += "| " + widths.enumerated().map { column, width in
            rightAligned.contains(column) ? String(repeating: "-", count: width - 1) + ":"
                : ":" + String(repeating: "-", count: width - 1)
        }.joined(separator: " | ") + " |\n"
        for row in rows { out += line(row) }
        return out
    }
}
