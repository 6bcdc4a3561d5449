import KPIMetrics
import Wording

/// The people's KPI table, built once from a computed table: the period worded, each row's
/// label, figures and flag, and the sentences around them. The table, Markdown, the page and
/// the workbook each show a view of it.
struct KPIReport {
    /// Which columns a format shows, and under which titles.
    enum View {
        /// The table and Markdown: the counts people look at first, and the rates.
        case summary
        /// The page: every count and rate, under group titles.
        case page
        /// The workbook: the csv's columns, period and flag included.
        case sheet
    }

    let table: KPITable
    let language: Language
    let period: PeriodWording

    init(_ table: KPITable, _ language: Language) {
        self.table = table
        self.language = language
        period = PeriodWording(table, language)
    }

    var title: String { language[.reportTitle] }

    /// The title of the rows' names: unit or field.
    var rowTitle: String { language[table.grouping == .unit ? .unit : .field] }

    /// A row's name as people read it.
    func label(_ label: KPITable.Label) -> String {
        switch label {
        case .named(let name): return name
        case .noField: return language[.noField]
        case .total: return language[.total]
        }
    }

    /// The names of the rows below target, in table order.
    var flagged: [String] { table.flaggedRows.map { label($0.label) } }

    /// "Đơn vị dưới mục tiêu (2): A; B", or that none is; `names` as the format writes them.
    func belowLine(_ names: [String]) -> String {
        names.isEmpty ? language[.noUnitBelow]
            : language[.unitsBelow, [.count: String(names.count), .list: names.joined(separator: "; ")]]
    }

    /// The period sentence, then what `mark` (the format's sign for "below target") means.
    func legend(mark: String) -> String {
        period.sentence + " " + language[.marksBelowTarget, [.mark: mark]]
    }

    func table(_ view: View) -> PeopleTable {
        let shown = KPIColumn.published.compactMap { column -> (KPIColumn, PeopleTable.Column)? in
            let wording = column.wording
            let title: Phrase?, group: Phrase?
            switch view {
            case .summary: (title, group) = (wording.short, nil)
            case .page: (title, group) = (wording.page, wording.group)
            case .sheet: (title, group) = (wording.sheet, nil)
            }
            guard let title else { return nil }
            return (column, PeopleTable.Column(title: language[title], key: column.name, group: group.map { language[$0] },
                                               decidesFlag: column == .rate(.onTime)))
        }
        var columns = [PeopleTable.Column(title: rowTitle, key: "unit", role: .name)] + shown.map(\.1)
        if view == .sheet { columns.insert(PeopleTable.Column(title: language[.period], key: "period", role: .text), at: 0) }
        let rows = table.allRows.map { row in
            let name = label(row.label)
            var cells = [PeopleTable.Cell(value: .text(name))]
            if view == .sheet { cells.insert(PeopleTable.Cell(value: .text(table.period.description)), at: 0) }
            for (column, _) in shown {
                switch row.counts.value(column, target: table.target) {
                case .count(let n): cells.append(PeopleTable.Cell(value: .count(n)))
                case .rate(let rate): cells.append(PeopleTable.Cell(value: .rate(rate)))
                case .flag(let flag): cells.append(PeopleTable.Cell(value: .flag(flag)))
                }
            }
            return PeopleTable.Row(key: row.label == .total ? "TOTAL" : name, cells: cells, isTotal: row.label == .total,
                                   isFlagged: row.counts.isBelow(table.target) == true)
        }
        return PeopleTable(columns: columns, rows: rows, flagsRows: true)
    }
}
