import Foundation
import Ingest
import KPIMetrics

/// Which reporting periods have closed by a given day, on a basis: a period is closed once its
/// cut-off has passed (decree 09: the 15th of its last month; calendar: the first of the next).
public enum ClosedPeriods {
    /// Every period of `kinds` in `years` whose end is on or before `today`, oldest first.
    public static func periods(kinds: [RunConfiguration.PeriodKind], years: ClosedRange<Int>, basis: PeriodBasis,
                               today: LocalMoment) -> [Period] {
        var out: [Period] = []
        for year in years {
            for kind in RunConfiguration.PeriodKind.allCases where kinds.contains(kind) {
                let spans: [Period.Span]
                switch kind {
                case .quarter: spans = (1...4).map { .quarter($0) }
                case .half: spans = [.half(1), .half(2)]
                case .nineMonths: spans = [.nineMonths]
                case .year: spans = [.year]
                }
                for span in spans {
                    let period = Period(year: year, span: span)
                    if period.bounds(basis).end <= today { out.append(period) }
                }
            }
        }
        return out.sorted { ($0.bounds(basis).end, $0.description) < ($1.bounds(basis).end, $1.description) }
    }
}

