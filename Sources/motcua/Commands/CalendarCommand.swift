import ArgumentParser
import Commands
import Wording
import WorkingDays

/// `motcua calendar YEAR`: the civil servants' days off (and swapped working days) of a year.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "List the days off and swapped working days of civil servants in a year, with their source.",
        discussion: """
            Official years ship with motcua (each day with the notice it comes from); other years \
            are computed by the Labour Code 2019 with the Vietnamese lunar calendar and say \
            "computed, not official". --calendar FILE (CSV: date, kind, note; kind nghỉ or làm) \
            adds or overrides days. Exit status: 64 the command line is wrong; 65 a row of the \
            calendar file is wrong; 66 the calendar file cannot be read.
            """)

    @Argument(help: "The year (\(WorkingCalendar.years.lowerBound)–\(WorkingCalendar.years.upperBound)).")
    var year: Int

    @Option(help: "Output format: table (for people) or csv (date,kind,source).")
    var format: ListingFormat = .table

    @Option(help: "CSV of days to add or override: date, kind (nghỉ or làm), note.")
    var calendar: String?

    @Option(help: "Language of the table: vi or en.")
    var lang: Language = .vi

    func validate() throws {
        guard WorkingCalendar.years.contains(year) else {
            throw ValidationError("The year must be within \(WorkingCalendar.years.lowerBound)–\(WorkingCalendar.years.upperBound).")
        }
    }

    func run() throws {
        guard let listing = try failing(lang, { try CalendarRun.listing(year: year, overrides: calendar) }) else {
            throw ExitCode(ExitStatus.noInput)
        }
        Terminal.write(format == .csv ? listing.csv() : listing.text(lang))
    }
}
