import Ingest
import WorkingDays

/// The deadline audit (catalogue.md): over the dossiers received in the period whose procedure
/// the catalogue gives a time limit, those due later than the limit allows (by how much working
/// time) and those without a due date. NgayHenTra as exported: `--fill-deadlines` plays no part.
public struct DeadlineAudit: Sendable {
    public enum Finding: String, Sendable {
        case laterThanAllowed = "later_than_allowed"
        case missingDue = "missing_due"
    }

    public struct Row: Sendable {
        public var unit: String
        public var procedureCode: String
        public var code: String
        public var received: LocalMoment
        /// NgayHenTra; nil for `missing_due`.
        public var due: LocalMoment?
        /// The deadline the catalogue allows; nil when it falls past the calendar's last year
        /// (a limit of thousands of days): a missing due date is listed all the same.
        public var allowedDue: LocalMoment?
        /// From the allowed deadline to the due one; nil for `missing_due`.
        public var beyond: WorkingTime?
        public var finding: Finding
    }

    /// Sorted by unit, then code (code points).
    public let rows: [Row]

    public init(dossiers: [Dossier], bounds: PeriodBounds, rules: DeadlineRules, labels: DossierLabels) {
        var rows: [Row] = []
        for (index, d) in dossiers.enumerated() {
            guard d.status.isCounted, bounds.contains(d.received), rules.limit(of: d.procedure) != nil else { continue }
            let allowed = rules.allowedDue(d)
            let base = Row(unit: labels.unit(d), procedureCode: labels.procedureCode(d), code: labels.code(index),
                           received: d.received, due: d.due, allowedDue: allowed, beyond: nil, finding: .missingDue)
            if let due = d.due {
                // A deadline past the calendar is later than any due date an export can give it.
                guard let allowed, due > allowed else { continue }
                var row = base
                row.beyond = rules.workingTime(from: allowed, to: due)
                row.finding = .laterThanAllowed
                rows.append(row)
            } else {
                rows.append(base)
            }
        }
        self.rows = rows.sorted { a, b in
            a.unit != b.unit ? codePointsPrecede(a.unit, b.unit) : codePointsPrecede(a.code, b.code)
        }
    }
}
