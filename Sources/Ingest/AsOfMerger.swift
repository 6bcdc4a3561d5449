/// The spec's as-of rule, in one place, for raw files and the store alike: a dossier takes its
/// state from the input with the latest as-of (ties: the file whose name sorts later, then the
/// input read later), and within one input from the later line; a unit is named by its
/// spelling in the latest occurrence that spells it. So the result never depends on the order
/// in which inputs are named or imported.
///
/// Every input is registered (`addInput`) before its occurrences are offered; an occurrence's
/// ``SourceLine`` says which input and line it comes from.
public struct AsOfMerger {
    /// The winning state of every dossier, by code.
    public private(set) var table = DossierTable()
    /// Accepted occurrences offered: the dossiers, plus the later states and duplicates they
    /// collapsed into.
    public private(set) var offered = 0
    private var ranks: [FileRank] = []
    private var unitSpelling: [UnitID: (source: SourceLine, spelling: UnitRegistry.SpellingID)] = [:]

    public init() {}

    /// Registers the next input: its occurrences carry its index as their `SourceLine.file`.
    public mutating func addInput(_ rank: FileRank) {
        ranks.append(rank)
    }

    /// True when occurrence `a` gives way to `b`: a lower-ranked input, or the same rank read
    /// earlier, or an earlier line of the same input.
    public func precedes(_ a: SourceLine, _ b: SourceLine) -> Bool {
        Self.precedes(a, b, ranks: ranks)
    }

    private static func precedes(_ a: SourceLine, _ b: SourceLine, ranks: [FileRank]) -> Bool {
        if a.file != b.file {
            let (ra, rb) = (ranks[Int(a.file)], ranks[Int(b.file)])
            if ra < rb { return true }
            if rb < ra { return false }
            return a.file < b.file
        }
        return a.line < b.line
    }

    /// Offers one occurrence: it becomes its dossier's state unless the one held comes later.
    public mutating func offer(code: UnsafeBufferPointer<UInt8>, _ dossier: Dossier) {
        offered += 1
        let ranks = ranks
        table.upsert(code: code, dossier) { held in !Self.precedes(dossier.source, held.source, ranks: ranks) }
    }

    /// Offers the latest occurrence of each dossier in one input at once (`occurrences`:
    /// how many accepted rows they stand for). Faster than one by one: the first input's table
    /// is taken as it is.
    public mutating func offer(_ latest: DossierTable, occurrences: Int) {
        offered += occurrences
        if table.count == 0 {
            table = latest
            return
        }
        let ranks = ranks
        table.upsert(contentsOf: latest) { held, offered in !Self.precedes(offered.source, held.source, ranks: ranks) }
    }

    /// A unit spelt so at `source`: the latest such spelling is the unit's name.
    public mutating func offerSpelling(_ spelling: UnitRegistry.SpellingID, of unit: UnitID, at source: SourceLine) {
        if unitSpelling[unit].map({ precedes($0.source, source) }) ?? true {
            unitSpelling[unit] = (source, spelling)
        }
    }

    /// What the inputs add up to: the winning dossiers, the units', fields' and procedures' names, the
    /// inputs' summaries, the occurrences collapsed and the aliases used.
    public func dossierSet(units: UnitRegistry, fields: UnitRegistry, procedures: [String], inputs: [InputSummary]) -> DossierSet {
        var set = DossierSet(table: table, unitNames: unitSpelling.mapValues { units.displayName(of: $0.spelling) },
                             fieldNames: Dictionary(uniqueKeysWithValues: fields.canonicalNames.map { (FieldID(rawValue: $0.key.rawValue), $0.value) }),
                             inputs: inputs, collapsed: offered - table.count, aliasUses: units.aliasUses(table.dossiers))
        set.unitSpellings = units.spellings
        set.procedureCodes = procedures
        return set
    }
}

/// Orders inputs for the as-of rule: as-of first, then the file's base name, then the name
/// as given (Unicode code points, so the order is the same on every machine). Raw files and
/// the store's imports are ranked by this one rule.
public struct FileRank: Comparable, Sendable {
    public var asOf: LocalMoment?
    public var baseName: String
    public var name: String

    public init(asOf: LocalMoment?, name: String) {
        self.asOf = asOf
        self.name = name
        baseName = name.split(separator: "/").last.map(String.init) ?? name
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        switch (lhs.asOf, rhs.asOf) {
        case let (l?, r?) where l != r: return l < r
        case (nil, _?): return true
        case (_?, nil): return false
        default: break
        }
        // Code points, not Swift's canonical equivalence: `é.csv` written precomposed and
        // decomposed are two names, ordered as the stores order them (bytes).
        if !lhs.baseName.unicodeScalars.elementsEqual(rhs.baseName.unicodeScalars) {
            return lhs.baseName.unicodeScalars.lexicographicallyPrecedes(rhs.baseName.unicodeScalars)
        }
        return lhs.name.unicodeScalars.lexicographicallyPrecedes(rhs.name.unicodeScalars)
    }

    /// Equal by the same code points that order ranks.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.asOf == rhs.asOf && lhs.name.unicodeScalars.elementsEqual(rhs.name.unicodeScalars)
    }
}
