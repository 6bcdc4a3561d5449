/// Whether civil servants work on a day, for every day of `WorkingCalendar.years`.
///
/// A working day is Monday to Friday, except the days off of the year's schedule, plus the
/// Saturdays and Sundays it makes working days. A year's schedule is the official one when
/// motcua ships it, else the Labour Code's holidays computed with the lunar calendar; the rows
/// of a `--calendar` file then replace the days they name.
///
/// Built once (about 47,000 days), then every question is a lookup: `rank[i]` counts the
/// working days before day `i` of the table, and `workingDays[r]` is the day of the r-th working
/// day, so moving N working days ahead or measuring the working time between two moments costs
/// the same for N = 1 and N = 1,000. A value type, safe to share between threads.
public struct WorkingCalendar: Sendable {
    /// The years the calendar covers. Dates outside have no answer (an export's date in 1900
    /// or 2200 is a typing error, not a dossier).
    public static let years = 1970...2099

    /// Day number of 1 January of the first year.
    let firstDay: Int64
    /// `rank[i]`: working days in the table before day `firstDay + i`; one more entry than days.
    let rank: [Int32]
    /// `workingDays[r]`: the table index of the r-th working day (0-based).
    let workingDays: [Int32]
    /// Every year's schedule, overrides applied, indexed by `year - years.lowerBound`.
    let schedules: [YearSchedule]
    /// The file the overrides come from, if any.
    public let overridesFile: String?

    /// The shipped official schedule, the Labour Code for other years, and `overrides` on top.
    public init(overrides: CalendarOverrides = CalendarOverrides()) throws(CalendarFileError) {
        try self.init(official: OfficialSchedule.shipped(), overrides: overrides)
    }

    init(official: OfficialSchedule, overrides: CalendarOverrides) {
        let years = Self.years
        let firstDay = CivilDay(year: years.lowerBound, month: 1, day: 1)?.number ?? 0
        let endDay = CivilDay(year: years.upperBound + 1, month: 1, day: 1)?.number ?? firstDay
        let schedules = years.map { year in
            (official.schedule(for: year) ?? LabourCode.schedule(for: year)).applying(overrides.entries)
        }
        let count = Int(endDay - firstDay)
        var isWorking = (0..<count).map { !CivilDay(firstDay + Int64($0)).weekday.isWeekend }
        for schedule in schedules {
            for entry in schedule.entries {
                isWorking[Int(entry.day.number - firstDay)] = entry.kind == .work
            }
        }
        var rank = [Int32](repeating: 0, count: count + 1)
        var workingDays: [Int32] = []
        workingDays.reserveCapacity(count * 5 / 7)
        for i in 0..<count {
            rank[i + 1] = rank[i] + (isWorking[i] ? 1 : 0)
            if isWorking[i] { workingDays.append(Int32(i)) }
        }
        self.firstDay = firstDay
        self.schedules = schedules
        self.rank = rank
        self.workingDays = workingDays
        overridesFile = overrides.file
    }

    /// The table index of a day, or nil outside `years`.
    @inline(__always)
    func index(of day: CivilDay) -> Int? {
        let i = day.number - firstDay
        return i >= 0 && i < Int64(rank.count - 1) ? Int(i) : nil
    }

    @inline(__always)
    func isWorking(index i: Int) -> Bool { rank[i + 1] != rank[i] }

    /// Whether civil servants work on `day`; outside `years`, the Labour Code's rule for that
    /// year, computed on the spot.
    public func isWorkingDay(_ day: CivilDay) -> Bool {
        if let i = index(of: day) { return isWorking(index: i) }
        return LabourCode.schedule(for: day.year).isWorkingDay(day)
    }

    /// The schedule of a year (its days off and swapped working days, with their origin), or
    /// nil outside `years`.
    public func schedule(for year: Int) -> YearSchedule? {
        Self.years.contains(year) ? schedules[year - Self.years.lowerBound] : nil
    }

    /// How many working days a year has, or nil outside `years`.
    public func workingDayCount(in year: Int) -> Int? {
        guard let first = CivilDay(year: year, month: 1, day: 1), let start = index(of: first),
              let end = CivilDay(year: year + 1, month: 1, day: 1)
        else { return nil }
        return Int(rank[start + Int(end.number - first.number)] - rank[start])
    }
}
