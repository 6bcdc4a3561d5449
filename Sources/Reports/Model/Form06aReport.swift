import KPIMetrics
import Wording

/// Biểu 06a of Thông tư 01/2020/TT-VPCP: "Tình hình, kết quả giải quyết TTHC tại cơ quan, đơn
/// vị trực tiếp giải quyết TTHC". Its figure columns are sums of the KPI table's counts, so that
/// the form and the table can never disagree.
enum Form06a {
    /// One figure column of the form: its group, its title, and what it adds up.
    struct Column {
        let group: Phrase
        let title: Phrase
        let figure: CountSum
    }

    /// Columns 3 to 13 of the form, in order.
    static let columns = [
        Column(group: .form06aToResolve, title: .groupTotal, figure: CountSum(.carriedOver, .receivedNew)),
        Column(group: .form06aToResolve, title: .form06aCarriedOver, figure: CountSum(.carriedOver)),
        Column(group: .form06aToResolve, title: .form06aOnline, figure: CountSum(.receivedOnline)),
        Column(group: .form06aToResolve, title: .form06aDirectAndPostal, figure: CountSum(.receivedDirect, .receivedPostal)),
        Column(group: .form06aResolved, title: .groupTotal, figure: CountSum(.resolved)),
        Column(group: .form06aResolved, title: .form06aEarly, figure: CountSum(.resolvedEarly)),
        Column(group: .form06aResolved, title: .form06aOnTime, figure: CountSum(.resolvedOnTime)),
        Column(group: .form06aResolved, title: .form06aLate, figure: CountSum(.resolvedLate)),
        Column(group: .form06aPending, title: .groupTotal, figure: CountSum(.pending)),
        Column(group: .form06aPending, title: .form06aNotYetDue, figure: CountSum(.pending, minus: .pendingOverdue)),
        Column(group: .form06aPending, title: .overdue, figure: CountSum(.pendingOverdue)),
    ]

    /// The figures of one row, columns 3 to 13.
    static func figures(_ counts: KPICounts) -> [Int] { columns.map { counts[$0.figure] } }
}

/// The form for people, built once: its title, period line, and the numbered table with its
/// two-row header and the total.
struct Form06aReport {
    let table: KPITable
    let language: Language

    var title: String { language[.form06aTitle] }
    var periodLine: String { PeriodWording(table, language).formLine }

    var form: PeopleTable {
        let columns = [PeopleTable.Column(title: language[.form06aNumber], key: "number"),
                       PeopleTable.Column(title: language[table.grouping == .unit ? .unit : .field], key: "unit", role: .name)]
            + Form06a.columns.map { PeopleTable.Column(title: language[$0.title], key: $0.figure.description,
                                                       group: language[$0.group]) }
        func figures(_ counts: KPICounts) -> [PeopleTable.Cell] {
            Form06a.figures(counts).map { PeopleTable.Cell(value: .count($0)) }
        }
        var rows = table.rows.enumerated().map { index, row in
            let name = row.name ?? language[.noField]
            return PeopleTable.Row(key: name, cells: [PeopleTable.Cell(value: .ordinal(index + 1)),
                                                      PeopleTable.Cell(value: .text(name))] + figures(row.counts))
        }
        rows.append(PeopleTable.Row(key: "TOTAL", cells: [PeopleTable.Cell(value: .empty),
                                                          PeopleTable.Cell(value: .text(language[.form06aTotal]))]
                                        + figures(table.total), isTotal: true))
        return PeopleTable(columns: columns, rows: rows, numbered: true)
    }
}
