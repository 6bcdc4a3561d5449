import ArgumentParser
import Commands
import Wording

/// `--fill-deadlines` and `--calendar`: how deadlines are counted, for the commands that
/// count them.
struct DeadlineOptions: ParsableArguments {
    @Flag(name: .customLong("fill-deadlines"), help: help(.helpFillDeadlines))
    var fillDeadlines = false

    @Option(help: help(.helpCalendarOverrides))
    var calendar: String?

    var settings: DeadlineSettings { DeadlineSettings(fillDeadlines: fillDeadlines, calendarFile: calendar) }

    /// `--fill-deadlines` takes its time limits from the catalogue.
    func check(catalogue: String?) throws {
        if fillDeadlines, catalogue == nil { throw usage(.usageFillDeadlinesCatalogue) }
    }
}
