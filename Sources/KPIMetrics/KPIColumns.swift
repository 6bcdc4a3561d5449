/// The KPI table's columns, each defined once: its machine name (csv header, json key,
/// `explain --count`), whether it is a count or a rate, and what it is made of. Which dossiers
/// a count column counts is `DossierClass`'s rules; a rate is a fraction of sums of counts.
/// Every format loops over `KPIColumn.published`.

/// A count column: how many dossiers of a row fall in it for the period.
public enum CountColumn: Int, CaseIterable, Sendable {
    case carriedOver, receivedNew, receivedOnline, receivedDirect, receivedPostal
    case resolved, resolvedEarly, resolvedOnTime, resolvedLate, resolvedWithoutResult
    case pending, pendingOverdue
    /// received_new with SoHoaHoSo: the numerator of digitised_dossier_rate.
    case receivedDigitised
    /// resolved with status 9 or 10 and SoHoaKetQua: the numerator of digitised_result_rate.
    case resolvedWithDigitalResult

    /// How many there are: the width of a row of counts.
    public static let count = allCases.count

    public var name: String {
        switch self {
        case .carriedOver: return "carried_over"
        case .receivedNew: return "received_new"
        case .receivedOnline: return "received_online"
        case .receivedDirect: return "received_direct"
        case .receivedPostal: return "received_postal"
        case .resolved: return "resolved"
        case .resolvedEarly: return "resolved_early"
        case .resolvedOnTime: return "resolved_on_time"
        case .resolvedLate: return "resolved_late"
        case .resolvedWithoutResult: return "resolved_without_result"
        case .pending: return "pending"
        case .pendingOverdue: return "pending_overdue"
        case .receivedDigitised: return "received_digitised"
        case .resolvedWithDigitalResult: return "resolved_with_digital_result"
        }
    }

    /// False for the counts that only feed a rate: the published table leaves them out.
    public var isPublished: Bool {
        switch self {
        case .receivedDigitised, .resolvedWithDigitalResult: return false
        default: return true
        }
    }

    /// The published count column named `name`.
    public init?(name: String) {
        guard let column = Self.allCases.first(where: { $0.isPublished && $0.name == name }) else { return nil }
        self = column
    }
}

/// A rate column: a fraction of two sums of counts, rounded half up to two decimals.
public enum RateColumn: Int, CaseIterable, Sendable {
    case onTime, progress, online, digitisedDossier, digitisedResult

    public var name: String {
        switch self {
        case .onTime: return "on_time_rate"
        case .progress: return "progress_rate"
        case .online: return "online_rate"
        case .digitisedDossier: return "digitised_dossier_rate"
        case .digitisedResult: return "digitised_result_rate"
        }
    }

    /// What the rate divides by what (kpi-rules.md).
    public var fraction: (numerator: CountSum, denominator: CountSum) {
        switch self {
        case .onTime:
            // (early + on time) / resolved: the 98 % target of the plan.
            return (CountSum(.resolvedEarly, .resolvedOnTime), CountSum(.resolved))
        case .progress:
            return (CountSum(.resolvedEarly, .resolvedOnTime, .pending, minus: .pendingOverdue),
                    CountSum(.carriedOver, .receivedNew))
        case .online:
            return (CountSum(.receivedOnline), CountSum(.receivedNew))
        case .digitisedDossier:
            return (CountSum(.receivedDigitised), CountSum(.receivedNew))
        case .digitisedResult:
            return (CountSum(.resolvedWithDigitalResult), CountSum(.resolved, minus: .resolvedWithoutResult))
        }
    }
}

/// A column of the published table (csv, json), in the order kpi-rules.md fixes.
public enum KPIColumn: Hashable, Sendable {
    case count(CountColumn)
    case rate(RateColumn)
    /// The on-time rate is below the target (nothing resolved: no value).
    case belowTarget

    /// The published counts, the rates, then the flag.
    public static let published: [KPIColumn] =
        CountColumn.allCases.filter(\.isPublished).map(KPIColumn.count) + RateColumn.allCases.map(KPIColumn.rate) + [.belowTarget]

    public var name: String {
        switch self {
        case .count(let column): return column.name
        case .rate(let column): return column.name
        case .belowTarget: return "below_target"
        }
    }
}

/// One cell of the published table, typed: each format writes it its own way.
public enum KPIValue: Hashable, Sendable {
    case count(Int)
    case rate(Percentage?)
    case flag(Bool?)
}

/// A sum of count columns, some subtracted: a rate's numerator or denominator, a figure of a form.
public struct CountSum: Hashable, Sendable {
    public var added: [CountColumn]
    public var subtracted: [CountColumn]

    public init(_ added: CountColumn..., minus subtracted: CountColumn...) {
        self.added = added
        self.subtracted = subtracted
    }
}

extension CountSum: CustomStringConvertible {
    /// `pending-pending_overdue`: the sum in machine names.
    public var description: String {
        added.map(\.name).joined(separator: "+") + subtracted.map { "-" + $0.name }.joined()
    }
}
