/// Interns unit names across all inputs of a run.
///
/// Two spellings are one unit when they normalise to the same key (NFC, trimmed, white space
/// folded, case ignored). Each distinct display spelling (case kept) gets its own id too, so
/// that the report can show the spelling of the latest input.
public final class UnitRegistry {
    /// A display spelling of a unit name (NFC, trimmed, folded, case kept).
    public struct SpellingID: Hashable, Sendable {
        public var rawValue: Int32
    }

    private var idsByKey: [String: UnitID] = [:]
    private var spellingIDs: [String: SpellingID] = [:]
    /// Display text of every spelling, and the unit it belongs to.
    public private(set) var spellings: [(text: String, unit: UnitID)] = []
    public private(set) var unitCount = 0
    @exclusivity(unchecked) private var cache = ByteKeyedCache<(UnitID, SpellingID)?>()

    public init() {}

    /// The unit and spelling for a DonViXuLy field; nil when the name is blank.
    func resolve(_ bytes: UnsafeBufferPointer<UInt8>) -> (UnitID, SpellingID)? {
        cache.value(for: bytes) {
            intern(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// The unit and spelling for a unit name given as text; nil when blank.
    public func intern(_ name: String) -> (UnitID, SpellingID)? {
        let display = name.normalizedForDisplay
        guard !display.isEmpty else { return nil }
        if let spelling = spellingIDs[display] {
            return (spellings[Int(spelling.rawValue)].unit, spelling)
        }
        let key = display.lowercased()
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
        spellingIDs[display] = spelling
        return (unit, spelling)
    }

    public func text(of spelling: SpellingID) -> String { spellings[Int(spelling.rawValue)].text }

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
