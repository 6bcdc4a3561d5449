extension Phrase {
    /// The English of `motcua calendar` and of its `--calendar` files.
    static let englishCalendar: [Phrase: String] = [
        .calendarTitleOfficial: "Days off of civil servants in {year}: official schedule",
        .calendarTitleComputed: "Days off of civil servants in {year}: computed, not official (Labour Code 2019)",
        .calendarOverrides: "Days from the --calendar file {file}: {count}.",
        .calendarDate: "Date",
        .calendarWeekday: "Weekday",
        .calendarKind: "Kind",
        .calendarSource: "Source",
        .dayOff: "day off",
        .workingDay: "working day",
        .calendarSummary: "Weekdays off: {off}; weekend working days: {work}; working days in the year: {days}.",
        .monday: "Monday", .tuesday: "Tuesday", .wednesday: "Wednesday", .thursday: "Thursday", .friday: "Friday",
        .saturday: "Saturday", .sunday: "Sunday",
        .holidayNewYear: "New Year's Day",
        .holidayLunarNewYearsEve: "last day of the lunar year",
        .holidayTet1: "Tết, day 1", .holidayTet2: "Tết, day 2", .holidayTet3: "Tết, day 3", .holidayTet4: "Tết, day 4",
        .holidayHungKings: "Hùng Kings' Commemoration (10/3 lunar)",
        .holidayReunification: "Reunification Day (30/4)",
        .holidayLabour: "Labour Day (1/5)",
        .holidayNationalDayEve: "National Day (1/9)",
        .holidayNationalDay: "National Day (2/9)",
        .labourCodeHoliday: "Labour Code 2019 art. 112: {holiday}",
        .labourCodeInLieu: "Labour Code 2019 art. 111(3): in lieu of {holiday} on {day}",

        // --calendar files that cannot be used
        .calendarUnreadable: "cannot read the calendar file ({reason})",
        .calendarNotText: "not UTF-8 text",
        .calendarMalformedQuote: "a quote that does not close, or text after a closing quote",
        .calendarTooManyFields: "{count} fields, at most 3 (date, kind, note); quote a note that holds a comma",
        .calendarMissingKind: "no kind (nghỉ or làm)",
        .calendarBadDate: "'{text}' is not a date (yyyy-MM-dd or dd/MM/yyyy, without a time)",
        .calendarOutsideYears: "{text} is outside the calendar's years ({years})",
        .calendarUnknownKind: "unknown kind '{text}': write nghỉ or làm",
        .calendarDuplicateDate: "{text} is already given on line {line}",
    ]
}
