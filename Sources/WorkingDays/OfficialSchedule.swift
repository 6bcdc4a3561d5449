/// The official days off and swapped working days of civil servants that ship with motcua.
///
/// The data is `Resources/official-days-off.csv` (`date,kind,source`), embedded in the code at
/// build time: one row per day that differs from the ordinary week (a weekday off, or a
/// Saturday or Sunday worked), each with the notice or article it comes from. A year with any
/// row is an official year, and its rows are its whole schedule: holidays on weekdays (by the
/// Labour Code), the days the yearly notices give, and the swaps the Prime Minister approved.
public struct OfficialSchedule: Sendable {
    /// By year, in day order.
    public let years: [Int: [ScheduleEntry]]

    /// The name messages give the shipped data.
    static let fileName = "official-days-off.csv"

    /// The shipped schedule.
    public static func shipped() throws(CalendarFileError) -> OfficialSchedule {
        try OfficialSchedule(csv: PackageResources.official_days_off_csv, file: fileName)
    }

    /// Reads a schedule in the shipped format (a header, then `date,kind,source`).
    init(csv bytes: [UInt8], file: String) throws(CalendarFileError) {
        let records: [CSVRows.Record]
        do {
            records = try CSVRows.parse(bytes)
        } catch {
            switch error {
            case .notUTF8: throw CalendarFileError(file: file, kind: .notText)
            case .malformedQuote(let line): throw CalendarFileError(file: file, line: line, kind: .malformedQuote)
            }
        }
        // The same rules as a --calendar file (dates, kinds, one row a day), the source as note.
        let rows = records.dropFirst().map { record in
            CalendarOverrides.Row(line: record.line, date: record.fields.first ?? "",
                                  kind: record.fields.count > 1 ? record.fields[1] : "",
                                  note: record.fields.count > 2 ? record.fields[2] : "")
        }
        if let record = records.dropFirst().first(where: { $0.fields.count != 3 }) {
            throw CalendarFileError(file: file, line: record.line, field: .note, kind: .tooManyFields(record.fields.count))
        }
        let parsed = try CalendarOverrides(file: file, rows: rows)
        var years: [Int: [ScheduleEntry]] = [:]
        for entry in parsed.entries {
            guard case .override(_, _, let source) = entry.origin else { continue }
            years[entry.day.year, default: []].append(
                ScheduleEntry(day: entry.day, kind: entry.kind, origin: .official(source: source)))
        }
        self.years = years
    }

    /// The official schedule of a year, or nil when none ships.
    public func schedule(for year: Int) -> YearSchedule? {
        years[year].map { YearSchedule(year: year, basis: .official, entries: $0) }
    }
}
