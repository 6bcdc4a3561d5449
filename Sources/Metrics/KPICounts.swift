import Ingest

/// The counts of one row of the KPI table (biểu 06a's columns and the real-time index's).
public struct KPICounts: Hashable, Sendable {
    public var carriedOver = 0
    public var receivedNew = 0
    public var receivedOnline = 0
    public var receivedDirect = 0
    public var receivedPostal = 0
    public var resolved = 0
    public var resolvedEarly = 0
    public var resolvedOnTime = 0
    public var resolvedLate = 0
    public var resolvedWithoutResult = 0
    public var pending = 0
    public var pendingOverdue = 0
    /// received_new with SoHoaHoSo: the numerator of digitised_dossier_rate.
    public var receivedDigitised = 0
    /// resolved with status 9 or 10 and SoHoaKetQua: the numerator of digitised_result_rate.
    public var resolvedWithDigitalResult = 0

    public init() {}

    /// True when the unit has anything to show for the period.
    public var isEmpty: Bool { self == KPICounts() }

    /// carried_over + received_new = resolved + pending: biểu 06a's identity.
    public var balances: Bool { carriedOver + receivedNew == resolved + pending }

    public static func += (lhs: inout KPICounts, rhs: KPICounts) {
        lhs.carriedOver += rhs.carriedOver
        lhs.receivedNew += rhs.receivedNew
        lhs.receivedOnline += rhs.receivedOnline
        lhs.receivedDirect += rhs.receivedDirect
        lhs.receivedPostal += rhs.receivedPostal
        lhs.resolved += rhs.resolved
        lhs.resolvedEarly += rhs.resolvedEarly
        lhs.resolvedOnTime += rhs.resolvedOnTime
        lhs.resolvedLate += rhs.resolvedLate
        lhs.resolvedWithoutResult += rhs.resolvedWithoutResult
        lhs.pending += rhs.pending
        lhs.pendingOverdue += rhs.pendingOverdue
        lhs.receivedDigitised += rhs.receivedDigitised
        lhs.resolvedWithDigitalResult += rhs.resolvedWithDigitalResult
    }

    // MARK: Rates

    /// (early + on time) / resolved: the 98 % target of the plan.
    public var onTimeRate: Percentage? { Percentage(resolvedEarly + resolvedOnTime, of: resolved) }

    /// (early + on time + pending − overdue) / (carried over + received new).
    public var progressRate: Percentage? {
        Percentage(resolvedEarly + resolvedOnTime + pending - pendingOverdue, of: carriedOver + receivedNew)
    }

    public var onlineRate: Percentage? { Percentage(receivedOnline, of: receivedNew) }

    public var digitisedDossierRate: Percentage? { Percentage(receivedDigitised, of: receivedNew) }

    public var digitisedResultRate: Percentage? {
        Percentage(resolvedWithDigitalResult, of: resolved - resolvedWithoutResult)
    }

    /// resolved > 0 and the exact on-time fraction below `target`; nil when nothing was resolved.
    public func isBelow(_ target: Target) -> Bool? {
        onTimeRate.map { $0.isBelow(target) }
    }
}
