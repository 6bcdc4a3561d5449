import Metrics

/// Biểu 06a of Thông tư 01/2020/TT-VPCP: "Tình hình, kết quả giải quyết TTHC tại cơ quan, đơn
/// vị trực tiếp giải quyết TTHC". Its 13 columns, made of the KPI table's counts, so that the
/// form and the table can never disagree.
public enum Form06a {
    /// The figures of one row, columns 3 to 13 of the form, in order.
    public static func figures(_ c: KPICounts) -> [Int] {
        [c.carriedOver + c.receivedNew, c.carriedOver, c.receivedOnline, c.receivedDirect + c.receivedPostal,
         c.resolved, c.resolvedEarly, c.resolvedOnTime, c.resolvedLate,
         c.pending, c.pending - c.pendingOverdue, c.pendingOverdue]
    }

    /// The form's title.
    public static func title(_ language: Language) -> String {
        language == .vi
            ? "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC"
            : "ADMINISTRATIVE PROCEDURES RECEIVED AND RESOLVED BY THE UNITS THAT RESOLVE THEM"
    }

    /// "Kỳ báo cáo: 2023-Q1 (từ 15/12/2022 đến 14/03/2023)".
    public static func periodLine(_ table: KPITable, _ language: Language) -> String {
        let start = table.bounds.start.description.prefix(10), end = table.bounds.lastDay.description.prefix(10)
        return language == .vi
            ? "Kỳ báo cáo: \(table.period) (từ ngày \(start) đến ngày \(end))"
            : "Period: \(table.period) (\(start) to \(end))"
    }

    /// Top header row: (title, how many columns it spans). Columns 1–2 span both header rows.
    public static func groupHeaders(_ language: Language, grouping: KPITable.Grouping) -> [(String, Int)] {
        switch language {
        case .vi:
            return [("STT", 1), (grouping == .unit ? "Đơn vị" : "Lĩnh vực", 1), ("Số hồ sơ nhận giải quyết", 4),
                    ("Số hồ sơ đã giải quyết", 4), ("Số hồ sơ đang giải quyết", 3)]
        case .en:
            return [("No.", 1), (grouping == .unit ? "Unit" : "Field", 1), ("Dossiers to resolve", 4),
                    ("Dossiers resolved", 4), ("Dossiers pending", 3)]
        }
    }

    /// Second header row: the titles of columns 3 to 13.
    public static func columnHeaders(_ language: Language) -> [String] {
        switch language {
        case .vi:
            return ["Tổng số", "Số kỳ trước chuyển qua", "Số mới tiếp nhận trực tuyến",
                    "Số mới tiếp nhận trực tiếp và dịch vụ bưu chính", "Tổng số", "Trả trước hạn", "Trả đúng thời hạn",
                    "Trả quá hạn", "Tổng số", "Chưa đến hạn", "Quá hạn"]
        case .en:
            return ["Total", "Carried over", "New, online", "New, direct and postal", "Total", "Early", "On time",
                    "Late", "Total", "Not yet due", "Overdue"]
        }
    }

    /// The total row's label.
    public static func totalLabel(_ language: Language) -> String { language == .vi ? "Tổng cộng" : "Total" }
}

extension KPITable {
    /// `--format form06a`: the form as aligned text, two-level header, numbered rows, total.
    public func form06aText(language: Language = .vi) -> String {
        let headers = Form06a.columnHeaders(language)
        let groups = Form06a.groupHeaders(language, grouping: grouping)
        var body: [[String]] = []
        for (index, row) in rows.enumerated() {
            body.append(["\(index + 1)", row.unit ?? ""] + Form06a.figures(row.counts).map(language.count))
        }
        body.append(["", Form06a.totalLabel(language)] + Form06a.figures(total).map(language.count))
        // Column numbers (1)…(13) as the official form prints them help readers map columns.
        let numbers = (1...13).map { "(\($0))" }
        let second = [groups[0].0, groups[1].0] + headers
        var widths = (0..<13).map { column in ([second[column], numbers[column]] + body.map { $0[column] }).map(\.count).max() ?? 0 }
        // Group titles must fit across the columns they span.
        var column = 2
        for (title, span) in groups.dropFirst(2) {
            let available = widths[column..<(column + span)].reduce(0, +) + 2 * (span - 1)
            if title.count > available { widths[column + span - 1] += title.count - available }
            column += span
        }
        func pad(_ text: String, _ width: Int, right: Bool) -> String {
            let fill = String(repeating: " ", count: max(0, width - text.count))
            return right ? fill + text : text + fill
        }
        var groupLine = pad("", widths[0], right: false) + "  " + pad("", widths[1], right: false)
        column = 2
        for (title, span) in groups.dropFirst(2) {
            let width = widths[column..<(column + span)].reduce(0, +) + 2 * (span - 1)
            groupLine += "  " + pad(title, width, right: false)
            column += span
        }
        let line = { (cells: [String]) in
            cells.enumerated().map { pad($1, widths[$0], right: $0 != 1) }.joined(separator: "  ")
        }
        var out = Form06a.title(language) + "\n" + Form06a.periodLine(self, language) + "\n\n"
        out += groupLine + "\n" + line(second) + "\n" + line(numbers) + "\n"
        let rule = String(repeating: "─", count: widths.reduce(0, +) + 2 * 12)
        out += rule + "\n"
        for (index, cells) in body.enumerated() {
            if index == body.count - 1 { out += rule + "\n" }
            out += line(cells) + "\n"
        }
        return out
    }
}
