import Ingest
import KPIMetrics
import Wording

/// The lists of issue 13, each column defined once here: the csv header is its keys (the
/// machine forms of Fixtures/README.md), the people's formats its titles.
extension DossierListing {
    typealias C = Column

    static let lateColumns = [
        C(key: "unit", title: .unit, role: .name), C(key: "procedure_code", title: .columnProcedureCode),
        C(key: "procedure_name", title: .columnProcedureName), C(key: "code", title: .columnDossierCode),
        C(key: "kind", title: .columnKind), C(key: "received", title: .columnReceived), C(key: "due", title: .columnDue),
        C(key: "finished", title: .columnFinished), C(key: "working_days_late", title: .columnWorkingDaysLate, role: .figure),
        C(key: "apology", title: .columnApology),
    ]

    static let dueWithinColumns = [
        C(key: "unit", title: .unit, role: .name), C(key: "procedure_code", title: .columnProcedureCode),
        C(key: "procedure_name", title: .columnProcedureName), C(key: "code", title: .columnDossierCode),
        C(key: "received", title: .columnReceived), C(key: "due", title: .columnDue),
        C(key: "working_days_left", title: .columnWorkingDaysLeft, role: .figure),
    ]

    static let resolutionColumns = [
        C(key: "period", title: .period), C(key: "unit", title: .unit, role: .name),
        C(key: "procedure_code", title: .columnProcedureCode), C(key: "procedure_name", title: .columnProcedureName),
        C(key: "dossiers", title: .columnDossiers, role: .figure),
        C(key: "working_days_total", title: .columnWorkingDaysTotal, role: .figure),
        C(key: "average_working_days", title: .columnAverageWorkingDays, role: .figure),
    ]

    static let auditColumns = [
        C(key: "unit", title: .unit, role: .name), C(key: "procedure_code", title: .columnProcedureCode),
        C(key: "code", title: .columnDossierCode), C(key: "received", title: .columnReceived), C(key: "due", title: .columnDue),
        C(key: "allowed_due", title: .columnAllowedDue), C(key: "working_days_beyond", title: .columnWorkingDaysBeyond, role: .figure),
        C(key: "finding", title: .columnFinding),
    ]

    static func periodLine(_ period: Period, _ basis: PeriodBasis, _ language: Language) -> (title: String, dates: String) {
        let wording = PeriodWording(period, basis: basis, target: .onTimeDefault, language)
        return (wording.period, wording.dates)
    }

    /// `motcua late --period P`: every dossier resolved late in the period or pending and overdue
    /// at its end; `provisional` when the data does not reach that end (the list then counts
    /// as the provisional KPI table does, and says so in its heading).
    public static func late(_ rows: [LateList.Row], period: Period, basis: PeriodBasis, language: Language,
                            notes: [String] = [], provisional: Bool = false) -> DossierListing {
        let line = periodLine(period, basis, language)
        var listing = DossierListing(title: .lateTitle, columns: lateColumns, rows: rows.map { row in
            Row(values: [.text(row.unit), .text(row.procedureCode), .text(row.procedureName), .text(row.code),
                         .word(row.kind.rawValue, row.kind == .resolvedLate ? .kindResolvedLate : .kindPendingOverdue),
                         .moment(row.received), .moment(row.due), .moment(row.finished), .days(row.late.hundredths),
                         .day(row.apology)])
        }, notes: [line.dates, language[.workingDaysNote]] + notes, subtitle: line.title)
        listing.provisional = provisional
        return listing
    }

    /// `motcua late --due-within N --as-of DATE`: the clerk's morning list.
    public static func dueWithin(_ rows: [DueWithinList.Row], asOf: LocalMoment, days: Int, language: Language,
                                 notes: [String] = []) -> DossierListing {
        DossierListing(title: .dueWithinTitle, columns: dueWithinColumns, rows: rows.map { row in
            Row(values: [.text(row.unit), .text(row.procedureCode), .text(row.procedureName), .text(row.code),
                         .moment(row.received), .moment(row.due), .days(row.left.hundredths)])
        }, notes: [language[.workingDaysNote]] + notes,
           subtitle: language[.dueWithinSubtitle, [.moment: String(asOf.description.prefix(16)), .days: String(days)]])
    }

    /// `report --table resolution`: per unit and procedure, the unit's total, then the total
    /// per procedure and overall.
    public static func resolution(_ table: ResolutionTable, language: Language, forPeople: Bool) -> DossierListing {
        let line = periodLine(table.period, table.basis, language)
        return DossierListing(title: .resolutionTitle, columns: resolutionColumns, rows: table.rows.map { row in
            let code: Value
            switch row.procedure {
            case .code(let text): code = .text(text)
            case .none: code = forPeople ? .text(language[.noProcedure]) : .text("")
            case .total: code = forPeople ? .text(language[.total]) : .text("TOTAL")
            }
            return Row(values: [.text(table.period.description), .text(row.unit ?? (forPeople ? language[.total] : "TOTAL")), code,
                                .text(row.name), .count(row.dossiers), .days(row.time.hundredths), .days(row.averageHundredths)],
                       isTotal: row.unit == nil && row.procedure == .total)
        }, notes: [line.dates, language[.workingDaysNote]], subtitle: line.title)
    }

    /// `motcua deadlines`: the deadline audit.
    public static func audit(_ audit: DeadlineAudit, period: Period, basis: PeriodBasis, catalogue: (name: String, sha256: String),
                             language: Language) -> DossierListing {
        let line = periodLine(period, basis, language)
        return DossierListing(title: .auditTitle, columns: auditColumns, rows: audit.rows.map { row in
            Row(values: [.text(row.unit), .text(row.procedureCode), .text(row.code), .moment(row.received), .moment(row.due),
                         .moment(row.allowedDue), .days(row.beyond?.hundredths),
                         .word(row.finding.rawValue, row.finding == .laterThanAllowed ? .findingLaterThanAllowed : .findingMissingDue)])
        }, notes: [line.dates, language[.workingDaysNote], language[.catalogueUsed, [.file: catalogue.name, .hash: String(catalogue.sha256.prefix(12))]]],
           subtitle: line.title)
    }
}
