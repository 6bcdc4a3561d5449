import Metrics

extension KPITable {
    /// `--format table`: the table for people. Aligned columns (widths counted in characters,
    /// so Vietnamese diacritics do not shift them), units below target marked `*` (and red on a
    /// colour terminal), and a legend with the period's dates and the target.
    public func text(language: Language = .vi, colour: Bool = false) -> String {
        let labels = TextLabels(language)
        var grid: [[String]] = [[""] + labels.columns]
        var flagged: [Bool] = [false]
        for row in allRows {
            let c = row.counts
            let below = c.isBelow(target) == true
            let counts = c.peopleCounts.map(language.count)
            let rates = c.rates.map { language.percent($0?.formatted) }
            grid.append([below ? "*" : ""] + [row.unit ?? labels.total] + counts + rates)
            flagged.append(below)
        }
        let widths = grid[0].indices.map { column in grid.map { $0[column].count }.max() ?? 0 }
        var out = ""
        for (index, cells) in grid.enumerated() {
            var line = ""
            for (column, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                // Marker and unit name read left to right; figures line up on the right.
                line += column <= 1 ? cell + pad : pad + cell
                if column < cells.count - 1 { line += column == 0 ? " " : "  " }
            }
            if colour, flagged[index] { line = "\u{1B}[1;31m" + line + "\u{1B}[0m" }
            out += line + "\n"
            if index == 0 || index == grid.count - 2 {
                out += String(repeating: "─", count: line.count) + "\n"
            }
        }
        out += labels.legend(self)
        let names = flaggedUnits
        out += names.isEmpty ? labels.noneBelow : labels.below(names)
        return out
    }
}

/// Column titles and sentences of the people's table, in Vietnamese or English.
struct TextLabels {
    let language: Language

    init(_ language: Language) { self.language = language }

    var columns: [String] {
        switch language {
        case .vi:
            return ["Đơn vị", "Kỳ trước", "Mới nhận", "Trực tuyến", "Đã giải quyết", "Trước hạn", "Đúng hạn",
                    "Quá hạn", "Đang giải quyết", "Đang quá hạn", "Tỷ lệ đúng hạn", "Tiến độ", "Tỷ lệ trực tuyến",
                    "Số hóa hồ sơ", "Số hóa kết quả"]
        case .en:
            return ["Unit", "Carried over", "New", "Online", "Resolved", "Early", "On time", "Late", "Pending",
                    "Overdue", "On-time rate", "Progress", "Online rate", "Digitised dossiers", "Digitised results"]
        }
    }

    var total: String { language == .vi ? "TỔNG CỘNG" : "TOTAL" }

    /// The period, its basis and dates, and the target, in one sentence.
    func periodSentence(_ table: KPITable) -> String {
        let start = table.bounds.start.description.prefix(10)
        let end = table.bounds.lastDay.description.prefix(10)
        let target = language.percent(table.target.description).replacingOccurrences(of: ",00", with: "")
        switch language {
        case .vi:
            let basis = table.basis == .decree09 ? "theo Nghị định 09/2019/NĐ-CP" : "theo tháng dương lịch"
            return "Kỳ báo cáo \(table.period) (\(basis)): từ \(start) đến \(end). Mục tiêu giải quyết đúng hạn: \(target)."
        case .en:
            let basis = table.basis == .decree09 ? "Decree 09/2019 cut-off" : "calendar months"
            return "Period \(table.period) (\(basis)): \(start) to \(end). On-time target: \(target)."
        }
    }

    func legend(_ table: KPITable) -> String {
        periodSentence(table) + (language == .vi ? " * = dưới mục tiêu; — = không có hồ sơ để tính.\n"
                                                 : " * = below target; — = nothing to rate.\n")
    }

    var noneBelow: String {
        language == .vi ? "Không có đơn vị nào dưới mục tiêu.\n" : "No unit is below target.\n"
    }

    func below(_ names: [String]) -> String {
        let list = names.joined(separator: "; ")
        return language == .vi
            ? "Đơn vị dưới mục tiêu (\(names.count)): \(list)\n"
            : "Units below target (\(names.count)): \(list)\n"
    }
}

extension KPICounts {
    /// The counts the tables for people show, in their column order.
    var peopleCounts: [Int] {
        [carriedOver, receivedNew, receivedOnline, resolved, resolvedEarly, resolvedOnTime, resolvedLate, pending,
         pendingOverdue]
    }
}
