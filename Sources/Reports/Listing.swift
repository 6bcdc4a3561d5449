/// Rows for people or machines: `--format csv` (RFC 4180) or an aligned table.
public struct Listing: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    public func csv() -> String {
        ([header] + rows).map(CSVText.line).joined()
    }

    /// Columns padded to the widest cell, counted in characters (diacritics included).
    public func text() -> String {
        let all = [header] + rows
        let layout = AlignedText(all, rightAligned: header.map { _ in false })
        return all.map { layout.line($0) + "\n" }.joined()
    }
}
