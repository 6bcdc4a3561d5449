import Ingest
import Metrics

/// The count columns of the KPI table, by their machine names: what `explain --count` lists
/// the dossiers of.
public enum CountColumn: String, CaseIterable, Sendable {
    case carriedOver = "carried_over"
    case receivedNew = "received_new"
    case receivedOnline = "received_online"
    case receivedDirect = "received_direct"
    case receivedPostal = "received_postal"
    case resolved
    case resolvedEarly = "resolved_early"
    case resolvedOnTime = "resolved_on_time"
    case resolvedLate = "resolved_late"
    case resolvedWithoutResult = "resolved_without_result"
    case pending
    case pendingOverdue = "pending_overdue"

    /// The class of dossiers this column counts: the same rule the table is summed from.
    public var dossierClass: DossierClass {
        switch self {
        case .carriedOver: return .carriedOver
        case .receivedNew: return .receivedNew
        case .receivedOnline: return .receivedOnline
        case .receivedDirect: return .receivedDirect
        case .receivedPostal: return .receivedPostal
        case .resolved: return .resolved
        case .resolvedEarly: return .resolvedEarly
        case .resolvedOnTime: return .resolvedOnTime
        case .resolvedLate: return .resolvedLate
        case .resolvedWithoutResult: return .resolvedWithoutResult
        case .pending: return .pending
        case .pendingOverdue: return .pendingOverdue
        }
    }

    /// The column's value in a row of the table.
    public func count(in counts: KPICounts) -> Int {
        switch self {
        case .carriedOver: return counts.carriedOver
        case .receivedNew: return counts.receivedNew
        case .receivedOnline: return counts.receivedOnline
        case .receivedDirect: return counts.receivedDirect
        case .receivedPostal: return counts.receivedPostal
        case .resolved: return counts.resolved
        case .resolvedEarly: return counts.resolvedEarly
        case .resolvedOnTime: return counts.resolvedOnTime
        case .resolvedLate: return counts.resolvedLate
        case .resolvedWithoutResult: return counts.resolvedWithoutResult
        case .pending: return counts.pending
        case .pendingOverdue: return counts.pendingOverdue
        }
    }

    /// Why `dossier` is in this column for `bounds`, in one English sentence.
    public func reason(for d: Dossier, in bounds: PeriodBounds) -> String {
        let received = d.received.description
        let finished = d.finished?.description ?? "—"
        let due = d.due?.description
        let status = "status \(d.status.rawValue)"
        switch self {
        case .carriedOver:
            return "received \(received), before the period; not finished before it starts"
        case .receivedNew:
            return "received \(received), in the period"
        case .receivedOnline, .receivedDirect, .receivedPostal:
            return "received \(received), in the period, channel \(d.channel.rawValue) (\(d.channel))"
        case .resolved:
            return "finished \(finished) (\(status)), in the period"
        case .resolvedEarly:
            return "finished \(finished), a calendar day before the due day \(due ?? "—")"
        case .resolvedOnTime:
            return due.map { "finished \(finished), not after the due moment \($0), not a day early" }
                ?? "finished \(finished); no deadline, so on time"
        case .resolvedLate:
            return "finished \(finished), after the due moment \(due ?? "—")"
        case .resolvedWithoutResult:
            return "finished \(finished) in the period with \(status) (\(d.status == .withdrawn ? "withdrawn" : "stopped"))"
        case .pending:
            return "received \(received), before the period ends; not finished before it ends (\(status))"
        case .pendingOverdue:
            return "pending with \(status), due \(due ?? "—"), before the period ends; not waiting for the applicant"
        }
    }
}
