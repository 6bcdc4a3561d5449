import Foundation
import Ingest
import Reports
import Wording

/// `motcua units`: every unit of the inputs with the spellings its name takes in the exports
/// and the dossiers of each (by each dossier's latest state), and a starter units file
/// (`name,unit`: each spelling → the unit's name as reports show it) for people to correct:
/// the way to set official names and merges.
public struct UnitsListing: Sendable {
    public struct Unit: Sendable {
        /// The name reports show.
        public var name: String
        /// None for a unit of the units file that no dossier names.
        public var spellings: [(text: String, dossiers: Int)]
        /// Its parent and level, as the units file gives them.
        public var parent: String?
        public var level: UnitLevel?
        public var dossiers: Int { spellings.reduce(0) { $0 + $1.dossiers } }
    }

    /// In Vietnamese alphabetical order, spellings too.
    public var units: [Unit]
    /// Whether the units file gives parents or levels: then every listing shows them, and every
    /// unit of the file is listed, dossiers or not, so that each parent named is a row.
    public var showsHierarchy: Bool

    public init(_ set: DossierSet, hierarchy: UnitHierarchy = UnitHierarchy()) {
        var counts = [Int](repeating: 0, count: set.unitSpellings.count)
        for d in set.dossiers where d.unitSpelling.rawValue >= 0 && Int(d.unitSpelling.rawValue) < counts.count {
            counts[Int(d.unitSpelling.rawValue)] += 1
        }
        var byUnit: [UnitID: [(text: String, dossiers: Int)]] = [:]
        for (index, spelling) in set.unitSpellings.enumerated() where !set.spellingsOnlyRejected.contains(Int32(index)) {
            byUnit[spelling.unit, default: []].append((spelling.text, counts[index]))
        }
        var units = byUnit.map { unit, spellings in
            Unit(name: set.unitNames[unit] ?? spellings.first?.text ?? "", spellings: spellings.sortedVietnamese(by: \.text))
        }
        showsHierarchy = !hierarchy.isEmpty
        if showsHierarchy {
            let listed = Set(units.map(\.name.normalizedKey))
            units += hierarchy.nodes.values.filter { !listed.contains($0.name.normalizedKey) }.map { Unit(name: $0.name, spellings: []) }
            for index in units.indices {
                units[index].parent = hierarchy.parent(of: units[index].name)
                units[index].level = hierarchy.level(of: units[index].name)
            }
        }
        self.units = units.sortedVietnamese(by: \.name)
    }

    /// One line a spelling: the unit, the spelling, its dossiers (the unit's name, parent and
    /// level only on its first); a unit no dossier names has one line, its spelling empty.
    public func listing(_ language: Language) -> Listing {
        let rows = units.flatMap { unit in
            let spellings = unit.spellings.isEmpty ? [(text: "", dossiers: 0)] : unit.spellings
            return spellings.enumerated().map { index, spelling in
                [index == 0 ? unit.name : "", spelling.text, language.count(spelling.dossiers)]
                    + (showsHierarchy ? (index == 0 ? [unit.parent ?? "", unit.level?.rawValue ?? ""] : ["", ""]) : [])
            }
        }
        let header = [language[.unitsUnit], language[.unitsSpelling], language[.unitsDossiers]]
            + (showsHierarchy ? [language[.unitsParent], language[.unitsLevel]] : [])
        return Listing(header: header, rows: rows)
    }

    /// The starter units file: `name,unit`, each spelling mapped to its unit's name; with a
    /// hierarchy, `name,unit,parent,level` on every row (a unit no dossier names maps its own
    /// name), a units file that reads back as the one given.
    public var csv: String {
        guard showsHierarchy else {
            return Listing(header: ["name", "unit"], rows: units.flatMap { unit in unit.spellings.map { [$0.text, unit.name] } }).csv()
        }
        let rows = units.flatMap { unit in
            (unit.spellings.isEmpty ? [unit.name] : unit.spellings.map(\.text)).map { name in
                [name, unit.name, unit.parent ?? "", unit.level?.rawValue ?? ""]
            }
        }
        return Listing(header: ["name", "unit", "parent", "level"], rows: rows).csv()
    }

    /// Writes the starter units file at `path`; says what it wrote.
    public func write(to path: String, _ language: Language) throws(CommandError) -> String {
        try ReportFile.write(Data(csv.utf8), to: path)
        let spellings = units.reduce(0) { $0 + $1.spellings.count }
        return language[.unitsWritten, [.file: path, .count: String(spellings), .unit: String(units.count)]]
    }
}
