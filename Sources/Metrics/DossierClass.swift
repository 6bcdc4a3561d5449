import Ingest

/// Which columns of the KPI table one dossier falls in for one period: the rules of
/// kpi-rules.md, in one place, so that the table and any listing of the dossiers behind a
/// figure cannot disagree.
public struct DossierClass: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let carriedOver = Self(rawValue: 1 << 0)
    public static let receivedNew = Self(rawValue: 1 << 1)
    public static let receivedOnline = Self(rawValue: 1 << 2)
    public static let receivedDirect = Self(rawValue: 1 << 3)
    public static let receivedPostal = Self(rawValue: 1 << 4)
    public static let resolved = Self(rawValue: 1 << 5)
    public static let resolvedEarly = Self(rawValue: 1 << 6)
    public static let resolvedOnTime = Self(rawValue: 1 << 7)
    public static let resolvedLate = Self(rawValue: 1 << 8)
    public static let resolvedWithoutResult = Self(rawValue: 1 << 9)
    public static let pending = Self(rawValue: 1 << 10)
    public static let pendingOverdue = Self(rawValue: 1 << 11)
    public static let receivedDigitised = Self(rawValue: 1 << 12)
    public static let resolvedWithDigitalResult = Self(rawValue: 1 << 13)

    /// Classifies `dossier` (its winning occurrence) for the period `bounds`.
    public init(_ dossier: Dossier, in bounds: PeriodBounds) {
        var c: DossierClass = []
        let status = dossier.status
        guard status.isCounted else {
            self = c
            return
        }
        let received = dossier.received
        // A finished status always has a finish moment (rows without one are rejected).
        let finished = status.isFinished ? dossier.finished : nil
        let finishedBeforeStart = finished.map { $0 < bounds.start } ?? false
        let finishedBeforeEnd = finished.map { $0 < bounds.end } ?? false

        if received < bounds.start, !finishedBeforeStart { c.insert(.carriedOver) }
        if bounds.contains(received) {
            c.insert(.receivedNew)
            switch dossier.channel {
            case .online: c.insert(.receivedOnline)
            case .direct: c.insert(.receivedDirect)
            case .postal: c.insert(.receivedPostal)
            }
            if dossier.digitisedDossier { c.insert(.receivedDigitised) }
        }
        if let finished, bounds.contains(finished) {
            c.insert(.resolved)
            if let due = dossier.due, finished.day < due.day {
                c.insert(.resolvedEarly)
            } else if let due = dossier.due, finished > due {
                c.insert(.resolvedLate)
            } else {
                c.insert(.resolvedOnTime)
            }
            if status.isWithoutResult {
                c.insert(.resolvedWithoutResult)
            } else if dossier.digitisedResult {
                c.insert(.resolvedWithDigitalResult)
            }
        }
        if received < bounds.end, !finishedBeforeEnd {
            c.insert(.pending)
            if let due = dossier.due, due < bounds.end, !status.isWaitingForApplicant {
                c.insert(.pendingOverdue)
            }
        }
        self = c
    }
}

extension KPICounts {
    /// Adds one dossier's classes.
    public mutating func add(_ c: DossierClass) {
        if c.isEmpty { return }
        if c.contains(.carriedOver) { carriedOver += 1 }
        if c.contains(.receivedNew) { receivedNew += 1 }
        if c.contains(.receivedOnline) { receivedOnline += 1 }
        if c.contains(.receivedDirect) { receivedDirect += 1 }
        if c.contains(.receivedPostal) { receivedPostal += 1 }
        if c.contains(.resolved) { resolved += 1 }
        if c.contains(.resolvedEarly) { resolvedEarly += 1 }
        if c.contains(.resolvedOnTime) { resolvedOnTime += 1 }
        if c.contains(.resolvedLate) { resolvedLate += 1 }
        if c.contains(.resolvedWithoutResult) { resolvedWithoutResult += 1 }
        if c.contains(.pending) { pending += 1 }
        if c.contains(.pendingOverdue) { pendingOverdue += 1 }
        if c.contains(.receivedDigitised) { receivedDigitised += 1 }
        if c.contains(.resolvedWithDigitalResult) { resolvedWithDigitalResult += 1 }
    }
}
