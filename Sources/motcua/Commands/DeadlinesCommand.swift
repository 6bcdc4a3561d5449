import ArgumentParser
import Commands
import KPIMetrics
import Reports
import Wording

/// `motcua deadlines`: the deadline audit of a period against the procedure catalogue.
struct DeadlinesCommand: ParsableCommand {
    static let configuration = commandConfiguration("deadlines", .helpDeadlines, .helpDeadlinesDetails)

    @Option(help: help(.helpPeriod))
    var period: String

    @Option(help: help(.helpBasis))
    var basis: PeriodBasis = .decree09

    @Option(name: .customLong("format"), help: help(.helpListFormat))
    var formatOption = FormatOption<ListFormats>(.table)
    var format: ReportFormat { formatOption.format }

    @OptionGroup var deadlines: DeadlineOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var language: LanguageOption

    @Option(help: help(.helpOutput))
    var output: String?

    @Flag(help: help(.helpStrict))
    var strict = false

    @Flag(name: [.short, .long], help: help(.helpQuiet))
    var quiet = false

    func validate() throws {
        try input.refuseReadOptionsWithoutFiles()
        _ = try PeriodText.parse(period)
        if format == .json || format == .form06a { throw usage(.usageListFormat, [.text: format.rawValue]) }
        if format == .xlsx, output == nil { throw usage(.usageXLSXOutput) }
        if input.catalogue == nil { throw usage(.usageNeedCatalogue, [.name: "motcua deadlines"]) }
        if deadlines.fillDeadlines { throw usage(.usageFillDeadlinesHere, [.name: "motcua deadlines"]) }
        try input.refuseOverwritingInputs([("--output", output)], calendar: deadlines.calendar, store: store)
    }

    func run() throws {
        let language = language.value
        let run = DeadlineAuditRun(period: try PeriodText.parse(period), basis: basis, format: format, language: language,
                                   calendarFile: deadlines.calendar, strict: strict)
        let progress = ProgressLine()
        defer { progress.finish() }
        let outcome = try failing(language) {
            try run.perform(input.inputs(store: store), rejects: input.rejects, output: output, progress: progress.update)
        }
        progress.finish()
        try failing(language) { try Terminal.deliver(outcome.bytes, to: output) }
        if !quiet { Terminal.writeError(outcome.summary.text(language: language)) }
    }
}
