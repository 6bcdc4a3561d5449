import KPIMetrics
import Wording

/// The people's KPI table, built once from a computed table: the period worded, each row's
/// label, figures and flag, the on-time rate of the period compared with, and the sentences
/// around them. Rows in Vietnamese alphabetical order. The table, Markdown, the page and the
/// workbook each show a view of it.
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
    /// The same table of the period compared with, and which comparison it is.
    let previous: KPITable?
    let comparison: Comparison
    /// The on-time rate of each row of `previous`, the total's included, by label.
    let previousRates: [KPITable.Label: Percentage]
    /// The rows in Vietnamese alphabetical order (dossiers without a field after the named
    /// rows); rolled up, each parent's units then its subtotal, or the roll-up rows then the
    /// units outside them.
    let rows: [KPITable.Row]
    /// The labels of the subtotal rows (`--by parent`).
    let subtotals: Set<KPITable.Label>
    /// How the rows are rolled up, in a sentence; nil when they are not.
    let rollUpLine: String?
    /// Each unit below target and its late dossiers by procedure, most first (worded by
    /// ``Report``); empty when no unit is below target.
    var lateByProcedure: [(unit: String, procedures: String)] = []

    init(_ table: KPITable, _ settings: ReportSettings, previous: KPITable?) {
        self.table = table
        language = settings.language
        period = PeriodWording(table, settings.language, provisional: settings.provisional)
        self.previous = previous
        comparison = settings.comparison ?? .previous
        (rows, subtotals) = Self.rows(table, settings)
        var rates: [KPITable.Label: Percentage] = [:]
        for row in previous.map({ Self.rows($0, settings).rows + [KPITable.Row(label: .total, counts: $0.total)] }) ?? [] {
            rates[row.label] = row.counts.onTimeRate
        }
        previousRates = rates
        rollUpLine = settings.rollUpLine
    }

    /// The rows people read, by unit or rolled up, and which are subtotals.
    private static func rows(_ table: KPITable, _ settings: ReportSettings) -> (rows: [KPITable.Row], subtotals: Set<KPITable.Label>) {
        guard let rolled = settings.peopleRows(table.unitRows) else { return (table.peopleRows, []) }
        return (rolled.rows.map { KPITable.Row(label: $0.label, counts: $0.counts) }, rolled.subtotals)
    }

    /// A report of `table` alone, in `language`: no comparison, final.
    init(_ table: KPITable, _ language: Language) {
        var settings = ReportSettings(period: table.period, language: language)
        settings.comparison = nil
        self.init(table, settings, previous: nil)
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

    /// The rows that are not subtotals: what the charts show and the flags list.
    var unitRows: [KPITable.Row] { subtotals.isEmpty ? rows : rows.filter { !subtotals.contains($0.label) } }

    /// The names of the rows below target, in the people's order (subtotals are not listed).
    var flagged: [String] { unitRows.filter { $0.counts.isBelow(table.target) == true }.map { label($0.label) } }

    /// "Đơn vị dưới mục tiêu (2): A; B", or that none is; `names` as the format writes them.
    func belowLine(_ names: [String]) -> String {
        names.isEmpty ? language[.noUnitBelow]
            : language[.unitsBelow, [.count: String(names.count), .list: names.joined(separator: "; ")]]
    }

    /// The period sentence, then what `mark` (the format's sign for "below target") means, then
    /// the period compared with.
    func legend(mark: String) -> String {
        period.sentence + " " + language[.marksBelowTarget, [.mark: mark]] + (comparisonLine.map { " " + $0 } ?? "")
            + (rollUpLine.map { " " + $0 } ?? "")
    }

    func table(_ view: View) -> PeopleTable {
        var columns = [PeopleTable.Column(title: rowTitle, key: "unit", role: .name)]
        var values: [(KPITable.Row) -> PeopleTable.Cell] = [{ PeopleTable.Cell(value: .text(label($0.label))) }]
        if view == .sheet {
            columns.insert(PeopleTable.Column(title: language[.period], key: "period", role: .text), at: 0)
            values.insert({ _ in PeopleTable.Cell(value: .text(table.period.description)) }, at: 0)
        }
        for column in KPIColumn.published {
            let wording = column.wording
            let title: Phrase?, group: Phrase?
            switch view {
            case .summary: (title, group) = (wording.short, nil)
            case .page: (title, group) = (wording.page, wording.group)
            case .sheet: (title, group) = (wording.sheet, nil)
            }
            guard let title else { continue }
            columns.append(PeopleTable.Column(title: language[title], key: column.name, group: group.map { language[$0] },
                                              decidesFlag: column == .rate(.onTime)))
            values.append { PeopleTable.Cell(value: PeopleTable.Value($0.counts.value(column, target: table.target))) }
            if column == .rate(.onTime), previous != nil {
                for comparing in comparisonColumns(view, group: group) {
                    columns.append(comparing.column)
                    values.append(comparing.value)
                }
            }
        }
        let rows = (self.rows + [KPITable.Row(label: .total, counts: table.total)]).map { row in
            PeopleTable.Row(key: row.label == .total ? "TOTAL" : label(row.label), cells: values.map { $0(row) },
                            isTotal: row.label == .total, isSubtotal: subtotals.contains(row.label),
                            isFlagged: !subtotals.contains(row.label) && row.counts.isBelow(table.target) == true)
        }
        return PeopleTable(columns: columns, rows: rows, flagsRows: true)
    }
}

extension PeopleTable.Value {
    init(_ value: KPIValue) {
        switch value {
        case .count(let n): self = .count(n)
        case .rate(let rate): self = .rate(rate)
        case .flag(let flag): self = .flag(flag)
        }
    }
}
