import ArgumentParser
import Commands
import Reports
import Wording

/// `motcua report`: the KPI table (or form 06a) of one period, from export files or from the store.
struct ReportCommand: ParsableCommand {
    static let configuration = commandConfiguration("report", .helpReport)

    @OptionGroup var report: ReportOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var deadlines: DeadlineOptions

    @Flag(help: help(.helpStrict))
    var strict = false

    @Flag(name: [.short, .long], help: help(.helpQuiet))
    var quiet = false

    func validate() throws {
        try input.refuseReadOptionsWithoutFiles()
        try input.refuseOverwritingInputs([("--output", report.output)], calendar: deadlines.calendar, store: store)
        try deadlines.check(catalogue: input.catalogue)
        if deadlines.fillDeadlines, report.table == .resolution {
            throw usage(.usageFillDeadlinesHere, [.name: "--table resolution"])
        }
        if let rollUp = report.by.rollUp, input.units == nil { throw usage(.usageRollUpUnits, [.text: rollUp.argument]) }
    }

    func run() throws {
        let language = report.language.value
        var run = ReportRun(settings: try report.settings(), format: report.format, strict: strict,
                            colour: report.output == nil && Terminal.stdoutWantsColour)
        run.deadlines = deadlines.settings
        let progress = ProgressLine()
        defer { progress.finish() }
        let outcome = try failing(language) {
            try run.perform(input.inputs(store: store), rejects: input.rejects, output: report.output, progress: progress.update)
        }
        progress.finish()
        try failing(language) { try Terminal.deliver(outcome.bytes, to: report.output) }
        if !quiet { Terminal.writeError(outcome.summary.text(language: language)) }
    }
}
