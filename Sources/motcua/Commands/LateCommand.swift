import ArgumentParser
import Commands
import Ingest
import KPIMetrics
import Reports
import Wording

/// `motcua late`: the late dossiers of a period, or (`--due-within N --as-of DATE`) the pending
/// dossiers falling due, from export files or the store.
struct LateCommand: ParsableCommand {
    static let configuration = commandConfiguration("late", .helpLate, .helpLateDetails)

    @Option(help: help(.helpPeriod))
    var period: String?

    @Option(help: help(.helpBasis))
    var basis: PeriodBasis = .decree09

    @Option(name: .customLong("format"), help: help(.helpListFormat))
    var formatOption = FormatOption<ListFormats>(.table)
    var format: ReportFormat { formatOption.format }

    // Unconditional: `-1` is this option's (refused) value, not an unknown flag.
    @Option(name: .customLong("due-within"), parsing: .unconditional, help: help(.helpDueWithin))
    var dueWithin: Int?

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
        if format == .json || format == .form06a { throw usage(.usageListFormat, [.text: format.rawValue]) }
        if format == .xlsx, output == nil { throw usage(.usageXLSXOutput) }
        try deadlines.check(catalogue: input.catalogue)
        var byPeriod = false
        if case .period = try mode() { byPeriod = true }
        try input.refuseReadOptionsWithoutFiles(asOf: byPeriod)
        try input.refuseOverwritingInputs([("--output", output)], calendar: deadlines.calendar, store: store)
    }

    /// A period, or N working days from the `--as-of` moment; not both.
    func mode() throws -> LateRun.Mode {
        switch (period, dueWithin) {
        case (let period?, nil): return .period(try PeriodText.parse(period), basis)
        case (nil, let days?):
            guard input.asOf != nil else { throw usage(.usageDueWithinAsOf) }
            guard days >= 0 else { throw usage(.usageDueWithinDays, [.text: String(days)]) }
            guard let asOf = try input.asOfMoment() else { throw usage(.usageDueWithinAsOf) }
            return .dueWithin(days: days, asOf: asOf)
        default: throw usage(.usageDueWithinPeriod)
        }
    }

    func run() throws {
        let language = language.value
        let mode = try mode()
        var inputs = try input.inputs(store: store)
        // The ruling of issue 13: with --due-within, --as-of is the list's moment only.
        if case .dueWithin = mode { inputs.read.asOf = nil }
        let run = LateRun(mode: mode, format: format, language: language, deadlines: deadlines.settings, strict: strict)
        let progress = ProgressLine()
        defer { progress.finish() }
        let outcome = try failing(language) {
            try run.perform(inputs, rejects: input.rejects, output: output, progress: progress.update)
        }
        progress.finish()
        try failing(language) { try Terminal.deliver(outcome.bytes, to: output) }
        if !quiet { Terminal.writeError(outcome.summary.text(language: language)) }
    }
}
