import KPIMetrics
import Wording

/// A table as people read it, in whatever format: titled columns (some under a group title),
/// rows of typed cells, rows or cells below target flagged, the total row last. Built once by a
/// report's model; the aligned text, Markdown, HTML and xlsx renderers only lay it out.
struct PeopleTable {
    struct Column {
        enum Role {
            /// The row's name: left-aligned, the row header.
            case name
            /// Other words: left-aligned.
            case text
            /// Figures: right-aligned.
            case figure
        }

        var title: String
        /// The machine name (a csv column, a period): what html and an English sheet key it by.
        var key: String
        var role: Role = .figure
        /// The title over this column and its neighbours of the same group, if any.
        var group: String?
        /// The column the row's flag is about (the on-time rate): the page marks its cell.
        var decidesFlag = false
    }

    enum Value {
        case text(String)
        /// A row number (form 06a's STT).
        case ordinal(Int)
        case count(Int)
        /// A rate, or none when nothing could be rated.
        case rate(Percentage?)
        case flag(Bool?)
        /// A change in hundredths of a percentage point, or none when either rate has no value.
        case change(Int?)
        /// Index points in hundredths, or none when the indicator has no value.
        case points(Int?)
        /// No value at all (a unit without dossiers in a sub-period).
        case empty
    }

    struct Cell {
        var value: Value
        var isFlagged = false
    }

    struct Row {
        /// What machines key the row by: a unit's name, or `TOTAL`.
        var key: String
        var cells: [Cell]
        var isTotal = false
        /// A subtotal of a roll-up (`--by parent`): shown like the total, where it stands.
        var isSubtotal = false
        /// Below target (a row of the KPI table).
        var isFlagged = false
    }

    var columns: [Column]
    var rows: [Row]
    /// Rows carry the flags (the KPI table); else cells do (the breakdown).
    var flagsRows = false
    /// A missing rate reads `—` even where blanks are left empty (blank already means "no dossiers").
    var marksMissingRates = false
    /// Columns numbered (1), (2)… under their titles, as official forms are.
    var numbered = false

    /// Consecutive columns under one title, or a column with none: how a two-row header spans.
    struct Span {
        var title: String?
        var columns: Range<Int>
    }

    /// True when a second header row of group titles is needed.
    var hasGroups: Bool { columns.contains { $0.group != nil } }

    var spans: [Span] {
        var spans: [Span] = []
        for (index, column) in columns.enumerated() {
            if let group = column.group, let last = spans.last, last.title == group, last.columns.upperBound == index {
                spans[spans.count - 1].columns = last.columns.lowerBound..<(index + 1)
            } else {
                spans.append(Span(title: column.group, columns: index..<(index + 1)))
            }
        }
        return spans
    }
}

extension PeopleTable.Value {
    /// The value as text for people (`1.200`, `66,67 %`, `—`); `empty` stands for a cell
    /// without any value, which formats show differently.
    func text(_ language: Language, empty: String) -> String {
        switch self {
        case .text(let text): return text
        case .ordinal(let n): return String(n)
        case .count(let n): return language.count(n)
        case .rate(let rate): return language.percent(rate?.formatted)
        case .flag(let flag): return flag.map { $0 ? "✓" : "" } ?? ""
        case .change(let points): return language.points(points)
        case .points(let hundredths): return language.decimal(hundredths)
        case .empty: return empty
        }
    }

    var isRate: Bool {
        switch self {
        case .rate, .change, .points: return true
        default: return false
        }
    }
}
