/// A wall-clock moment in Vietnam's time zone (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).
///
/// Every date in an export is local time, so moments are kept as seconds since
/// 1970-01-01 00:00 *local*: comparing two moments, or taking the calendar day of one,
/// is then integer arithmetic with no time-zone table in the hot path.
public struct LocalMoment: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01 00:00:00 local time.
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    /// Vietnam's fixed offset from UTC, in seconds.
    public static let utcOffset: Int64 = 7 * 3600

    /// The first moment of a calendar day, or nil when the day does not exist (31/02).
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// The calendar day this moment falls on, counted from 1970-01-01.
    public var day: Int64 { seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400 }

    /// The calendar date (year, month, day) of this moment.
    public var civil: (year: Int, month: Int, day: Int) { CivilDate.civil(fromDays: day) }

    /// The last second of this moment's calendar day (a date-only deadline means "by the end of it").
    public var endOfDay: LocalMoment { LocalMoment(seconds: day * 86_400 + 86_399) }

    public static func < (lhs: LocalMoment, rhs: LocalMoment) -> Bool { lhs.seconds < rhs.seconds }

    /// `dd/MM/yyyy HH:mm:ss`, the way Vietnamese offices write a moment.
    public var description: String {
        let (y, m, d) = civil
        let s = Int(seconds - day * 86_400)
        return "\(pad2(d))/\(pad2(m))/\(y) \(pad2(s / 3600)):\(pad2(s / 60 % 60)):\(pad2(s % 60))"
    }

    /// `yyyy-MM-dd`, for machine output.
    public var isoDate: String {
        let (y, m, d) = civil
        return "\(y)-\(pad2(m))-\(pad2(d))"
    }

    /// `yyyy-MM-ddTHH:mm:ss+07:00`, for machine output.
    public var iso8601: String {
        let s = Int(seconds - day * 86_400)
        return "\(isoDate)T\(pad2(s / 3600)):\(pad2(s / 60 % 60)):\(pad2(s % 60))+07:00"
    }
}

private func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

/// Proleptic Gregorian calendar arithmetic on day counts.
///
/// Why not Foundation's `Calendar`: the ingest stage converts millions of dates, and a
/// `Calendar` round trip costs microseconds each. These are Howard Hinnant's `days_from_civil`
/// and `civil_from_days`; `CivilDateTests` cross-checks them against Foundation.
public enum CivilDate {
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01, or nil when the date does not exist.
    public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64? {
        // There is no year 0 in the civil calendar (1 BC is followed by AD 1): 0000 is no date.
        guard year >= 1, (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month) else {
            return nil
        }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Int64(era * 146_097 + doe - 719_468)
    }

    public static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
