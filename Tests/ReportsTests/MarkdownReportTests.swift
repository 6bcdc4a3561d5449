import TestSupport
import Foundation
import Ingest
import KPIMetrics
import Testing
import Wording
@testable import Reports

private typealias F = PeopleReportFixture

/// The cells of one Markdown table line: split on pipes not escaped by a backslash.
private func cells(_ line: String) -> [String] {
    var out: [String] = [], cell = "", backslashes = 0
    for ch in line.unicodeScalars {
        if ch == "|" && backslashes % 2 == 0 {
            out.append(cell.trimmingCharacters(in: .whitespaces))
            cell = ""
        } else {
            cell.unicodeScalars.append(ch)
        }
        backslashes = ch == "\\" ? backslashes + 1 : 0
    }
    out.append(cell.trimmingCharacters(in: .whitespaces))
    // A line starts and ends with a pipe: drop the empty ends.
    return Array(out.dropFirst().dropLast())
}

/// Markdown backslash escapes undone, bold and marker stripped: the text a reader sees.
private func plain(_ cell: String) -> String {
    var s = cell
    if s.hasPrefix("**"), s.hasSuffix("**") { s = String(s.dropFirst(2).dropLast(2)) }
    if s.hasPrefix("⚠ ") { s = String(s.dropFirst(2)) }
    var out = "", escaped = false
    for ch in s.unicodeScalars {
        if ch == "\\" && !escaped { escaped = true; continue }
        out.unicodeScalars.append(ch)
        escaped = false
    }
    return out
}

private func tableLines(_ markdown: String) -> [String] {
    markdown.split(separator: "\n").map(String.init).filter { $0.hasPrefix("|") }
}

/// One rendering test for each Markdown page (what it shows is the model's: KPIReportTests),
/// and the escaping.
@Suite struct MarkdownReportTests {
    /// The table's cells are the summary view's, escaped; flagged names and the total bold;
    /// the heading, legend and list of units below target around it.
    @Test(arguments: Language.allCases) func kpiPage(language: Language) {
        let report = KPIReport(F.table, language)
        let markdown = report.markdown()
        let lines = tableLines(markdown)
        let view = report.table(.summary)
        #expect(cells(lines[0]) == view.columns.map(\.title))
        let delimiter = cells(lines[1])
        #expect(delimiter[0].hasPrefix(":-") && delimiter.dropFirst().allSatisfy { $0.hasSuffix("-:") && !$0.hasPrefix(":") })
        let rows = lines.dropFirst(2).map(cells)
        #expect(rows.map { $0.map(plain) } == view.texts(language))
        for (row, model) in zip(rows, view.rows) {
            #expect(row[0].hasPrefix("**⚠ ") == model.isFlagged, "\(model.key)")
            if model.isTotal { #expect(row.allSatisfy { $0.hasPrefix("**") && $0.hasSuffix("**") }) }
        }
        #expect(markdown.hasPrefix("## " + report.period.heading(report.title) + "\n\n"))
        #expect(markdown.contains("| Tổ \"một cửa\" \\| 'xã'"))
        #expect(markdown.contains("| A \\& \\<B\\>"))
        #expect(markdown.hasSuffix(report.legend(mark: "⚠") + "\n\n" + report.belowLine(report.flagged) + "\n"))
    }

    @Test func breakdownPage() {
        let report = BreakdownReport(breakdown: F.breakdown, language: .vi)
        let markdown = report.markdown()
        #expect(markdown.hasPrefix("## Tỷ lệ giải quyết đúng hạn theo quý — 2023\n"))
        let rows = tableLines(markdown).dropFirst(2).map(cells)
        let expected = report.table.rows.map { $0.cells.map { $0.value.text(.vi, empty: "—") } }
        #expect(rows.map { $0.map(plain) } == expected)
        for (row, model) in zip(rows, report.table.rows) {
            for (cell, value) in zip(row.dropFirst(), model.cells.dropFirst()) {
                #expect(cell.hasPrefix("**⚠ ") == value.isFlagged)
            }
        }
        #expect(rows.last?[4] == "**—**")
        #expect(markdown.contains("| Xã Hải \\| Hà "))
        #expect(markdown.hasSuffix(report.period.targetLine + " ⚠ = dưới mục tiêu; — = không có hồ sơ đã giải quyết trong kỳ.\n"
                                   + report.dates + "\n"))
    }

    /// Issue 11, defect 3: a pipe or a line break followed by a combining mark is still a pipe
    /// or a line break to a Markdown reader.
    @Test(arguments: ["a|\u{300}b", "a\n\u{301}b", "a\r\n\u{300}b", "*\u{300}", "plain"])
    func escapingSeesEveryScalar(text: String) {
        let escaped = Markdown.escape(text)
        var previous: Unicode.Scalar?
        for scalar in escaped.unicodeScalars {
            #expect(scalar != "\n" && scalar != "\r")
            if "|*".unicodeScalars.contains(scalar) { #expect(previous == "\\", "\(Array(escaped.unicodeScalars))") }
            previous = scalar
        }
        #expect(cells("| " + escaped + " | x |").count == 2)
    }

    @Test func escapingIsUnchangedOtherwise() {
        #expect(Markdown.escape("A & <B> | *x* _y_ [z] `c` #1 ~ !") == "A \\& \\<B\\> \\| \\*x\\* \\_y\\_ \\[z\\] \\`c\\` \\#1 \\~ \\!")
        #expect(Markdown.escape("two\r\nlines\nhere\rend") == "two lines here end")
    }

    /// A list item whose text starts as a list marker would nest a list or start a numbered
    /// one, the marker lost from the name: it is escaped, and only there.
    @Test func listItemsDoNotStartAnotherList() {
        #expect(Markdown.listItem("- Tổ một cửa: 1") == "- \\- Tổ một cửa: 1")
        #expect(Markdown.listItem("+ Tổ") == "- \\+ Tổ")
        #expect(Markdown.listItem("1. Phòng số: 1") == "- 1\\. Phòng số: 1")
        #expect(Markdown.listItem("12) Phòng") == "- 12\\) Phòng")
        #expect(Markdown.listItem("2024 năm") == "- 2024 năm")
        #expect(Markdown.listItem("Phòng 1. A") == "- Phòng 1. A")
    }

    /// A row's empty cells (a unit's or the total's next lines) stay empty: `****` or
    /// `**⚠ **` is no emphasis, Markdown prints the asterisks.
    @Test func emptyCellsOfMarkedRowsStayEmpty() {
        let columns = [PeopleTable.Column(title: "Đơn vị", key: "unit", role: .name), PeopleTable.Column(title: "Số", key: "n")]
        func cells(_ name: String, _ n: Int) -> [PeopleTable.Cell] { [PeopleTable.Cell(value: .text(name)), PeopleTable.Cell(value: .count(n))] }
        let table = PeopleTable(columns: columns,
                                rows: [PeopleTable.Row(key: "A", cells: cells("A", 1), isFlagged: true),
                                       PeopleTable.Row(key: "A", cells: cells("", 2), isFlagged: true),
                                       PeopleTable.Row(key: "TOTAL", cells: cells("", 3), isTotal: true)])
        let markdown = table.markdown(.vi)
        #expect(markdown.contains("**⚠ A**") && markdown.contains("**3**"), "\(markdown)")
        #expect(!markdown.contains("****") && !markdown.contains("**⚠ **"), "\(markdown)")
    }
}
