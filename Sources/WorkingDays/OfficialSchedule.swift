import Ingest

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
        // The same reader and rules as a --calendar file (dates, kinds, one row a day), every
        // row with its source as the note.
        let rows = try CalendarFile.rows(InputFile(name: file, bytes: bytes), fields: 3)
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
