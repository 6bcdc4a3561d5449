/// The days off of a year without an official schedule, by the Labour Code 2019.
///
/// Điều 112 khoản 1 gives the holidays; the spec fixes 1/9 as the day next to 2/9. Điều 111
/// khoản 3: a holiday on a weekly rest day (Saturday or Sunday for civil servants) gives the
/// next working day off. Holidays are taken in date order, each compensated on the first
/// weekday after it that is neither a holiday nor already given to an earlier one (Giỗ Tổ on
/// Saturday 29/04/2023, 30/4 on Sunday, 1/5 on Monday: Tuesday 2/5 and Wednesday 3/5 off).
enum LabourCode {
    /// The year's holidays in date order; empty when the lunar dates cannot be computed.
    static func holidays(in year: Int) -> [(day: CivilDay, holiday: Holiday)] {
        guard let tet = LunarCalendar.tet(year),
              let hungKings = LunarCalendar.day(of: LunarDate(day: 10, month: 3, year: year))
        else { return [] }
        var days: [(CivilDay, Holiday)] = [
            (tet - 1, .lunarNewYearsEve), (tet, .tet1), (tet + 1, .tet2), (tet + 2, .tet3), (tet + 3, .tet4),
            (hungKings, .hungKings),
        ]
        let fixed: [(Int, Int, Holiday)] = [
            (1, 1, .newYear), (4, 30, .reunification), (5, 1, .labour), (9, 1, .nationalDayEve), (9, 2, .nationalDay),
        ]
        for (month, day, holiday) in fixed {
            if let date = CivilDay(year: year, month: month, day: day) { days.append((date, holiday)) }
        }
        return days.sorted { $0.0 < $1.0 }.map { (day: $0.0, holiday: $0.1) }
    }

    /// The weekdays off of the year: holidays on weekdays, and a compensatory day for each
    /// holiday on a weekend.
    static func schedule(for year: Int) -> YearSchedule {
        let holidays = holidays(in: year)
        let holidayDays = Set(holidays.map(\.day))
        var entries: [ScheduleEntry] = []
        var taken = Set<CivilDay>()
        for (day, holiday) in holidays {
            if !day.weekday.isWeekend {
                entries.append(ScheduleEntry(day: day, kind: .off, origin: .holiday(holiday)))
                continue
            }
            var next = day + 1
            while next.weekday.isWeekend || holidayDays.contains(next) || taken.contains(next) { next += 1 }
            taken.insert(next)
            entries.append(ScheduleEntry(day: next, kind: .off, origin: .compensatory(for: holiday, day: day)))
        }
        return YearSchedule(year: year, basis: .computed, entries: entries.sorted { $0.day < $1.day })
    }
}
