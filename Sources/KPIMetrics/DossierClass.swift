import Ingest

/// Which count columns of the KPI table one dossier falls in for one period: the rules of
/// kpi-rules.md, in one place, so that the table and any listing of the dossiers behind a
/// figure cannot disagree. A set of `CountColumn`s, one bit each.
public struct DossierClass: Hashable, Sendable, ExpressibleByArrayLiteral {
    /// Bit `column.rawValue` set for each column the dossier counts in.
    public private(set) var rawValue: UInt64 = 0

    public init() {}

    public init(arrayLiteral columns: CountColumn...) {
        for column in columns { insert(column) }
    }

    public var isEmpty: Bool { rawValue == 0 }

    public func contains(_ column: CountColumn) -> Bool { rawValue & (1 << UInt64(column.rawValue)) != 0 }

    public mutating func insert(_ column: CountColumn) { rawValue |= 1 << UInt64(column.rawValue) }

    /// The columns, in column order.
    public var columns: [CountColumn] { CountColumn.allCases.filter(contains) }

    /// Classifies `dossier` (its winning occurrence) for the period `bounds`.
    public init(_ dossier: Dossier, in bounds: PeriodBounds) {
        let status = dossier.status
        guard status.isCounted else { return }
        let received = dossier.received
        // A finished status always has a finish moment (rows without one are rejected).
        let finished = status.isFinished ? dossier.finished : nil
        let finishedBeforeStart = finished.map { $0 < bounds.start } ?? false
        let finishedBeforeEnd = finished.map { $0 < bounds.end } ?? false

        if received < bounds.start, !finishedBeforeStart { insert(.carriedOver) }
        if bounds.contains(received) {
            insert(.receivedNew)
            switch dossier.channel {
            case .online: insert(.receivedOnline)
            case .direct: insert(.receivedDirect)
            case .postal: insert(.receivedPostal)
            }
            if dossier.digitisedDossier { insert(.receivedDigitised) }
        }
        if let finished, bounds.contains(finished) {
            insert(.resolved)
            if let due = dossier.due, finished.day < due.day {
                insert(.resolvedEarly)
            } else if let due = dossier.due, finished > due {
                insert(.resolvedLate)
            } else {
                insert(.resolvedOnTime)
            }
            if status.isWithoutResult {
                insert(.resolvedWithoutResult)
            } else if dossier.digitisedResult {
                insert(.resolvedWithDigitalResult)
            }
        }
        if received < bounds.end, !finishedBeforeEnd {
            insert(.pending)
            if let due = dossier.due, due < bounds.end, !status.isWaitingForApplicant {
                insert(.pendingOverdue)
            }
        }
    }
}
