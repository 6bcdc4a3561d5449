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
        let source = try input.dossierSource(store: store, digests: [.json, .html, .xlsx].contains(report.format))
        let (set, firstReject) = try readDossiers(from: source, rejects: input.rejects)
        if strict, let reject = firstReject {
            Terminal.fail("\(reject.file):\(reject.line): row rejected (--strict): \(reject.sentence)")
            throw ExitCode(Exit.dataError)
        }
        if report.format == .xlsx {
            try writeWorkbook(set)
        } else {
            try Terminal.deliver(try render(set), to: report.output)
        }
        if !quiet {
            var summary = RunSummary(inputs: set.inputs, dossiers: set.dossiers.count, collapsed: set.collapsed)
            summary.aliasUses = set.aliasUses
            Terminal.writeError(summary.text(language: report.lang))
        }
    }

    func validate() throws {
        if let step = report.breakdown {
            guard [.table, .md, .html, .xlsx].contains(report.format) else {
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
        if report.by == .field, [.csv, .json].contains(report.format) {
            throw ValidationError("--by field goes with formats for people; csv and json are the KPI table by unit.")
        }
    }

    private func render(_ set: DossierSet) throws -> String {
        let period = report.period.value, lang = report.lang
        if let step = report.breakdown {
            let breakdown = KPIBreakdown(period: period, step: step, basis: report.basis, target: report.target.value,
                                         dossiers: set.dossiers, unitNames: set.unitNames)
            switch report.format {
            case .md: return breakdown.markdown(language: lang)
            case .html: return breakdown.html(language: lang)
            default: return breakdown.text(language: lang)
            }
        }
        let table = KPITable(period: period, basis: report.basis, target: report.target.value,
                             dossiers: set.dossiers, unitNames: set.unitNames, grouping: report.by,
                             fieldNames: set.fieldNames, unknownFieldName: lang == .vi ? "(không rõ lĩnh vực)" : "(unknown field)")
        switch report.format {
        case .csv: return table.csv()
        case .json: return try table.json(manifest: ReportManifest(inputs: set.inputs, aliases: set.aliasUses))
        case .form06a: return table.form06aText(language: lang)
        case .md: return table.markdown(language: lang)
        case .html: return table.html(language: lang, manifest: ReportManifest(inputs: set.inputs, aliases: set.aliasUses))
        case .table, .xlsx: return table.text(language: lang, colour: report.output == nil && Terminal.stdoutWantsColour)
        }
    }

    /// The workbook: the KPI table, the breakdown (with `--breakdown`), form 06a (by unit or
    /// field) and the inputs.
    private func writeWorkbook(_ set: DossierSet) throws {
        guard let path = report.output else { return }
        let lang = report.lang
        func table(_ grouping: KPITable.Grouping) -> KPITable {
            KPITable(period: report.period.value, basis: report.basis, target: report.target.value,
                     dossiers: set.dossiers, unitNames: set.unitNames, grouping: grouping, fieldNames: set.fieldNames,
                     unknownFieldName: lang == .vi ? "(không rõ lĩnh vực)" : "(unknown field)")
        }
        let breakdown = report.breakdown.map { step in
            KPIBreakdown(period: report.period.value, step: step, basis: report.basis, target: report.target.value,
                         dossiers: set.dossiers, unitNames: set.unitNames)
        }
        do {
            try XLSXReport.write(table: table(.unit), form06a: table(report.by), inputs: set.inputs, language: lang,
                                 breakdown: breakdown, to: path)
        } catch {
            Terminal.fail(String(describing: error))
            throw ExitCode(Exit.cannotCreate)
        }
    }
}
