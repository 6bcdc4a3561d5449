import Reports
import Wording
import WorkingDays

extension CalendarListing {
    /// `date,kind,source`: the date as `yyyy-MM-dd`, the kind `nghỉ` or `làm`, the source in
    /// Vietnamese whatever the language (machine output), marked "computed, not official" for a
    /// computed day.
    public func csv() -> String {
        let rows = listed.map { entry in
            let source = Self.origin(entry.origin, .vi)
            return [entry.day.iso, entry.kind.rawValue, entry.origin.isComputed ? "computed, not official: " + source : source]
        }
        return Listing(header: ["date", "kind", "source"], rows: rows).csv()
    }

    /// The aligned table for people, with its heading and a summary line.
    public func text(_ language: Language) -> String {
        let year = String(schedule.year)
        var out = language[schedule.basis == .official ? .calendarTitleOfficial : .calendarTitleComputed, [.year: year]] + "\n"
        let overrides = schedule.entries.filter { if case .override = $0.origin { true } else { false } }
        if let file = overridesFile, !overrides.isEmpty {
            out += language[.calendarOverrides, [.count: String(overrides.count), .file: file]] + "\n"
        }
        out += "\n"
        let header = [language[.calendarDate], language[.calendarWeekday], language[.calendarKind], language[.calendarSource]]
        let rows = listed.map { entry in
            [entry.day.description, Self.weekday(entry.day.weekday, language),
             language[entry.kind == .off ? .dayOff : .workingDay], Self.origin(entry.origin, language)]
        }
        out += Listing(header: header, rows: rows).text()
        let off = schedule.entries.filter { $0.kind == .off && !$0.day.weekday.isWeekend }.count
        let work = schedule.entries.filter { $0.kind == .work && $0.day.weekday.isWeekend }.count
        out += "\n" + language[.calendarSummary, [.off: String(off), .work: String(work), .days: String(workingDays)]] + "\n"
        return out
    }

    static func weekday(_ day: Weekday, _ language: Language) -> String {
        let names: [Phrase] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]
        return language[names[day.rawValue - 1]]
    }

    static func holiday(_ holiday: Holiday, _ language: Language) -> String {
        let phrase: Phrase
        switch holiday {
        case .newYear: phrase = .holidayNewYear
        case .lunarNewYearsEve: phrase = .holidayLunarNewYearsEve
        case .tet1: phrase = .holidayTet1
        case .tet2: phrase = .holidayTet2
        case .tet3: phrase = .holidayTet3
        case .tet4: phrase = .holidayTet4
        case .hungKings: phrase = .holidayHungKings
        case .reunification: phrase = .holidayReunification
        case .labour: phrase = .holidayLabour
        case .nationalDayEve: phrase = .holidayNationalDayEve
        case .nationalDay: phrase = .holidayNationalDay
        }
        return language[phrase]
    }

    /// Where a day comes from, for people.
    static func origin(_ origin: DayOrigin, _ language: Language) -> String {
        switch origin {
        case .official(let source):
            return source
        case .holiday(let holiday):
            return language[.labourCodeHoliday, [.holiday: Self.holiday(holiday, language)]]
        case .compensatory(let holiday, let day):
            // Inside a Vietnamese sentence "Thứ Bảy" is written "thứ Bảy" ("Chủ nhật" keeps its capital).
            var name = weekday(day.weekday, language)
            if language == .vi, name.hasPrefix("Thứ") { name = "thứ" + name.dropFirst(3) }
            return language[.labourCodeInLieu, [.holiday: Self.holiday(holiday, language), .day: "\(name) \(day)"]]
        case .override(let file, let line, let note):
            return "--calendar \(file):\(line)" + (note.isEmpty ? "" : ": \(note)")
        }
    }
}

/// `motcua calendar YEAR`: the listing of a year, on the shipped calendar with `overrides`
/// (a `--calendar` file) applied.
public enum CalendarRun {
    public static func listing(year: Int, overrides path: String?) throws(CommandError) -> CalendarListing? {
        do {
            let overrides = try path.map { path throws(CalendarFileError) in try CalendarFile.read(path: path) }
            let working = try WorkingCalendar(overrides: overrides ?? CalendarOverrides())
            return CalendarListing(year: year, calendar: working)
        } catch {
            throw CommandError(file: error.file, line: error.line, .calendar(error))
        }
    }
}
