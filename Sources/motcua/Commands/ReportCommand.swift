import ArgumentParser
import Foundation
import Ingest
import Metrics
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
        let (set, firstReject) = input.files.isEmpty ? try fromStore() : try fromFiles()
        if strict, let reject = firstReject {
            Terminal.fail("\(reject.file):\(reject.line): row rejected (--strict): \(reject.sentence)")
            throw ExitCode(Exit.dataError)
        }
        let table = KPITable(period: report.period.value, basis: report.basis, target: report.target.value,
                             dossiers: set.dossiers, unitNames: set.unitNames)
        let body: String
        switch report.format {
        case .csv: body = table.csv()
        case .json: body = try table.json(manifest: ReportManifest(inputs: set.inputs))
        case .table:
            body = table.text(language: report.lang, colour: report.output == nil && Terminal.stdoutWantsColour)
        }
        try Terminal.deliver(body, to: report.output)
        if !quiet {
            let summary = RunSummary(inputs: set.inputs, dossiers: set.dossiers.count, collapsed: set.collapsed)
            Terminal.writeError(summary.text(language: report.lang))
        }
    }

    private func fromFiles() throws -> (DossierSet, Reject?) {
        let run = try InputRun(input, stopAtFirstFailure: true, digests: report.format == .json)
        return (run.loader.result, run.firstReject)
    }

    private func fromStore() throws -> (DossierSet, Reject?) {
        let opened = try store.open(create: false)
        do {
            let set = try opened.dossierSet()
            let rejects = try opened.rejects()
            if let path = input.rejects { try RejectsFile.write(rejects, to: path) }
            return (set, rejects.first)
        } catch let error as StoreError {
            throw StoreFailure(error)
        }
    }
}
