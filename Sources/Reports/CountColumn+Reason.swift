import Ingest
import KPIMetrics

extension CountColumn {
    /// Why `d` is in this column for `bounds`, in one English sentence: what `explain --count`
    /// prints beside each dossier.
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
        case .receivedDigitised:
            return "received \(received), in the period, digitised (SoHoaHoSo)"
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
        case .resolvedWithDigitalResult:
            return "finished \(finished) in the period with \(status) and a digital result (SoHoaKetQua)"
        case .pending:
            return "received \(received), before the period ends; not finished before it ends (\(status))"
        case .pendingOverdue:
            return "pending with \(status), due \(due ?? "—"), before the period ends; not waiting for the applicant"
        }
    }
}
