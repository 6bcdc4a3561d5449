import ArgumentParser
import Commands
import KPIMetrics
import Reports
import Wording

/// `motcua apologies`: an apology letter for each late dossier of a period without a written
/// apology yet, one per A4 page.
struct ApologiesCommand: ParsableCommand {
    static let configuration = commandConfiguration("apologies", .helpApologies, .helpApologiesDetails)

    @Option(help: help(.helpPeriod))
    var period: String

    @Option(help: help(.helpBasis))
    var basis: PeriodBasis = .decree09

    @Option(name: .customLong("format"), help: help(.helpLetterFormat))
    var formatOption = FormatOption<LetterFormats>(.html)
    var format: ReportFormat { formatOption.format }

    @Option(help: help(.helpLetterOutput))
    var output: String

    @OptionGroup var deadlines: DeadlineOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var language: LanguageOption

    @Flag(help: help(.helpStrict))
    var strict = false

    @Flag(name: [.short, .long], help: help(.helpQuiet))
    var quiet = false

    func validate() throws {
        try input.refuseReadOptionsWithoutFiles()
        _ = try PeriodText.parse(period)
        guard format == .md || format == .html else { throw usage(.usageLetterFormat, [.text: format.rawValue]) }
        try deadlines.check(catalogue: input.catalogue)
        try input.refuseOverwritingInputs([("--output", output)], calendar: deadlines.calendar, store: store)
    }

    func run() throws {
        let language = language.value
        let run = ApologyRun(period: try PeriodText.parse(period), basis: basis, language: language,
                             deadlines: deadlines.settings, strict: strict)
        let progress = ProgressLine()
        defer { progress.finish() }
        let outcome = try failing(language) {
            try run.perform(input.inputs(store: store), format: format, rejects: input.rejects, progress: progress.update)
        }
        progress.finish()
        try failing(language) { try Terminal.deliver(outcome.bytes, to: output) }
        if !quiet { Terminal.writeError(outcome.summary.text(language: language)) }
    }
}
