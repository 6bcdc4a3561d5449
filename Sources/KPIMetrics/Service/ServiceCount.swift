import Ingest

/// The counts the plan's targets and the service index are fractions of (service-index.md),
/// each defined once: one bit of a ``ServiceClass``. A target's or an indicator's numerator
/// and denominator are two of these; satisfaction is made of four.
public enum ServiceCount: Int, CaseIterable, Sendable {
    // The plan
    case onTimeNumerator, resolved
    case eligibleOnlineNumerator, eligibleOnlineDenominator
    case digitisedResultNumerator, digitisedResultDenominator
    case satisfiedNumerator, satisfiedDenominator
    case routingNumerator, routingDenominator
    // The service index
    case progressNumerator, progressDenominator
    case fullOnlineNumerator, fullOnlineDenominator
    case paymentNumerator, paymentDenominator
    case eResultNumerator, eResultDenominator
    case digitisedNumerator, received
    case reuseNumerator, reuseDenominator
    case dataStoreNumerator, dataStoreDenominator
    case vneidNumerator, vneidDenominator
    /// Satisfaction (5.4): resolved late, and the complaint fraction's two counts.
    case resolvedLate, complaintNumerator, complaintDenominator

    public static let count = allCases.count
}

/// Which ``ServiceCount``s one dossier falls in for one period: the rules of
/// service-index.md in one place, so that the tables and `explain` cannot disagree.
public struct ServiceClass: Hashable, Sendable {
    public private(set) var rawValue: UInt64 = 0

    public init() {}

    public var isEmpty: Bool { rawValue == 0 }

    public func contains(_ count: ServiceCount) -> Bool { rawValue & (1 << UInt64(count.rawValue)) != 0 }

    mutating func insert(_ count: ServiceCount, if condition: Bool = true) {
        if condition { rawValue |= 1 << UInt64(count.rawValue) }
    }

    /// Classifies `d`, whose KPI classes for the period are `c`; `entry` is what the catalogue
    /// says of its procedure (nil: not listed, no procedure, or no catalogue).
    public init(_ d: Dossier, _ c: DossierClass, catalogue entry: CatalogueEntry?) {
        guard !c.isEmpty else { return }
        let s = d.service
        let inR = c.contains(.receivedNew), inF = c.contains(.resolved)
        let inP = c.contains(.carriedOver) || inR
        let online = d.channel == .online

        // The plan
        insert(.resolved, if: inF)
        insert(.onTimeNumerator, if: inF && !c.contains(.resolvedLate))
        let offered = inR && entry?.isOfferedOnline == true
        insert(.eligibleOnlineDenominator, if: offered)
        insert(.eligibleOnlineNumerator, if: offered && online)
        let withResult = inF && !c.contains(.resolvedWithoutResult)
        insert(.digitisedResultDenominator, if: withResult)
        insert(.digitisedResultNumerator, if: withResult && c.contains(.resolvedWithDigitalResult))
        let rated = inF && s.knows(.rating) && s.rating != nil
        insert(.satisfiedDenominator, if: rated)
        insert(.satisfiedNumerator, if: rated && (s.rating ?? 0) <= 2)
        let routed = inR && s.knows(.routing) && s.routing != .none
        insert(.routingDenominator, if: routed)
        insert(.routingNumerator, if: routed && s.routing == .electronic)

        // The service index
        let good = (inF && !c.contains(.resolvedLate)) || (c.contains(.pending) && !c.contains(.pendingOverdue))
        insert(.progressDenominator, if: inP)
        insert(.progressNumerator, if: inP && good && s.supplements <= 1)
        let eligible = inR && entry?.fullOnlineEligible == true
        insert(.fullOnlineDenominator, if: eligible)
        insert(.fullOnlineNumerator, if: eligible && online)
        let charged = inR && entry?.chargesFees == true && s.knows(.paidOnline) && s.feeIsZero != true
        insert(.paymentDenominator, if: charged)
        insert(.paymentNumerator, if: charged && s.paidOnline)
        let paper = inF && (d.status == .processed || d.status == .returned) && entry?.paperResult == true
        insert(.eResultDenominator, if: paper)
        insert(.eResultNumerator, if: paper && d.digitisedResult)
        insert(.received, if: inR)
        insert(.digitisedNumerator, if: inR && d.digitisedDossier)
        for (known, yes, numerator, denominator) in [
            (s.knows(.reuse), s.reuse, ServiceCount.reuseNumerator, ServiceCount.reuseDenominator),
            (s.knows(.dataStore), s.dataStore, .dataStoreNumerator, .dataStoreDenominator),
            (s.knows(.vneid), s.vneid, .vneidNumerator, .vneidDenominator),
        ] {
            insert(denominator, if: inR && known)
            insert(numerator, if: inR && known && yes)
        }
        insert(.resolvedLate, if: inF && c.contains(.resolvedLate))
        let informed = inF && (s.knows(.rating) || s.knows(.complaint))
        insert(.complaintDenominator, if: informed)
        insert(.complaintNumerator, if: informed && ((s.rating ?? 0) >= 4 || s.complaint))
    }
}

/// The service counts of one row (a unit, or the total), by ``ServiceCount``.
public struct ServiceCounts: Hashable, Sendable {
    private var values = [Int](repeating: 0, count: ServiceCount.count)

    public init() {}

    public subscript(count: ServiceCount) -> Int {
        get { values[count.rawValue] }
        set { values[count.rawValue] = newValue }
    }

    public mutating func add(_ c: ServiceClass) {
        var bits = c.rawValue
        while bits != 0 {
            values[bits.trailingZeroBitCount] += 1
            bits &= bits - 1
        }
    }

    public static func += (lhs: inout ServiceCounts, rhs: ServiceCounts) {
        for i in lhs.values.indices { lhs.values[i] += rhs.values[i] }
    }
}
