import ArgumentParser
import Foundation
import Ingest
import Metrics
import Reports

/// `motcua report`: the KPI table of one period from export files.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compute the KPI table of a period from export files.")

    @OptionGroup var report: ReportOptions
    @OptionGroup var input: InputOptions

    @Flag(help: "Exit with status 65, writing no report, when any row is rejected.")
    var strict = false

    @Flag(help: "Do not print the summary on stderr.")
    var quiet = false

    func run() throws {
        let run = try InputRun(input, stopAtFirstFailure: true)
        let loader = run.loader
        if strict, let reject = run.firstReject {
            Terminal.fail("\(reject.file):\(reject.line): row rejected (--strict): \(reject.sentence)")
            throw ExitCode(Exit.dataError)
        }
        let table = KPITable(period: report.period.value, basis: report.basis, target: report.target.value,
                             dossiers: loader.dossiers.dossiers, unitNames: loader.unitNames)
        let body: String
        switch report.format {
        case .csv: body = table.csv()
        case .json: body = try table.json()
        case .table:
            body = table.text(language: report.lang, colour: report.output == nil && Terminal.stdoutWantsColour)
        }
        if let path = report.output {
            do {
                try Data(body.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                Terminal.fail("\(path): cannot write the report")
                throw ExitCode(Exit.cannotCreate)
            }
        } else {
            Terminal.write(body)
        }
        if !quiet {
            let summary = RunSummary(inputs: loader.inputs, dossiers: loader.dossiers.count,
                                     collapsed: loader.occurrencesCollapsed)
            Terminal.writeError(summary.text(language: report.lang))
        }
    }
}
