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

    @Flag(help: help(.helpStrict))
    var strict = false

    @Flag(name: [.short, .long], help: help(.helpQuiet))
    var quiet = false

    func run() throws {
        let language = report.language.value
        let run = ReportRun(settings: try report.settings(), format: report.format, strict: strict,
                            colour: report.output == nil && Terminal.stdoutWantsColour)
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
