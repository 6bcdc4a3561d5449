import Ingest
import Wording

/// The summary a report prints on stderr: files, rows, dossiers, rejects by reason,
/// duplicates collapsed, the aliases that moved dossiers, the exports that look cut off. Counts
/// only: no row content, so no personal data.
public struct RunSummary: Sendable {
    public var inputs: [InputSummary]
    public var dossiers: Int
    public var collapsed: Int
    /// Aliases that moved dossiers to another unit.
    public var aliasUses: [AliasUse] = []
    /// The procedure catalogue read, if any, and the procedures dossiers use that it lacks
    /// (most frequent first).
    public var catalogue: Catalogue?
    public var missingProcedures: [(code: String, dossiers: Int)] = []
    /// Lines a command adds after the counts, already worded.
    public var notes: [String] = []

    public init(inputs: [InputSummary], dossiers: Int, collapsed: Int) {
        self.inputs = inputs
        self.dossiers = dossiers
        self.collapsed = collapsed
    }

    /// The summary of a set of dossiers read.
    public init(_ set: DossierSet, catalogue: Catalogue? = nil) {
        self.init(inputs: set.inputs, dossiers: set.dossiers.count, collapsed: set.collapsed)
        aliasUses = set.aliasUses
        self.catalogue = catalogue
        missingProcedures = catalogue.map(set.missingProcedures(from:)) ?? []
    }

    public func text(language: Language) -> String {
        let rows = inputs.reduce(0) { $0 + $1.rowsRead }
        var reasons: [RejectReason: Int] = [:]
        for input in inputs { reasons.merge(input.rejectsByReason, uniquingKeysWith: +) }
        let n = language.count
        var out = language[.summaryTotals, [.files: String(inputs.count), .rows: n(rows), .dossiers: n(dossiers),
                                            .rejected: n(reasons.values.reduce(0, +)), .collapsed: n(collapsed)]] + "\n"
        for use in aliasUses {
            out += "  " + language[.summaryAlias, [.name: use.name, .unit: use.unit, .count: n(use.dossiers)]] + "\n"
        }
        for reason in RejectReason.allCases {
            guard let count = reasons[reason] else { continue }
            out += "  " + language[.summaryRejected, [.count: n(count), .reason: reason.summary(language)]] + "\n"
        }
        for input in inputs {
            if let cutOff = input.cutOff { out += "  " + input.name + ": " + cutOff.warning(language) + "\n" }
        }
        if let catalogue {
            for line in Self.catalogueLines(catalogue, missing: missingProcedures, language: language) { out += line + "\n" }
        }
        for note in notes { out += note + "\n" }
        return out
    }

    /// The catalogue's part of the summary, a line each: what was read, its rejected rows by
    /// reason, the procedures dossiers use that it lacks. Every command that reads a catalogue
    /// says it so (`report`, `check`, `run`'s log).
    public static func catalogueLines(_ catalogue: Catalogue, missing missingProcedures: [(code: String, dossiers: Int)] = [],
                                      language: Language) -> [String] {
        let n = language.count
        var lines = [language[.summaryCatalogue, [.file: catalogue.name, .rows: n(catalogue.rowsRead),
                                                  .count: n(catalogue.entries.count), .rejected: n(catalogue.rejected)]]]
        for reason in RejectReason.allCases {
            guard let count = catalogue.rejectsByReason[reason] else { continue }
            lines.append("  " + language[.summaryRejected, [.count: n(count), .reason: reason.summary(language)]])
        }
        if !missingProcedures.isEmpty {
            lines.append(language[.summaryMissingProcedures, [.count: n(missingProcedures.count)]])
            for (code, count) in missingProcedures {
                lines.append("  " + language[.summaryMissingProcedure, [.code: code, .count: n(count)]])
            }
        }
        return lines
    }
}
