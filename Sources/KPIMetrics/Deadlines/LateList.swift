import Ingest
import WorkingDays

/// The dossiers behind a period's `resolved_late` and `pending_overdue` (kpi-rules.md): each
/// dossier the KPI table counts late, by the same ``DossierClass``, so that each unit's rows
/// equal its two counts by construction.
public struct LateList: Sendable {
    public enum Kind: String, Sendable {
        case resolvedLate = "resolved_late"
        case pendingOverdue = "pending_overdue"
    }

    /// One late dossier, by its index in the dossier table.
    public struct Entry: Sendable {
        public var index: Int
        public var kind: Kind
        /// From the due moment to the finish (resolved) or to the period's end (pending).
        public var late: WorkingTime
    }

    public let bounds: PeriodBounds
    /// In dossier-table order.
    public let entries: [Entry]

    public init(dossiers: [Dossier], bounds: PeriodBounds, rules: DeadlineRules) {
        self.bounds = bounds
        var entries: [Entry] = []
        for (index, dossier) in dossiers.enumerated() {
            let c = DossierClass(dossier, in: bounds)
            guard let due = dossier.due else { continue }
            if c.contains(.resolvedLate), let finished = dossier.finished {
                entries.append(Entry(index: index, kind: .resolvedLate, late: rules.workingTime(from: due, to: finished)))
            } else if c.contains(.pendingOverdue) {
                entries.append(Entry(index: index, kind: .pendingOverdue, late: rules.workingTime(from: due, to: bounds.end)))
            }
        }
        self.entries = entries
    }

    /// Where each listed dossier's winning occurrence is: what the command reads names from.
    public func sources(in dossiers: [Dossier]) -> Set<SourceLine> { Set(entries.map { dossiers[$0.index].source }) }

    /// One line of the list, every label resolved.
    public struct Row: Sendable {
        public var unit: String
        public var procedureCode: String
        public var procedureName: String
        public var code: String
        public var kind: Kind
        public var received: LocalMoment
        public var due: LocalMoment
        /// Empty for a pending dossier.
        public var finished: LocalMoment?
        public var late: WorkingTime
        /// NgayXinLoi of the winning occurrence (a day), if its file has one.
        public var apology: LocalMoment?
    }

    /// The rows, sorted by unit, procedure code, received, then code (code points).
    public func rows(_ labels: DossierLabels) -> [Row] {
        let dossiers = labels.table.dossiers
        return entries.map { entry in
            let d = dossiers[entry.index]
            return Row(unit: labels.unit(d), procedureCode: labels.procedureCode(d), procedureName: labels.procedureName(d),
                       code: labels.code(entry.index), kind: entry.kind, received: d.received, due: d.due ?? d.received,
                       finished: entry.kind == .resolvedLate ? d.finished : nil, late: entry.late,
                       apology: d.service.knows(.apology) ? d.service.apology : nil)
        }
        .sorted { a, b in
            if a.unit != b.unit { return codePointsPrecede(a.unit, b.unit) }
            if a.procedureCode != b.procedureCode { return codePointsPrecede(a.procedureCode, b.procedureCode) }
            if a.received != b.received { return a.received < b.received }
            return codePointsPrecede(a.code, b.code)
        }
    }
}
