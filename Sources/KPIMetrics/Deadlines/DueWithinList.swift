import Ingest
import WorkingDays

/// The clerk's morning list: the pending dossiers (status 2, 4, 5 or 6, received at or before
/// the moment) that fall due from `asOf` up to the deadline `days` working days after it.
public struct DueWithinList: Sendable {
    public struct Entry: Sendable {
        public var index: Int
        /// From `asOf` to the due moment.
        public var left: WorkingTime
    }

    public let asOf: LocalMoment
    public let days: Int
    public let entries: [Entry]

    public init(dossiers: [Dossier], asOf: LocalMoment, days: Int, rules: DeadlineRules) {
        self.asOf = asOf
        self.days = days
        // Nil past the calendar's last year: every due moment from `asOf` on is within so many
        // days (a larger count never lists fewer dossiers).
        let limit = rules.calendar.deadline(received: asOf, limit: days)
        var entries: [Entry] = []
        for (index, dossier) in dossiers.enumerated() {
            guard Self.isPending(dossier.status), dossier.received <= asOf, let due = dossier.due,
                  due >= asOf, limit.map({ due <= $0 }) ?? true else { continue }
            entries.append(Entry(index: index, left: rules.workingTime(from: asOf, to: due)))
        }
        self.entries = entries
    }

    static func isPending(_ status: Status) -> Bool {
        switch status {
        case .accepted, .processing, .awaitingSupplement, .awaitingFinancialObligation: return true
        default: return false
        }
    }

    public func sources(in dossiers: [Dossier]) -> Set<SourceLine> { Set(entries.map { dossiers[$0.index].source }) }

    public struct Row: Sendable {
        public var unit: String
        public var procedureCode: String
        public var procedureName: String
        public var code: String
        public var received: LocalMoment
        public var due: LocalMoment
        public var left: WorkingTime
    }

    /// The rows, sorted by due moment, then unit, then code.
    public func rows(_ labels: DossierLabels) -> [Row] {
        let dossiers = labels.table.dossiers
        return entries.map { entry in
            let d = dossiers[entry.index]
            return Row(unit: labels.unit(d), procedureCode: labels.procedureCode(d), procedureName: labels.procedureName(d),
                       code: labels.code(entry.index), received: d.received, due: d.due ?? d.received, left: entry.left)
        }
        .sorted { a, b in
            if a.due != b.due { return a.due < b.due }
            if a.unit != b.unit { return codePointsPrecede(a.unit, b.unit) }
            return codePointsPrecede(a.code, b.code)
        }
    }
}
