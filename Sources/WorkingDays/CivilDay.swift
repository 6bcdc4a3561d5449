import Ingest

/// A calendar day in Vietnam, numbered like `LocalMoment.day` (days since 1970-01-01).
///
/// The working-day calendar is a table indexed by day; a day number makes every lookup and
/// every step integer arithmetic.
public struct CivilDay: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var number: Int64

    public init(_ number: Int64) { self.number = number }

    /// The day of a moment.
    public init(_ moment: LocalMoment) { number = moment.day }

    /// Nil when the date does not exist (31/02).
    public init?(year: Int, month: Int, day: Int) {
        guard let number = CivilDate.daysSinceEpoch(year: year, month: month, day: day) else { return nil }
        self.number = number
    }

    public var date: (year: Int, month: Int, day: Int) { CivilDate.civil(fromDays: number) }

    public var year: Int { date.year }

    /// 1970-01-01 was a Thursday.
    public var weekday: Weekday {
        let fromMonday = ((number + 3) % 7 + 7) % 7
        return Weekday(rawValue: Int(fromMonday) + 1) ?? .monday
    }

    /// 00:00:00 of the day.
    public var start: LocalMoment { LocalMoment(seconds: number * 86_400) }

    /// 23:59:59 of the day.
    public var lastSecond: LocalMoment { LocalMoment(seconds: number * 86_400 + 86_399) }

    /// `yyyy-MM-dd`, for machine output.
    public var iso: String {
        let (y, m, d) = date
        return "\(y)-\(pad2(m))-\(pad2(d))"
    }

    /// `dd/MM/yyyy`, the way Vietnamese offices write a date.
    public var description: String {
        let (y, m, d) = date
        return "\(pad2(d))/\(pad2(m))/\(y)"
    }

    public static func < (lhs: CivilDay, rhs: CivilDay) -> Bool { lhs.number < rhs.number }
    public func distance(to other: CivilDay) -> Int64 { other.number - number }
    public func advanced(by n: Int64) -> CivilDay { CivilDay(number + n) }

    public static func + (day: CivilDay, days: Int64) -> CivilDay { CivilDay(day.number + days) }
    public static func - (day: CivilDay, days: Int64) -> CivilDay { CivilDay(day.number - days) }
    public static func += (day: inout CivilDay, days: Int64) { day.number += days }
}

/// ISO weekday numbering: Monday is 1, Sunday 7.
public enum Weekday: Int, CaseIterable, Sendable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Saturday and Sunday: the civil servants' weekly rest.
    public var isWeekend: Bool { self == .saturday || self == .sunday }
}

func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
