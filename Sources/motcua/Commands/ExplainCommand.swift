import ArgumentParser
import Commands
import Metrics
import Reports

/// `motcua explain`: the dossiers behind one figure, or every occurrence of one dossier.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "List the dossiers behind one count of the KPI table, or every occurrence of one dossier.",
        discussion: """
            motcua explain --period 2023-Q1 --unit "UBND xã Hoằng Trinh" --count resolved_late FILE...
            motcua explain --dossier H45.4-2023-001249 FILE...
            Without FILE, the store is read. Count columns: \
            \(CountColumn.allCases.filter(\.isPublished).map(\.name).joined(separator: ", ")).
            """)

    @Option(help: "Period, as for report (with --unit and --count).")
    var period: PeriodArgument?

    @Option(help: "Period basis: decree09 or calendar.")
    var basis: PeriodBasis = .decree09

    @Option(help: "The unit, as the report names it (letter case and spacing do not matter), or TOTAL.")
    var unit: String?

    @Option(help: "The count column whose dossiers to list.")
    var count: CountColumnArgument?

    @Option(help: "List every occurrence of this dossier code across the inputs, and which one won.")
    var dossier: String?

    @Option(help: "Output format: table or csv.")
    var format: ListingFormat = .table

    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if dossier != nil {
            if period != nil || unit != nil || count != nil {
                throw ValidationError("Give either --dossier, or --period with --unit and --count.")
            }
        } else if period == nil || unit == nil || count == nil {
            throw ValidationError("Give --period, --unit and --count (or --dossier CODE).")
        }
    }

    func run() throws {
        let progress = ProgressLine()
        defer { progress.finish() }
        let listing = try failing(.en) { () throws -> Listing? in
            let source = try input.inputs(store: store).source()
            let read = try ReadDossiers(source, rejects: input.rejects, progress: progress.update)
            progress.finish()
            let explanation = Explanation(set: read.set, source: source)
            if let code = dossier { return try explanation.occurrences(of: code) }
            guard let period = period?.value, let unit, let column = count?.value else { return nil }
            return try explanation.dossiers(in: column, unit: unit, period: period, basis: basis)
        }
        guard let listing else { return }
        Terminal.write(format == .csv ? listing.csv() : listing.text())
    }
}

enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv
}

struct CountColumnArgument: ExpressibleByArgument {
    var value: CountColumn
    init?(argument: String) {
        guard let value = CountColumn(name: argument.lowercased()) else { return nil }
        self.value = value
    }
}
