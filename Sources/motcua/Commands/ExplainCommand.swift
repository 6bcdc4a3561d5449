import ArgumentParser
import Commands
import KPIMetrics
import Reports
import Wording

/// `motcua explain`: the dossiers behind one figure, or every occurrence of one dossier.
struct ExplainCommand: ParsableCommand {
    static let configuration = commandConfiguration(
        "explain", .helpExplain, .helpExplainDetails,
        slots: [.columns: CountColumn.allCases.filter(\.isPublished).map(\.name).joined(separator: ", ")])

    @Option(help: help(.helpExplainPeriod))
    var period: String?

    @Option(help: help(.helpBasis))
    var basis: PeriodBasis?

    @Option(help: help(.helpExplainTable))
    var table: ReportTable = .kpi

    @Option(help: help(.helpExplainUnit))
    var unit: String?

    @Option(help: help(.helpExplainCount))
    var count: String?

    @Option(help: help(.helpExplainDossier))
    var dossier: String?

    @Option(help: help(.helpListingFormat))
    var format: ListingFormat = .table

    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var language: LanguageOption

    func validate() throws {
        try input.refuseReadOptionsWithoutFiles()
        try input.refuseOverwritingInputs(store: store)
        if dossier != nil {
            if period != nil || unit != nil || count != nil { throw usage(.usageExplainEither) }
        } else if period == nil || unit == nil || count == nil {
            throw usage(.usageExplainAll)
        }
        if let period { _ = try PeriodText.parse(period) }
        if table == .form06a || table == .resolution { throw usage(.usageExplainTable) }
        if let count {
            if table.isService { _ = try figure(count) } else { _ = try Self.column(count) }
        }
    }

    /// The plan's or the index's count that `text` names (`satisfied.denominator`).
    func figure(_ text: String) throws -> ServiceCount {
        guard let count = ServiceFigureName.count(text, table: table) else {
            let counts = ServiceFigureName.countNames(table: table)
            throw usage(counts.isEmpty ? .usageExplainFigure : .usageExplainIndexFigure,
                        [.text: text, .kind: table.rawValue, .list: ServiceFigureName.names(table: table).joined(separator: ", "),
                         .columns: counts.joined(separator: ", ")])
        }
        return count
    }

    /// The count column a title names: its machine name, or a title people see in a table.
    static func column(_ text: String) throws -> CountColumn {
        if let column = CountColumn(name: text.lowercased()) { return column }
        let matches = CountColumn.titled(text)
        if matches.count == 1, let column = matches.first { return column }
        if matches.isEmpty {
            let titles = CountColumn.tableTitles(CommandLanguage.current).map { "'\($0)'" }.joined(separator: ", ")
            throw usage(.errorUnknownColumn, [.text: text, .list: titles])
        }
        throw usage(.errorAmbiguousColumn, [.text: text, .list: matches.map(\.name).joined(separator: ", ")])
    }

    func run() throws {
        let language = language.value
        let words: Language? = format == .csv ? nil : language
        let progress = ProgressLine()
        defer { progress.finish() }
        let listing = try failing(language) { () throws -> Listing? in
            let source = try input.inputs(store: store).source()
            let read = try ReadDossiers(source, catalogue: input.catalogue, rejects: input.rejects, progress: progress.update)
            progress.finish()
            let explanation = Explanation(set: read.set, source: source)
            if let code = dossier { return try explanation.occurrences(of: code, language: words) }
            guard let period, let unit, let count else { return nil }
            let basis = basis ?? table.defaultBasis
            if table.isService {
                return try explanation.dossiers(in: try figure(count), catalogue: read.catalogue, unit: unit,
                                                period: try PeriodText.parse(period), basis: basis, language: words)
            }
            return try explanation.dossiers(in: try Self.column(count), unit: unit, period: try PeriodText.parse(period),
                                            basis: basis, language: words)
        }
        guard let listing else { return }
        Terminal.write(format == .csv ? listing.csv() : listing.text())
    }
}

enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv
}
