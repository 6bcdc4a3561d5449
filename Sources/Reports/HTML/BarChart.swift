import KPIMetrics
import Wording

/// A horizontal bar chart of rates, for the page: a row per unit, one bar per series in each (a
/// note where a rate has no value), and a line at the target. The axis runs to 100 %, from 0 or,
/// when every rate and the target lie high, from a little below the lowest (a zoomed axis, said
/// under the title), so that 89 % and 98 % look apart.
struct BarChart {
    struct Series {
        /// Its CSS key (`s-online`), and its name in the legend.
        var key: String
        var title: String
    }

    struct Bar {
        var rate: Percentage?
        var isFlagged = false
        /// What stands in place of a bar that has no rate.
        var note: String
        /// What the bar's end says, when not its rate (the index's points).
        var shown: String?
    }

    struct Row {
        var name: String
        var bars: [Bar]
        var isFlagged = false
    }

    var title: String
    /// One series draws no legend; several do.
    var series: [Series]
    var rows: [Row]
    /// Where the target line stands, in percent, and its label.
    var target: Double
    var targetLabel: String
    var language: Language

    /// Where the axis starts, in percent: a multiple of 5 (of 10 for a wide range) below the
    /// lowest rate or the target, whichever is lower; 0 when that would keep most of the axis.
    var axisStart: Double {
        let lowest = min(rows.flatMap { $0.bars.compactMap { $0.rate?.percentValue } }.min() ?? 0, target)
        var start = (lowest / 5).rounded(.down) * 5 - 5
        if 100 - start > 30 { start = (lowest / 10).rounded(.down) * 10 - 10 }
        return start < 30 ? 0 : start
    }

    /// Said under the title of a zoomed chart: where its axis starts.
    var axisNote: String? {
        let start = axisStart
        return start > 0 ? language[.zoomedAxis, [.start: language.percent(String(Int(start)))]] : nil
    }
}

extension BarChart {
    /// Where things go, in SVG user units.
    struct Geometry {
        static let viewWidth = 1100.0
        static let axisHeight = 26.0
        let labelWidth: Double
        /// The axis's first value, in percent (0, or zoomed).
        let start: Double
        /// Names longer than this are cut, with `…`.
        let maxLabelCharacters: Int
        let seriesCount: Int
        let rowCount: Int

        init(_ chart: BarChart) {
            // About 7.4 units a character at 12 px (bold DejaVu Sans, Vietnamese diacritics):
            // wide enough for most names, cut beyond.
            let longest = Double(chart.rows.map(\.name.count).max() ?? 0)
            labelWidth = min(max(longest * 7.4 + 20, 130), 360)
            maxLabelCharacters = Int((labelWidth - 20) / 7.4)
            seriesCount = chart.series.count
            rowCount = max(chart.rows.count, 1)
            start = chart.axisStart
        }

        /// The grid's values: every quarter of a full axis; every 5 or 10 % of a zoomed one.
        var ticks: [Int] {
            guard start > 0 else { return [0, 25, 50, 75, 100] }
            let step = 100 - start <= 30 ? 5 : 10
            return Array(stride(from: Int(start), through: 100, by: step))
        }

        /// Several series a row: thinner bars, and their legend above the plot.
        var several: Bool { seriesCount > 1 }
        var barHeight: Double { several ? 9 : 16 }
        var rowHeight: Double { 8 + Double(seriesCount) * (barHeight + 2) - 2 }
        /// Space above the rows: the target's label, and the legend when there is one.
        var top: Double { several ? 48 : 24 }
        var height: Double { top + Double(rowCount) * rowHeight + Self.axisHeight }

        var x0: Double { labelWidth }
        /// The right margin leaves room for the values of bars near 100 %.
        var plotWidth: Double { Self.viewWidth - labelWidth - 86 }
        var plotBottom: Double { height - Self.axisHeight }

        func x(_ percent: Double) -> Double { x0 + plotWidth * (min(max(percent, start), 100) - start) / (100 - start) }
        func rowTop(_ index: Int) -> Double { top + Double(index) * rowHeight }
        func barTop(row: Int, series: Int) -> Double { rowTop(row) + 4 + Double(series) * (barHeight + 2) }
        /// Where the text beside a bar sits: its baseline, centred on the bar.
        func textBaseline(barTop: Double) -> Double { barTop + barHeight / 2 + (barHeight > 10 ? 4 : 3.5) }
    }
}

extension Percentage {
    /// The rate in percent as a binary float: for drawing only, never for a figure or a flag.
    var percentValue: Double { Double(numerator) * 100 / Double(denominator) }
}
