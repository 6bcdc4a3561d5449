import TestSupport
import Foundation
import Ingest
import Metrics
import Testing
@testable import Reports

private typealias F = PeopleReportFixture

/// The cells of one Markdown table line: split on pipes not escaped by a backslash.
private func cells(_ line: String) -> [String] {
    var out: [String] = [], cell = "", backslashes = 0
    for ch in line {
        if ch == "|" && backslashes % 2 == 0 {
            out.append(cell.trimmingCharacters(in: .whitespaces))
            cell = ""
        } else {
            cell.append(ch)
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
    for ch in s {
        if ch == "\\" && !escaped { escaped = true; continue }
        out.append(ch)
        escaped = false
    }
    return out
}

private func tableLines(_ markdown: String) -> [String] {
    markdown.split(separator: "\n").map(String.init).filter { $0.hasPrefix("|") }
}

/// The text table's columns, as csv columns.
private let textColumns = ["carried_over", "received_new", "received_online", "resolved", "resolved_early",
                           "resolved_on_time", "resolved_late", "pending", "pending_overdue", "on_time_rate",
                           "progress_rate", "online_rate", "digitised_dossier_rate", "digitised_result_rate"]

@Suite struct MarkdownReportTests {
    @Test(arguments: Language.allCases) func sameCellCountEveryRow(language: Language) {
        for markdown in [F.table.markdown(language: language), F.breakdown.markdown(language: language)] {
            let lines = tableLines(markdown)
            #expect(lines.count >= 3)
            #expect(Set(lines.map { cells($0).count }).count == 1, "\(lines.map { cells($0).count })")
            // Header, then the delimiter row: left for names, right for figures.
            let delimiter = cells(lines[1])
            #expect(delimiter[0].hasPrefix(":-"))
            #expect(delimiter.dropFirst().allSatisfy { $0.hasSuffix("-:") && !$0.hasPrefix(":") })
        }
        #expect(cells(tableLines(F.table.markdown(language: language))[0]).count == 15)
    }

    @Test(arguments: Language.allCases) func sameFiguresAsTheCSV(language: Language) {
        let lines = tableLines(F.table.markdown(language: language))
        let header = cells(lines[0])
        #expect(header == TextLabels(language).columns)
        let records = F.csvRecords(F.table)
        let rows = lines.dropFirst(2).map(cells)
        #expect(rows.count == records.count)
        for (row, record) in zip(rows, records) {
            let unit = record["unit"]!
            #expect(plain(row[0]) == (unit == "TOTAL" ? TextLabels(language).total : unit))
            for (column, cell) in zip(textColumns, row.dropFirst()) {
                #expect(plain(cell) == F.people(record[column]!, column: column, language), "\(unit) \(column)")
            }
            #expect(row[0].hasPrefix("**⚠ ") == (record["below_target"] == "true"), "\(unit)")
        }
    }

    @Test func pipesAndMarkupEscaped() {
        let markdown = F.table.markdown()
        #expect(markdown.contains("| Tổ \"một cửa\" \\| 'xã'"))
        #expect(markdown.contains("| A \\& \\<B\\>"))
        #expect(!markdown.contains("<B>"))
    }

    @Test func flaggedTotalLegendAndHeading() {
        let markdown = F.table.markdown()
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "## Kết quả giải quyết thủ tục hành chính — 2023-Q1 (15/12/2022 – 14/03/2023)")
        #expect(markdown.contains("| **⚠ Phòng Tư pháp, Hộ tịch** "))
        // Exactly on target is not below.
        #expect(markdown.contains("| Văn phòng Đăng ký đất đai "))
        let total = tableLines(markdown).last!
        #expect(cells(total).allSatisfy { $0.hasPrefix("**") && $0.hasSuffix("**") })
        #expect(cells(total)[0].contains("TỔNG CỘNG"))
        #expect(markdown.contains("Kỳ báo cáo 2023-Q1 (theo Nghị định 09/2019/NĐ-CP): từ 15/12/2022 đến 14/03/2023."))
        #expect(markdown.contains("Mục tiêu giải quyết đúng hạn: 98 %. ⚠ = dưới mục tiêu; — = không có hồ sơ để tính."))
        #expect(markdown.contains("Đơn vị dưới mục tiêu (1): Phòng Tư pháp, Hộ tịch\n"))
        let en = F.table.markdown(language: .en)
        #expect(en.contains("On-time target: 98%. ⚠ = below target; — = nothing to rate."))
        #expect(en.contains("| **⚠ Phòng Tư pháp, Hộ tịch** "))
        #expect(en.contains(" 1,200 "))
    }

    @Test func breakdownByQuarter() {
        let markdown = F.breakdown.markdown()
        #expect(markdown.hasPrefix("## Tỷ lệ giải quyết đúng hạn theo quý — 2023\n"))
        let lines = tableLines(markdown)
        #expect(cells(lines[0]) == ["Đơn vị", "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"])
        let rows = lines.dropFirst(2).map(cells)
        #expect(rows.map { plain($0[0]) } == F.breakdown.units + ["TỔNG CỘNG"])
        for (row, unit) in zip(rows, F.breakdown.units.map(Optional.some) + [nil]) {
            for index in 0..<4 {
                let rate = F.breakdown.counts(unit: unit, at: index)?.onTimeRate
                #expect(plain(row[index + 1]) == Language.vi.percent(rate?.formatted), "\(unit ?? "TOTAL") \(index)")
                #expect(row[index + 1].hasPrefix("**⚠ ") == (rate?.isBelow(F.breakdown.target) == true))
            }
        }
        #expect(rows.last!.allSatisfy { $0.hasPrefix("**") })
        #expect(markdown.contains("| Xã Hải \\| Hà "))
        #expect(rows.last![4] == "**—**")
        #expect(markdown.contains("2023-Q3: 15/06/2023 – 14/09/2023"))
        #expect(F.breakdown.markdown(language: .en).contains("On-time rate by quarter"))
    }
}
