import Ingest
import KPIMetrics

/// Which reporting periods the data covers, on a basis: a period is final once the newest
/// as-of among the imports reaches its last second (``Period/isCovered(asOf:basis:)``). The period that holds the newest as-of is
/// open: it is only written when asked, as provisional. A period that starts after the data is
/// never written.
public struct CoveredPeriods: Sendable, Equatable {
    /// Covered by the data, oldest first (by end, then name).
    public var final: [Period] = []
    /// Holding the newest as-of (one per kind of period), oldest first.
    public var open: [Period] = []

    /// The periods of `kinds` in `years` on `basis`, as the data up to `asOf` covers them.
    public init(kinds: [RunConfiguration.PeriodKind], years: ClosedRange<Int>, basis: PeriodBasis, asOf: LocalMoment) {
        for year in years {
            for kind in RunConfiguration.PeriodKind.allCases where kinds.contains(kind) {
                for span in kind.spans {
                    let period = Period(year: year, span: span), bounds = period.bounds(basis)
                    if period.isCovered(asOf: asOf, basis: basis) {
                        final.append(period)
                    } else if bounds.start <= asOf {
                        open.append(period)
                    }
                }
            }
        }
        let order = { (a: Period, b: Period) in (a.bounds(basis).end, a.description) < (b.bounds(basis).end, b.description) }
        final.sort(by: order)
        open.sort(by: order)
    }
}

extension RunConfiguration.PeriodKind {
    /// The periods of this kind in a year.
    var spans: [Period.Span] {
        switch self {
        case .quarter: return (1...4).map { .quarter($0) }
        case .half: return [.half(1), .half(2)]
        case .nineMonths: return [.nineMonths]
        case .year: return [.year]
        }
    }
}
