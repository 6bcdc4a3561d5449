import ArgumentParser
import Ingest
import KPIMetrics
import Reports
import Store

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
        let source = try input.dossierSource(store: store)
        let (set, _) = try readDossiers(from: source, rejects: input.rejects)
        let listing: Listing
        if let code = dossier {
            listing = try occurrences(of: code, in: set, from: source)
        } else if let period = period?.value, let unit, let column = count?.value {
            listing = try dossiers(in: column, unit: unit, period: period, set: set, from: source)
        } else {
            return
        }
        Terminal.write(format == .csv ? listing.csv() : listing.text())
    }

    private func dossiers(in column: CountColumn, unit: String, period: Period, set: DossierSet,
                          from source: any DossierSource) throws -> Listing {
        let bounds = period.bounds(basis)
        let wanted = unit.normalizedKey
        let isTotal = wanted == "total"
        let units = Set(set.unitNames.filter { $0.value.normalizedKey == wanted }.keys)
        if !isTotal, units.isEmpty {
            Terminal.fail("no unit named '\(unit)' in the inputs")
            throw ExitCode(Exit.noInput)
        }
        var picked: [(index: Int, dossier: Dossier)] = []
        for (index, d) in set.dossiers.enumerated() where isTotal || units.contains(d.unit) {
            if DossierClass(d, in: bounds).contains(column) { picked.append((index, d)) }
        }
        let procedures = try failing { try source.procedures(at: Set(picked.map(\.dossier.source))) }
        let rows = picked.map { index, d in
            Listing.dossierRow(code: set.table.code(at: index), procedure: procedures[d.source], dossier: d,
                               file: set.inputs[Int(d.source.file)].name, reason: column.reason(for: d, in: bounds))
        }
        .sorted { ($0[7], Int($0[8]) ?? 0) < ($1[7], Int($1[8]) ?? 0) }
        return Listing(header: Listing.dossierHeader, rows: rows)
    }

    private func occurrences(of code: String, in set: DossierSet, from source: any DossierSource) throws -> Listing {
        let winner = set.table.dossier(code: code)?.source
        let found = try failing { try source.occurrences(of: code) }
        if found.isEmpty {
            Terminal.fail("no occurrence of dossier \(code) in the inputs")
            throw ExitCode(Exit.noInput)
        }
        let rows = found.map { o -> [String] in
            let d = o.dossier
            let state = o.reject.map { "rejected: \($0.sentence)" } ?? (o.source == winner ? "wins" : "superseded")
            return [o.file, "\(o.line)", o.unit ?? "", o.procedure ?? "", d.map { "\($0.channel.rawValue)" } ?? "",
                    d?.received.description ?? "", d?.due?.description ?? "",
                    d.flatMap { $0.status.isFinished ? $0.finished?.description : nil } ?? "",
                    d.map { "\($0.status.rawValue)" } ?? "", state]
        }
        return Listing(header: ["file", "line", "unit", "procedure", "channel", "received", "due", "finished", "status", "state"],
                       rows: rows)
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
