import Testing
@testable import WorkingDays

/// The lunar calendar against published dates, never against itself.
@Suite struct LunarCalendarTests {
    /// Tết (1/1) and Giỗ Tổ Hùng Vương (10/3) of every lunar year from 1970 to 2040, typed from
    /// Hồ Ngọc Đức's published tables of the Vietnamese calendar ("Âm lịch Việt Nam", the
    /// precomputed year codes TK20 and TK21 of amlich-hnd.js, 1900–2099, computed for UTC+7):
    /// each code's top bits are Tết's offset from 1 January, its middle bits the month lengths,
    /// so month 3 starts Tết + the lengths of months 1, 2 (and a leap month 2).
    /// The Tết dates agree with the Chinese New Year table (Hong Kong Observatory, UTC+8) in
    /// every year but the three where the meridians part: 1985 (China 20/02), 2007 (China 18/02)
    /// and 2030 (China 03/02).
    static let published: [(year: Int, tet: String, hungKings: String)] = [
        (1970, "1970-02-06", "1970-04-15"),
        (1971, "1971-01-27", "1971-04-05"),
        (1972, "1972-02-15", "1972-04-23"),
        (1973, "1973-02-03", "1973-04-12"),
        (1974, "1974-01-23", "1974-04-02"),
        (1975, "1975-02-11", "1975-04-20"),
        (1976, "1976-01-31", "1976-04-09"),
        (1977, "1977-02-18", "1977-04-27"),
        (1978, "1978-02-07", "1978-04-16"),
        (1979, "1979-01-28", "1979-04-06"),
        (1980, "1980-02-16", "1980-04-24"),
        (1981, "1981-02-05", "1981-04-14"),
        (1982, "1982-01-25", "1982-04-03"),
        (1983, "1983-02-13", "1983-04-22"),
        (1984, "1984-02-02", "1984-04-10"),
        (1985, "1985-01-21", "1985-04-29"),
        (1986, "1986-02-09", "1986-04-18"),
        (1987, "1987-01-29", "1987-04-07"),
        (1988, "1988-02-17", "1988-04-25"),
        (1989, "1989-02-06", "1989-04-15"),
        (1990, "1990-01-27", "1990-04-05"),
        (1991, "1991-02-15", "1991-04-24"),
        (1992, "1992-02-04", "1992-04-12"),
        (1993, "1993-01-23", "1993-04-01"),
        (1994, "1994-02-10", "1994-04-20"),
        (1995, "1995-01-31", "1995-04-09"),
        (1996, "1996-02-19", "1996-04-27"),
        (1997, "1997-02-07", "1997-04-16"),
        (1998, "1998-01-28", "1998-04-06"),
        (1999, "1999-02-16", "1999-04-25"),
        (2000, "2000-02-05", "2000-04-14"),
        (2001, "2001-01-24", "2001-04-03"),
        (2002, "2002-02-12", "2002-04-22"),
        (2003, "2003-02-01", "2003-04-11"),
        (2004, "2004-01-22", "2004-04-28"),
        (2005, "2005-02-09", "2005-04-18"),
        (2006, "2006-01-29", "2006-04-07"),
        (2007, "2007-02-17", "2007-04-26"),
        (2008, "2008-02-07", "2008-04-15"),
        (2009, "2009-01-26", "2009-04-04"),
        (2010, "2010-02-14", "2010-04-23"),
        (2011, "2011-02-03", "2011-04-12"),
        (2012, "2012-01-23", "2012-03-31"),
        (2013, "2013-02-10", "2013-04-19"),
        (2014, "2014-01-31", "2014-04-09"),
        (2015, "2015-02-19", "2015-04-28"),
        (2016, "2016-02-08", "2016-04-16"),
        (2017, "2017-01-28", "2017-04-06"),
        (2018, "2018-02-16", "2018-04-25"),
        (2019, "2019-02-05", "2019-04-14"),
        (2020, "2020-01-25", "2020-04-02"),
        (2021, "2021-02-12", "2021-04-21"),
        (2022, "2022-02-01", "2022-04-10"),
        (2023, "2023-01-22", "2023-04-29"),
        (2024, "2024-02-10", "2024-04-18"),
        (2025, "2025-01-29", "2025-04-07"),
        (2026, "2026-02-17", "2026-04-26"),
        (2027, "2027-02-06", "2027-04-16"),
        (2028, "2028-01-26", "2028-04-04"),
        (2029, "2029-02-13", "2029-04-23"),
        (2030, "2030-02-02", "2030-04-12"),
        (2031, "2031-01-23", "2031-04-01"),
        (2032, "2032-02-11", "2032-04-19"),
        (2033, "2033-01-31", "2033-04-09"),
        (2034, "2034-02-19", "2034-04-28"),
        (2035, "2035-02-08", "2035-04-17"),
        (2036, "2036-01-28", "2036-04-06"),
        (2037, "2037-02-15", "2037-04-24"),
        (2038, "2038-02-04", "2038-04-13"),
        (2039, "2039-01-24", "2039-04-03"),
        (2040, "2040-02-12", "2040-04-20"),
    ]

    @Test(arguments: published)
    func tetAndHungKings(year: Int, tet: String, hungKings: String) {
        #expect(LunarCalendar.tet(year) == day(tet))
        #expect(LunarCalendar.day(of: LunarDate(day: 10, month: 3, year: year)) == day(hungKings))
        #expect(LunarCalendar.date(of: day(tet)) == LunarDate(day: 1, month: 1, year: year))
        #expect(LunarCalendar.date(of: day(hungKings)) == LunarDate(day: 10, month: 3, year: year))
    }

    /// The years the Vietnamese calendar (UTC+7) and the Chinese one (UTC+8) part: the
    /// Vietnamese dates, not the Chinese ones.
    @Test func vietnameseNotChineseTet() {
        #expect(LunarCalendar.tet(1985) == day("1985-01-21"))  // China: 1985-02-20
        #expect(LunarCalendar.tet(2007) == day("2007-02-17"))  // China: 2007-02-18
        #expect(LunarCalendar.tet(2030) == day("2030-02-02"))  // China: 2030-02-03
    }

    /// The last day of the lunar year is 30 tháng Chạp in 2024 (the notice calls 08/02 "29
    /// tháng Chạp") and 29 tháng Chạp in 2025 ("no 30 tháng Chạp" that year).
    @Test func lastDayOfTheLunarYear() {
        #expect(LunarCalendar.date(of: day("2024-02-08")) == LunarDate(day: 29, month: 12, year: 2023))
        #expect(LunarCalendar.date(of: day("2024-02-09")) == LunarDate(day: 30, month: 12, year: 2023))
        #expect(LunarCalendar.date(of: day("2025-01-28")) == LunarDate(day: 29, month: 12, year: 2024))
        #expect(LunarCalendar.day(of: LunarDate(day: 30, month: 12, year: 2024)) == nil)
        // The notices: 25/01/2025 is 26 tháng Chạp, 14/02/2026 is 27 tháng Chạp.
        #expect(LunarCalendar.date(of: day("2025-01-25")) == LunarDate(day: 26, month: 12, year: 2024))
        #expect(LunarCalendar.date(of: day("2026-02-14")) == LunarDate(day: 27, month: 12, year: 2025))
    }

    /// Quý Mão (2023) repeats month 2: the leap month starts 22/03/2023 (the table's codes),
    /// so Giỗ Tổ comes a month later than in other years (29/04).
    @Test func leapMonth() {
        #expect(LunarCalendar.date(of: day("2023-03-22")) == LunarDate(day: 1, month: 2, year: 2023, isLeapMonth: true))
        #expect(LunarCalendar.day(of: LunarDate(day: 1, month: 2, year: 2023, isLeapMonth: true)) == day("2023-03-22"))
        #expect(LunarCalendar.day(of: LunarDate(day: 1, month: 3, year: 2023, isLeapMonth: true)) == nil)
        #expect(LunarCalendar.day(of: LunarDate(day: 1, month: 2, year: 2024, isLeapMonth: true)) == nil)
    }

    /// Every day of 1970–2040 converts to a lunar date and back to itself.
    @Test func roundTrip() {
        var d = day("1970-02-06")
        let end = day("2041-01-01")
        while d < end {
            let lunar = LunarCalendar.date(of: d)
            #expect(LunarCalendar.day(of: lunar) == d, "\(d) → \(lunar)")
            if LunarCalendar.day(of: lunar) != d { return }
            d += 1
        }
    }
}
