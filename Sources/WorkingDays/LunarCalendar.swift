import Foundation

/// A date of the Vietnamese lunisolar calendar (âm lịch).
public struct LunarDate: Hashable, Sendable, CustomStringConvertible {
    public var day: Int
    public var month: Int
    /// The Gregorian year in which the lunar year begins (Tết Giáp Thìn: 2024).
    public var year: Int
    /// True in the leap month (tháng nhuận) that repeats `month`.
    public var isLeapMonth: Bool

    public init(day: Int, month: Int, year: Int, isLeapMonth: Bool = false) {
        self.day = day
        self.month = month
        self.year = year
        self.isLeapMonth = isLeapMonth
    }

    public var description: String { "\(day)/\(month)\(isLeapMonth ? " nhuận" : "")/\(year) âm lịch" }
}

/// The Vietnamese lunar calendar, computed for Vietnam's meridian (UTC+7).
///
/// Hồ Ngọc Đức's algorithm ("Âm lịch Việt Nam"): new moons and the sun's longitude from Jean
/// Meeus's "Astronomical Algorithms", every instant taken at UTC+7. A month begins on the
/// local day of a new moon; month 11 is the one holding the winter solstice; a year with 13
/// months between two months 11 repeats the first month without a major solar term (trung
/// khí). The Chinese calendar is the same computed at UTC+8, so the two differ in some years
/// (Tết 1985: 21/01 in Vietnam, 20/02 in China; Tết 2007: 17/02 and 18/02).
///
/// Vietnam has computed its calendar for UTC+7 since 1968; before that, the dates here are what
/// UTC+7 gives, not always what calendars then printed (they followed UTC+8).
public enum LunarCalendar {
    /// Vietnam's meridian, in hours east of Greenwich.
    static let timeZone = 7.0

    /// The Gregorian day of a lunar date; nil when the date does not exist in that year (a
    /// leap month the year does not have, a day past the month's end).
    public static func day(of date: LunarDate) -> CivilDay? {
        let a11: Int, b11: Int
        if date.month < 11 {
            a11 = month11Start(of: date.year - 1)
            b11 = month11Start(of: date.year)
        } else {
            a11 = month11Start(of: date.year)
            b11 = month11Start(of: date.year + 1)
        }
        let k = Int(floor(0.5 + (Double(a11) - 2_415_021.076998695) / synodicMonth))
        var offset = (date.month - 11 + 12) % 12
        if b11 - a11 > 365 {
            let leapOffset = leapMonthOffset(after: a11)
            let leapMonth = (leapOffset - 2 + 12) % 12
            if date.isLeapMonth, date.month != leapMonth { return nil }
            if date.isLeapMonth || offset >= leapOffset { offset += 1 }
        } else if date.isLeapMonth {
            return nil
        }
        let monthStart = newMoonDay(k + offset)
        guard date.day >= 1, date.day <= newMoonDay(k + offset + 1) - monthStart else { return nil }
        return CivilDay(Int64(monthStart + date.day - 1 - julianDayOfEpoch))
    }

    /// The lunar date of a Gregorian day.
    public static func date(of day: CivilDay) -> LunarDate {
        let dayNumber = Int(day.number) + julianDayOfEpoch
        let k = Int(floor((Double(dayNumber) - 2_415_021.076998695) / synodicMonth))
        var monthStart = newMoonDay(k + 1)
        if monthStart > dayNumber { monthStart = newMoonDay(k) }
        let year = day.year
        var a11 = month11Start(of: year), b11 = a11
        var lunarYear: Int
        if a11 >= monthStart {
            lunarYear = year
            a11 = month11Start(of: year - 1)
        } else {
            lunarYear = year + 1
            b11 = month11Start(of: year + 1)
        }
        let diff = (monthStart - a11) / 29
        var month = diff + 11
        var isLeap = false
        if b11 - a11 > 365 {
            let leapOffset = leapMonthOffset(after: a11)
            if diff >= leapOffset {
                month = diff + 10
                isLeap = diff == leapOffset
            }
        }
        if month > 12 { month -= 12 }
        if month >= 11, diff < 4 { lunarYear -= 1 }
        return LunarDate(day: dayNumber - monthStart + 1, month: month, year: lunarYear, isLeapMonth: isLeap)
    }

    /// Tết: the first day of the lunar year that begins in `year`.
    public static func tet(_ year: Int) -> CivilDay? { day(of: LunarDate(day: 1, month: 1, year: year)) }

    // MARK: - Astronomy (Meeus, as Hồ Ngọc Đức gives it)

    static let synodicMonth = 29.530588853
    /// The Julian day number of 1970-01-01.
    static let julianDayOfEpoch = 2_440_588

    /// The Julian day (fractional, UT) of the k-th new moon after 1900-01-01.
    static func newMoon(_ k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85, t2 = t * t, t3 = t2 * t
        let dr = Double.pi / 180
        var jd1 = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
        let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
        let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
        let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
        var c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c1 += -0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
        c1 += -0.0004 * sin(dr * 3 * mpr)
        c1 += 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
        c1 += -0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
        c1 += -0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
        c1 += 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m))
        let deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2
        return jd1 + c1 - deltaT
    }

    /// The sun's apparent longitude, in radians in [0, 2π), at Julian day `jd` (UT).
    static func sunLongitude(_ jd: Double) -> Double {
        let t = (jd - 2_451_545.0) / 36525, t2 = t * t
        let dr = Double.pi / 180
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
        dl += (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
        let l = (l0 + dl) * dr
        return l - 2 * Double.pi * floor(l / (2 * Double.pi))
    }

    /// The local (UTC+7) Julian day number of the k-th new moon.
    static func newMoonDay(_ k: Int) -> Int { Int(floor(newMoon(k) + 0.5 + timeZone / 24)) }

    /// Which 30° sector (0 to 11, a major solar term each) the sun is in at the start of the
    /// local day `dayNumber`.
    static func sunSector(atDay dayNumber: Int) -> Int {
        Int(floor(sunLongitude(Double(dayNumber) - 0.5 - timeZone / 24) / Double.pi * 6))
    }

    /// The local Julian day number on which month 11 (the winter solstice's month) of the
    /// lunar year ending in `year` begins.
    static func month11Start(of year: Int) -> Int {
        let dec31 = Int(CivilDay(year: year, month: 12, day: 31)?.number ?? 0) + julianDayOfEpoch
        let k = Int(floor(Double(dec31 - 2_415_021) / synodicMonth))
        let newMoon = newMoonDay(k)
        // Past the solstice's sector (270°, sector 9): the solstice's month began one earlier.
        return sunSector(atDay: newMoon) >= 9 ? newMoonDay(k - 1) : newMoon
    }

    /// In a 13-month year starting at month 11 on `a11`: how many months after it the leap
    /// month comes, the first month during which the sun enters no new sector.
    static func leapMonthOffset(after a11: Int) -> Int {
        let k = Int(floor((Double(a11) - 2_415_021.076998695) / synodicMonth + 0.5))
        var i = 1
        var arc = sunSector(atDay: newMoonDay(k + i))
        var last: Int
        repeat {
            last = arc
            i += 1
            arc = sunSector(atDay: newMoonDay(k + i))
        } while arc != last && i < 14
        return i - 1
    }
}
