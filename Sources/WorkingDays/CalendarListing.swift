import Foundation

/// `motcua calendar YEAR`: a year's days off and swapped working days with their source, for
/// people (an aligned table) or machines (csv: `date,kind,source`).
///
/// Presentation lives here until the Reports restructure gives it a home; the words are in
/// ``CalendarWording``.
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

    /// `date,kind,source`: the date as `yyyy-MM-dd`, the kind `nghỉ` or `làm`.
    public func csv() -> String {
        var out = "date,kind,source\n"
        for entry in schedule.entries {
            out += [entry.day.iso, entry.kind.rawValue, CalendarWording.csvSource(entry.origin)]
                .map(csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    /// The aligned table, with its heading and a summary line.
    public func text(_ language: CalendarLanguage) -> String {
        var out = CalendarWording.title(year: schedule.year, basis: schedule.basis, in: language) + "\n"
        let overrides = schedule.entries.filter { if case .override = $0.origin { true } else { false } }
        if let file = overridesFile, !overrides.isEmpty {
            out += CalendarWording.overridesLine(file: file, count: overrides.count, in: language) + "\n"
        }
        out += "\n"
        let rows = [CalendarWording.header(in: language)] + schedule.entries.map { entry in
            [entry.day.description, CalendarWording.weekday(entry.day.weekday, in: language),
             CalendarWording.kind(entry.kind, in: language), CalendarWording.origin(entry.origin, in: language)]
        }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let padded = (0..<3).map { row[$0] + String(repeating: " ", count: widths[$0] - row[$0].count) }
            out += (padded + [row[3]]).joined(separator: "  ") + "\n"
        }
        let off = schedule.entries.filter { $0.kind == .off && !$0.day.weekday.isWeekend }.count
        let work = schedule.entries.filter { $0.kind == .work && $0.day.weekday.isWeekend }.count
        out += "\n" + CalendarWording.summary(off: off, work: work, workingDays: workingDays, in: language) + "\n"
        return out
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break.
    private func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
