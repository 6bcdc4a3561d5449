import ArgumentParser
import Foundation
import Ingest
import KPIMetrics
import Reports
import Store

/// `motcua report`: the KPI table of one period, from export files or from the store.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compute the KPI table of a period from export files, or from the store when no FILE is given.")

    @OptionGroup var report: ReportOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions

    @Flag(help: "Exit with status 65, writing no report, when any row is rejected.")
    var strict = false

    @Flag(help: "Do not print the summary on stderr.")
    var quiet = false

    func run() throws {
        let source = try input.dossierSource(store: store, digests: report.format.namesInputsByHash)
        let (set, firstReject) = try readDossiers(from: source, rejects: input.rejects)
        if strict, let reject = firstReject {
            Terminal.fail("\(reject.file):\(reject.line): row rejected (--strict): \(reject.sentence)")
            throw ExitCode(Exit.dataError)
        }
        let settings = ReportSettings(period: report.period.value, basis: report.basis, target: report.target.value,
                                      grouping: report.by, breakdown: report.breakdown, language: report.lang)
        let bytes: Data
        do {
            bytes = try Report(settings: settings, set: set)
                .render(report.format, colour: report.output == nil && Terminal.stdoutWantsColour)
        } catch {
            Terminal.fail("\(report.output ?? "stdout"): \(error)")
            throw ExitCode(Exit.cannotCreate)
        }
        try Terminal.deliver(bytes, to: report.output)
        if !quiet {
            var summary = RunSummary(inputs: set.inputs, dossiers: set.dossiers.count, collapsed: set.collapsed)
            summary.aliasUses = set.aliasUses
            Terminal.writeError(summary.text(language: report.lang))
        }
    }

    func validate() throws {
        if let step = report.breakdown {
            guard report.format.showsBreakdown else {
                throw ValidationError("--breakdown goes with a format for people: table, md, html or xlsx.")
            }
            let fits: Bool
            switch (step, report.period.value.span) {
            case (.quarter, .year), (.quarter, .half), (.quarter, .nineMonths), (.half, .year): fits = true
            default: fits = false
            }
            if !fits {
                throw ValidationError("--breakdown \(step.rawValue) needs a longer period (quarters: a year, a half or nine months; halves: a year).")
            }
        }
        if report.format == .xlsx, report.output == nil {
            throw ValidationError("--format xlsx needs --output FILE.xlsx.")
        }
        if report.by == .field, !report.format.isForPeople {
            throw ValidationError("--by field goes with formats for people; csv and json are the KPI table by unit.")
        }
    }
}
