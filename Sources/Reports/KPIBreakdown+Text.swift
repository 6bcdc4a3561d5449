import Metrics

extension KPIBreakdown {
    /// The trend at a glance, for people: units × quarters (or halves), each cell the on-time
    /// rate, cells below target marked `*`, a total row, and the legend.
    public func text(language: Language = .vi) -> String {
        let labels = TextLabels(language)
        var grid: [[String]] = [[language == .vi ? "Đơn vị" : "Unit"] + tables.map(\.period.description)]
        for unit in units + [nil as String?] {
            let cells = tables.indices.map { index -> String in
                guard let counts = counts(unit: unit, at: index) else { return "" }
                let rate = language.percent(counts.onTimeRate?.formatted)
                return counts.isBelow(target) == true ? "*" + rate : rate
            }
            grid.append([unit ?? labels.total] + cells)
        }
        let widths = grid[0].indices.map { column in grid.map { $0[column].count }.max() ?? 0 }
        var out = language == .vi
            ? "Tỷ lệ giải quyết đúng hạn theo \(tables.first.map { $0.period.span.isQuarter } == true ? "quý" : "6 tháng"), \(period)\n"
            : "On-time rate by \(tables.first.map { $0.period.span.isQuarter } == true ? "quarter" : "half"), \(period)\n"
        for (index, cells) in grid.enumerated() {
            out += cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ") + "\n"
            if index == 0 || index == grid.count - 2 {
                out += String(repeating: "─", count: widths.reduce(0, +) + 2 * (widths.count - 1)) + "\n"
            }
        }
        let goal = language.percent(target.description).replacingOccurrences(of: ",00", with: "")
        out += language == .vi
            ? "Mục tiêu: \(goal). * = dưới mục tiêu; trống = không có hồ sơ; — = không có hồ sơ đã giải quyết.\n"
            : "Target: \(goal). * = below target; blank = no dossiers; — = nothing resolved.\n"
        return out
    }
}

extension Period.Span {
    var isQuarter: Bool {
        if case .quarter = self { return true }
        return false
    }
}
