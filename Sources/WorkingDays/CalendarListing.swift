/// What `motcua calendar YEAR` lists: a year's days off and swapped working days with their
/// source, the year's count of working days, and the overrides file that changed any.
public struct CalendarListing: Sendable {
    public let schedule: YearSchedule
    public let workingDays: Int
    public let overridesFile: String?

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
