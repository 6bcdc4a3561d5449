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

/// The form for people, built once: its official header (the form's number, the reporting and
/// receiving units), title, period line, the numbered table with its two-row header and the
/// total (rows in Vietnamese alphabetical order), and the signature block.
struct Form06aReport {
    let table: KPITable
    let language: Language
    let period: PeriodWording
    let reportingUnit: String?
    let receivingUnit: String?

    init(table: KPITable, settings: ReportSettings) {
        self.table = table
        language = settings.language
        period = PeriodWording(table, settings.language, provisional: settings.provisional)
        reportingUnit = settings.reportingUnit
        receivingUnit = settings.receivingUnit
    }

    init(table: KPITable, language: Language) {
        self.init(table: table, settings: ReportSettings(period: table.period, language: language))
    }

    var title: String { language[.form06aTitle] }
    var periodLine: String { period.formLine }

    /// What stands in for a unit not given: a dotted line to fill in by hand.
    static let blank = "………………………………"

    /// "Biểu số 06a/VPCP/KSTT", the circular it comes with, the reporting and receiving units.
    var header: [String] {
        [language[.form06aNumberLine], language[.form06aIssued],
         language[.reportingUnit, [.unit: reportingUnit ?? Self.blank]],
         language[.receivingUnit, [.unit: receivingUnit ?? Self.blank]]]
    }

    /// The lines above the table: the provisional mark (if any), the header, the title, the
    /// period and the unit of the figures.
    var heading: [String] {
        (period.provisionalLine.map { [$0] } ?? []) + header + [title, periodLine, language[.form06aMeasure]]
    }

    /// The place and date, then who signs: the preparer and the head of the unit, each with
    /// what their signature carries.
    var signature: (placeAndDate: String, signers: [(role: String, note: String)]) {
        (language[.signaturePlaceDate], [(language[.signaturePreparer], language[.signaturePreparerNote]),
                                         (language[.signatureHead], language[.signatureHeadNote])])
    }

    var form: PeopleTable {
        let columns = [PeopleTable.Column(title: language[.form06aNumber], key: "number"),
                       PeopleTable.Column(title: language[table.grouping == .unit ? .unit : .field], key: "unit", role: .name)]
            + Form06a.columns.map { PeopleTable.Column(title: language[$0.title], key: $0.figure.description,
                                                       group: language[$0.group]) }
        func figures(_ counts: KPICounts) -> [PeopleTable.Cell] {
            Form06a.figures(counts).map { PeopleTable.Cell(value: .count($0)) }
        }
        var rows = table.peopleRows.enumerated().map { index, row in
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
