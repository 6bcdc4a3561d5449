/// Lines of cells padded to their column's width, counted in characters (so that Vietnamese
/// diacritics do not shift the columns): the layout of every table the text formats print.
struct AlignedText {
    private(set) var widths: [Int]
    let rightAligned: [Bool]
    /// What follows each column but the last.
    let separators: [String]

    /// Widths fit for every line of `lines`.
    init(_ lines: [[String]], rightAligned: [Bool], separators: [String]? = nil) {
        widths = rightAligned.indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        self.rightAligned = rightAligned
        self.separators = separators ?? Array(repeating: "  ", count: max(rightAligned.count - 1, 0))
    }

    /// Width of columns `range` with the separators between them.
    func width(of range: Range<Int>) -> Int {
        widths[range].reduce(0, +) + separators[range.dropLast()].reduce(0) { $0 + $1.count }
    }

    /// The whole line's width.
    var width: Int { width(of: widths.indices) }

    /// A rule under a header or over a total, as wide as the lines.
    var rule: String { String(repeating: "─", count: width) }

    /// Widens the last column of `range` so that `text` fits across the range.
    mutating func fit(_ text: String, across range: Range<Int>) {
        let missing = text.count - width(of: range)
        if missing > 0, let last = range.last { widths[last] += missing }
    }

    /// One line: figures to the right; a text column to the left, the last one unpadded.
    func line(_ cells: [String]) -> String {
        var out = ""
        for (column, cell) in cells.enumerated() {
            let fill = String(repeating: " ", count: max(0, widths[column] - cell.count))
            let last = column == cells.count - 1
            out += rightAligned[column] ? fill + cell : last ? cell : cell + fill
            if !last { out += separators[column] }
        }
        return out
    }

    /// Texts spanning groups of columns, each padded across its range.
    func spanning(_ segments: [(text: String, columns: Range<Int>)]) -> String {
        segments.enumerated().map { index, segment in
            let fill = String(repeating: " ", count: max(0, width(of: segment.columns) - segment.text.count))
            return segment.text + fill + (index < segments.count - 1 ? separators[segment.columns.upperBound - 1] : "")
        }.joined()
    }
}
