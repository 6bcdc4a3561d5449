import Ingest
import Metrics
import Reports

/// `motcua explain`: the dossiers behind one count of the KPI table, or every occurrence of
/// one dossier across the inputs.
public struct Explanation {
    /// The dossiers by the as-of rule, and where they came from (for the look-ups of audits).
    public let set: DossierSet
    public let source: any DossierSource

    public init(set: DossierSet, source: any DossierSource) {
        self.set = set
        self.source = source
    }

    /// The dossiers counted in `column` for `unit` (its name as any input spells it, or
    /// `TOTAL`) in `period`: code, procedure, channel, dates, status, the file and line its
    /// state came from, and why it is in that column; by file and line.
    public func dossiers(in column: CountColumn, unit: String, period: Period, basis: PeriodBasis) throws(CommandError) -> Listing {
        let bounds = period.bounds(basis)
        let wanted = unit.normalizedKey
        let isTotal = wanted == "total"
        let units = Set(set.unitNames.filter { $0.value.normalizedKey == wanted }.keys)
        if !isTotal, units.isEmpty { throw CommandError(.noSuchUnit(unit, suggestions: [])) }
        var picked: [(index: Int, dossier: Dossier)] = []
        for (index, d) in set.dossiers.enumerated() where isTotal || units.contains(d.unit) {
            if DossierClass(d, in: bounds).contains(column) { picked.append((index, d)) }
        }
        let procedures = try CommandError.from { try source.procedures(at: Set(picked.map(\.dossier.source))) }
        let rows = picked.map { index, d in
            Self.dossierRow(code: set.table.code(at: index), procedure: procedures[d.source], dossier: d,
                            file: set.inputs[Int(d.source.file)].name, reason: column.reason(for: d, in: bounds))
        }
        .sorted { ($0[7], Int($0[8]) ?? 0) < ($1[7], Int($1[8]) ?? 0) }
        return Listing(header: Self.dossierHeader, rows: rows)
    }

    /// Every row of the inputs about dossier `code`, accepted or rejected, and which one won.
    public func occurrences(of code: String) throws(CommandError) -> Listing {
        let winner = set.table.dossier(code: code)?.source
        let found = try CommandError.from { try source.occurrences(of: code) }
        if found.isEmpty { throw CommandError(.noOccurrence(code)) }
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

    /// The dossiers behind one count: code, procedure, channel, dates, status, source, reason.
    static let dossierHeader = ["code", "procedure", "channel", "received", "due", "finished", "status", "file", "line", "reason"]

    static func dossierRow(code: String, procedure: String?, dossier d: Dossier, file: String, reason: String) -> [String] {
        [code, procedure ?? "", "\(d.channel.rawValue)", d.received.description, d.due?.description ?? "",
         d.status.isFinished ? (d.finished?.description ?? "") : "", "\(d.status.rawValue)", file,
         "\(d.source.line)", reason]
    }
}
