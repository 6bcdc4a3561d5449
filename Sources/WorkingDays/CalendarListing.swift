/// What `motcua calendar YEAR` lists: a year's days off and swapped working days with their
/// source, the year's count of working days, and the overrides file that changed any.
public struct CalendarListing: Sendable {
    public let schedule: YearSchedule
    public let workingDays: Int
    public let overridesFile: String?

    /// The days the listing shows: every weekday that is not a working day and every weekend
    /// day that is (an override that cancels a swapped Saturday leaves an ordinary Saturday,
    /// which is not listed; Fixtures/README.md, issue 13).
    public var listed: [ScheduleEntry] {
        schedule.entries.filter { ($0.kind == .off) != $0.day.weekday.isWeekend }
    }

    /// Nil outside ``WorkingCalendar/years``.
    public init?(year: Int, calendar: WorkingCalendar) {
        guard let schedule = calendar.schedule(for: year), let count = calendar.workingDayCount(in: year) else {
            return nil
        }
        self.schedule = schedule
        workingDays = count
        overridesFile = calendar.overridesFile
    }
}
