import Wording

extension PeopleTable {
    /// The table as an HTML table: its header (two rows when columns are grouped), the rows,
    /// the total in the footer. A row or a cell below target has the class `below` and a ⚠;
    /// every row and figure carries its machine key (`data-unit`, `data-col`).
    func html(_ language: Language, class name: String) -> Node {
        let rows = self.rows.map { row($0, language) }
        return .el("table", ["class": name], [
            .el("thead", header),
            .el("tbody", zip(self.rows, rows).filter { !$0.0.isTotal }.map(\.1)),
            .el("tfoot", zip(self.rows, rows).filter { $0.0.isTotal }.map(\.1)),
        ])
    }

    private var header: [Node] {
        func title(_ column: Column, rows: Int) -> Node {
            .el("th", ["rowspan": rows > 1 ? String(rows) : nil, "class": column.role == .figure ? "num" : "unit",
                       "data-col": column.role == .figure ? column.key : nil], text: column.title)
        }
        guard hasGroups else { return [.el("tr", columns.map { title($0, rows: 1) })] }
        let top = spans.map { span -> Node in
            guard let group = span.title else { return title(columns[span.columns.lowerBound], rows: 2) }
            return .el("th", ["colspan": String(span.columns.count), "class": "group"], text: group)
        }
        return [.el("tr", top), .el("tr", columns.filter { $0.group != nil }.map { title($0, rows: 1) })]
    }

    private func row(_ row: Row, _ language: Language) -> Node {
        let cells = zip(columns, row.cells).map { column, cell -> Node in
            let text = cell.value.text(language, empty: "")
            if column.role == .name {
                return .el("th", ["scope": "row", "class": "unit"],
                           row.isFlagged ? [HTMLPage.flag(language), .text(" " + text)] : [.text(text)])
            }
            let classes = Node.classes(column.role == .figure ? "num" : nil, cell.value.isRate ? "rate" : nil,
                                       row.isFlagged && column.decidesFlag ? "miss" : nil, cell.isFlagged ? "below" : nil,
                                       text.isEmpty || text == "—" ? "none" : nil)
            return .el("td", ["class": classes, "data-col": column.key],
                       cell.isFlagged ? [HTMLPage.flag(language), .text(" " + text)] : [.text(text)])
        }
        return .el("tr", ["class": Node.classes(row.isTotal || row.isSubtotal ? "total" : nil,
                                                row.isSubtotal ? "subtotal" : nil, row.isFlagged ? "below" : nil),
                          "data-unit": row.key], cells)
    }
}
