import Ingest
import KPIMetrics
import Reports
import Wording

/// `motcua explain`: the dossiers behind one count of the KPI table, or every occurrence of
/// one dossier across the inputs. Worded for people in their language, or for machines
/// (`language` nil: column names, codes and English reasons, as the csv listing writes them).
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
    /// state came from, and why it is in that column; by file and line. An unknown unit is an
    /// error that suggests the closest names.
    public func dossiers(in column: CountColumn, unit: String, period: Period, basis: PeriodBasis,
                         language: Language?) throws(CommandError) -> Listing {
        let bounds = period.bounds(basis)
        return try listing(unit: unit, language: language) { DossierClass($0, in: bounds).contains(column) } reason: { words, d in
            words.reason(column, d, bounds)
        }
    }

    /// The dossiers of `unit` (or `TOTAL`) that `counts` picks, by file and line: code,
    /// procedure, channel, dates, status, the file and line of their state, and `reason`.
    func listing(unit: String, language: Language?, counts: (Dossier) -> Bool,
                 reason: (DossierWords, Dossier) -> String) throws(CommandError) -> Listing {
        let wanted = unit.normalizedKey
        let isTotal = wanted == "total" || Language.allCases.contains { $0[.total].normalizedKey == wanted }
        let units = Set(set.unitNames.filter { $0.value.normalizedKey == wanted }.keys)
        if !isTotal, units.isEmpty {
            throw CommandError(.noSuchUnit(unit, suggestions: UnitSuggestions.closest(to: unit, among: Array(set.unitNames.values))))
        }
        var picked: [(index: Int, dossier: Dossier)] = []
        for (index, d) in set.dossiers.enumerated() where (isTotal || units.contains(d.unit)) && counts(d) {
            picked.append((index, d))
        }
        let procedures = try CommandError.from { try source.procedures(at: Set(picked.map(\.dossier.source))) }
        let words = DossierWords(language)
        let rows = picked.sorted { (set.inputs[Int($0.dossier.source.file)].name, $0.dossier.source.line)
            < (set.inputs[Int($1.dossier.source.file)].name, $1.dossier.source.line) }
        .map { index, d in
            [set.table.code(at: index), procedures[d.source] ?? "", words.channel(d.channel), d.received.description,
             d.due?.description ?? "", d.status.isFinished ? (d.finished?.description ?? "") : "", words.status(d.status),
             set.inputs[Int(d.source.file)].name, "\(d.source.line)", reason(words, d)]
        }
        return Listing(header: words.header([.code, .procedure, .channel, .received, .due, .finished, .status, .file, .line, .reason]),
                       rows: rows)
    }

    /// Every row of the inputs about dossier `code`, accepted or rejected, and which one won,
    /// in the order the as-of rule ranks them (the winner last of the accepted ones): the same
    /// from files, in whatever order they are named, and from the store, in whatever order they
    /// were imported.
    public func occurrences(of code: String, language: Language?) throws(CommandError) -> Listing {
        let winner = set.table.dossier(code: code)?.source
        let ranks = set.inputs.map { FileRank(asOf: $0.asOf, name: $0.name) }
        func rank(_ o: OccurrenceListing) -> FileRank? { Int(o.fileIndex) < ranks.count ? ranks[Int(o.fileIndex)] : nil }
        let found = try CommandError.from { try source.occurrences(of: code) }.sorted { a, b in
            if let ra = rank(a), let rb = rank(b), ra != rb { return ra < rb }
            return (a.fileIndex, a.line) < (b.fileIndex, b.line)
        }
        if found.isEmpty { throw CommandError(.noOccurrence(code)) }
        let words = DossierWords(language)
        let rows = found.map { o -> [String] in
            let d = o.dossier
            return [o.file, "\(o.line)", o.unit ?? "", o.procedure ?? "", d.map { words.channel($0.channel) } ?? "",
                    d?.received.description ?? "", d?.due?.description ?? "",
                    d.flatMap { $0.status.isFinished ? $0.finished?.description : nil } ?? "",
                    d.map { words.status($0.status) } ?? "", words.state(o, winner: winner)]
        }
        return Listing(header: words.header([.file, .line, .unit, .procedure, .channel, .received, .due, .finished, .status, .state]),
                       rows: rows)
    }
}

/// The closest unit names to one that is not found: those that contain it or that it contains
/// (by normalised key), else the nearest by edits, if within a quarter of its length.
enum UnitSuggestions {
    static func closest(to name: String, among names: [String], limit: Int = 3) -> [String] {
        let key = name.normalizedKey
        let unique = Array(Set(names)).sortedVietnamese { $0 }
        let containing = unique.filter { let other = $0.normalizedKey; return other.contains(key) || key.contains(other) }
        if !containing.isEmpty { return Array(containing.prefix(limit)) }
        let near = unique.map { ($0, distance(Array(key), Array($0.normalizedKey))) }.filter { $0.1 <= max(2, key.count / 4) }
        guard let best = near.map(\.1).min() else { return [] }
        return near.filter { $0.1 == best }.prefix(limit).map(\.0)
    }

    /// Levenshtein distance between two strings' characters.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var row = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var previous = row[0]
            row[0] = i + 1
            for (j, y) in b.enumerated() {
                let current = row[j + 1]
                row[j + 1] = min(row[j + 1] + 1, row[j] + 1, previous + (x == y ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
