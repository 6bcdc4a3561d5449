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
        public var spellings: [(text: String, dossiers: Int)]
        public var dossiers: Int { spellings.reduce(0) { $0 + $1.dossiers } }
    }

    /// In Vietnamese alphabetical order, spellings too.
    public var units: [Unit]

    public init(_ set: DossierSet) {
        var counts = [Int](repeating: 0, count: set.unitSpellings.count)
        for d in set.dossiers where d.unitSpelling.rawValue >= 0 && Int(d.unitSpelling.rawValue) < counts.count {
            counts[Int(d.unitSpelling.rawValue)] += 1
        }
        var byUnit: [UnitID: [(text: String, dossiers: Int)]] = [:]
        for (index, spelling) in set.unitSpellings.enumerated() {
            byUnit[spelling.unit, default: []].append((spelling.text, counts[index]))
        }
        units = byUnit.map { unit, spellings in
            Unit(name: set.unitNames[unit] ?? spellings.first?.text ?? "", spellings: spellings.sortedVietnamese(by: \.text))
        }
        .sortedVietnamese(by: \.name)
    }

    /// One line a spelling: the unit, the spelling, its dossiers (the unit's name only on its first).
    public func listing(_ language: Language) -> Listing {
        let rows = units.flatMap { unit in
            unit.spellings.enumerated().map { index, spelling in
                [index == 0 ? unit.name : "", spelling.text, language.count(spelling.dossiers)]
            }
        }
        return Listing(header: [language[.unitsUnit], language[.unitsSpelling], language[.unitsDossiers]], rows: rows)
    }

    /// The starter units file: `name,unit`, each spelling mapped to its unit's name.
    public var csv: String {
        Listing(header: ["name", "unit"], rows: units.flatMap { unit in unit.spellings.map { [$0.text, unit.name] } }).csv()
    }

    /// Writes the starter units file at `path`; says what it wrote.
    public func write(to path: String, _ language: Language) throws(CommandError) -> String {
        do {
            try Data(csv.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandError(file: path, .cannotWriteReport)
        }
        let spellings = units.reduce(0) { $0 + $1.spellings.count }
        return language[.unitsWritten, [.file: path, .count: String(spellings), .unit: String(units.count)]]
    }
}
