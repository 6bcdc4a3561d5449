import ArgumentParser
import Commands
import Wording
import WorkingDays

/// `motcua calendar YEAR`: the civil servants' days off (and swapped working days) of a year.
struct CalendarCommand: ParsableCommand {
    static let configuration = commandConfiguration("calendar", .helpCalendar, .helpCalendarDetails)

    static let years = "\(WorkingCalendar.years.lowerBound)–\(WorkingCalendar.years.upperBound)"

    @Argument(help: help(.helpYear, [.years: years]))
    var year: Int

    @Option(help: help(.helpCalendarFormat))
    var format: ListingFormat = .table

    @Option(help: help(.helpCalendarFile))
    var calendar: String?

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard WorkingCalendar.years.contains(year) else { throw usage(.usageYear, [.years: Self.years]) }
    }

    func run() throws {
        let language = language.value
        guard let listing = try failing(language, { try CalendarRun.listing(year: year, overrides: calendar) }) else {
            throw ExitCode(ExitStatus.noInput)
        }
        Terminal.write(format == .csv ? listing.csv() : listing.text(language))
    }
}
