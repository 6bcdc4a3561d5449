import Ingest

/// Where a reporting period's days begin and end.
public enum PeriodBasis: String, CaseIterable, Sendable {
    /// Nghị định 09/2019/NĐ-CP's data cut-off: from the 15th of the month before the period to
    /// the 14th of its last month.
    case decree09
    /// Calendar months, as the real-time service index uses.
    case calendar
}

/// A reporting period: a quarter, a half, nine months or a year.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public enum Span: Hashable, Sendable {
        case quarter(Int)
        case half(Int)
        case nineMonths
        case year
    }

    public var year: Int
    public var span: Span

    public init(year: Int, span: Span) {
        self.year = year
        self.span = span
    }

    /// The canonical form reports print: `2023-Q3`, `2023-H1`, `2023-9M`, `2023`.
    public var description: String {
        switch span {
        case .quarter(let q): return "\(year)-Q\(q)"
        case .half(let h): return "\(year)-H\(h)"
        case .nineMonths: return "\(year)-9M"
        case .year: return "\(year)"
        }
    }

    /// First and last calendar month of the period (1-based, within `year`).
    public var months: (first: Int, last: Int) {
        switch span {
        case .quarter(let q): return (3 * q - 2, 3 * q)
        case .half(let h): return (6 * h - 5, 6 * h)
        case .nineMonths: return (1, 9)
        case .year: return (1, 12)
        }
    }

    /// Whether data as of `asOf` (the newest as-of of its inputs) covers the period on
    /// `basis`: it reaches the period's last second (moments are whole seconds), so that data
    /// as of 14/03 23:59:59 (`--as-of "14/03/2023 23:59:59"`, or `15/03/2023`: a date alone is
    /// 00:00:00 of that day) covers decree 09's 2023-Q1. A report of a period it does not cover is provisional, whoever
    /// writes it (`report`, `run`).
    public func isCovered(asOf: LocalMoment, basis: PeriodBasis) -> Bool {
        bounds(basis).end.seconds - 1 <= asOf.seconds
    }

    /// The half-open interval [start, end) of local moments the period covers on `basis`.
    public func bounds(_ basis: PeriodBasis) -> PeriodBounds {
        let (first, last) = months
        let start: (Int, Int, Int)
        let end: (Int, Int, Int)
        switch basis {
        case .decree09:
            // From the 15th of the month before the first, up to and including the 14th of the last.
            start = first == 1 ? (year - 1, 12, 15) : (year, first - 1, 15)
            end = (year, last, 15)
        case .calendar:
            start = (year, first, 1)
            end = last == 12 ? (year + 1, 1, 1) : (year, last + 1, 1)
        }
        return PeriodBounds(
            start: Self.midnight(start),
            end: Self.midnight(end))
    }

    private static func midnight(_ date: (Int, Int, Int)) -> LocalMoment {
        // Every date built above exists (the 1st or the 15th of a month).
        LocalMoment(seconds: (CivilDate.daysSinceEpoch(year: date.0, month: date.1, day: date.2) ?? 0) * 86_400)
    }
}

/// The moments a period covers: `start` is its first moment, `end` the first moment after
/// its last day.
public struct PeriodBounds: Hashable, Sendable {
    public var start: LocalMoment
    public var end: LocalMoment

    /// The period's last day (inclusive), for people.
    public var lastDay: LocalMoment { LocalMoment(seconds: end.seconds - 86_400) }

    public func contains(_ moment: LocalMoment) -> Bool { start <= moment && moment < end }
}
