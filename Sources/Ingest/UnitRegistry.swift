/// Interns unit names across all inputs of a run.
///
/// Two spellings are one unit when they normalise to the same key (NFC, trimmed, white space
/// folded, case ignored). Each distinct display spelling (case kept) gets its own id too, so
/// that the report can show the spelling of the latest input.
public final class UnitRegistry {
    /// A display spelling of a unit name (NFC, trimmed, folded, case kept).
    public struct SpellingID: Hashable, Sendable {
        public var rawValue: Int32
        /// No spelling recorded (a dossier built by hand).
        public static let none = SpellingID(rawValue: -1)
    }

    private var idsByKey: [String: UnitID] = [:]
    private var spellingIDs: [String: SpellingID] = [:]
    /// Display text of every spelling, and the unit it belongs to. Its count is read twice a
    /// row by a part's reader (what the row met first): exempt from the dynamic exclusivity
    /// check, as the cache (a registry is used by one thread at a time).
    @exclusivity(unchecked) public private(set) var spellings: [(text: String, unit: UnitID)] = []
    /// The alias entry (index into `aliases.entries`) each spelling went through, if any.
    private var aliasOfSpelling: [Int?] = []
    public private(set) var unitCount = 0
    public let aliases: UnitAliases
    @exclusivity(unchecked) private var cache = ByteKeyedCache<(UnitID, SpellingID)?>()

    public init(aliases: UnitAliases = UnitAliases()) {
        self.aliases = aliases
    }

    /// The unit and spelling for a DonViXuLy field; nil when the name is blank.
    func resolve(_ bytes: UnsafeBufferPointer<UInt8>) -> (UnitID, SpellingID)? {
        cache.value(for: bytes) {
            intern(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// The unit and spelling for a unit name given as text; nil when blank.
    public func intern(_ name: String) -> (UnitID, SpellingID)? {
        // A name already in display form (what the registries of a file's parts hand over)
        // is found as it is: the normalisation is idempotent, and costs more than the look-up.
        if let spelling = spellingIDs[name] {
            return (spellings[Int(spelling.rawValue)].unit, spelling)
        }
        let display = name.normalizedForDisplay
        guard !display.isEmpty else { return nil }
        if let spelling = spellingIDs[display] {
            return (spellings[Int(spelling.rawValue)].unit, spelling)
        }
        // An aliased name counts for its target unit.
        let lowered = display.displayKey
        let alias = aliases.entry(forKey: lowered)
        let key = alias.map { aliases.entries[$0].unit.lowercased() } ?? lowered
        let unit: UnitID
        if let known = idsByKey[key] {
            unit = known
        } else {
            unit = UnitID(rawValue: Int32(unitCount))
            unitCount += 1
            idsByKey[key] = unit
        }
        let spelling = SpellingID(rawValue: Int32(spellings.count))
        spellings.append((display, unit))
        aliasOfSpelling.append(alias)
        spellingIDs[display] = spelling
        return (unit, spelling)
    }

    /// The spelling as it appeared in the input.
    public func text(of spelling: SpellingID) -> String { spellings[Int(spelling.rawValue)].text }

    /// How a report names the unit of this spelling: the alias target when an alias applied.
    public func displayName(of spelling: SpellingID) -> String {
        aliasOfSpelling[Int(spelling.rawValue)].map { aliases.entries[$0].unit } ?? text(of: spelling)
    }

    /// How many of `dossiers` each alias moved (aliases that moved none are left out).
    public func aliasUses(_ dossiers: [Dossier]) -> [AliasUse] {
        guard !aliases.isEmpty else { return [] }
        var counts = [Int](repeating: 0, count: aliases.entries.count)
        for d in dossiers where d.unitSpelling.rawValue >= 0 {
            if let alias = aliasOfSpelling[Int(d.unitSpelling.rawValue)] { counts[alias] += 1 }
        }
        return aliases.entries.enumerated().compactMap { index, entry in
            counts[index] == 0 ? nil : AliasUse(name: entry.name, unit: entry.unit, dossiers: counts[index])
        }
    }

    /// One name per unit, whatever order the spellings came in: the first in code-point order
    /// (for fields of procedures, which have no as-of rule of their own).
    public var canonicalNames: [UnitID: String] {
        var names: [UnitID: String] = [:]
        for (text, unit) in spellings {
            if let held = names[unit], !text.unicodeScalars.lexicographicallyPrecedes(held.unicodeScalars) { continue }
            names[unit] = text
        }
        return names
    }
}
