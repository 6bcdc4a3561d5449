import Ingest

/// The days a `--calendar` file adds to the calendar or changes in it, validated.
///
/// Built from parsed rows, whoever parsed them: each row is `(line, date, kind, note)` as text.
/// Dates are `yyyy-MM-dd` or `dd/MM/yyyy` (every date form of the export spec is accepted, a
/// time of day is not); kinds are `nghỉ` or `làm` (see ``DayKind/init(reading:)``). A first row
/// whose date is the word `date` (or `ngày`) is a header and is skipped. The first fault stops:
/// a calendar half applied is worse than none.
public struct CalendarOverrides: Sendable {
    /// One row of a calendar file, as text.
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var date: String
        public var kind: String
        public var note: String

        public init(line: Int, date: String, kind: String, note: String) {
            self.line = line
            self.date = date
            self.kind = kind
            self.note = note
        }
    }

    /// The file the rows come from, as named on the command line; nil for no overrides.
    public let file: String?
    /// In day order.
    public let entries: [ScheduleEntry]

    /// No overrides.
    public init() {
        file = nil
        entries = []
    }

    public init(file: String, rows: [Row]) throws(CalendarFileError) {
        var entries: [ScheduleEntry] = []
        var firstLine: [CivilDay: Int] = [:]
        for (index, row) in rows.enumerated() {
            if index == 0, ["date", "ngày", "ngay"].contains(row.date.normalizedKey) { continue }
            let fail = { (field: CalendarFileError.Field, kind: CalendarFileError.Kind) in
                CalendarFileError(file: file, line: row.line, field: field, kind: kind)
            }
            let dateText = row.date.normalizedForDisplay
            guard case .success(let value) = DateValue.parse(dateText, role: .moment), !value.hasTime else {
                throw fail(.date, .badDate(dateText))
            }
            let day = CivilDay(value.moment)
            guard WorkingCalendar.years.contains(day.year) else { throw fail(.date, .outsideYears(dateText)) }
            guard let kind = DayKind(reading: row.kind) else {
                throw fail(.kind, .unknownKind(row.kind.normalizedForDisplay))
            }
            if let first = firstLine[day] { throw fail(.date, .duplicateDate(dateText, firstLine: first)) }
            firstLine[day] = row.line
            let origin = DayOrigin.override(file: file, line: row.line, note: row.note.normalizedForDisplay)
            entries.append(ScheduleEntry(day: day, kind: kind, origin: origin))
        }
        self.file = file
        self.entries = entries.sorted { $0.day < $1.day }
    }

    public var isEmpty: Bool { entries.isEmpty }
}
