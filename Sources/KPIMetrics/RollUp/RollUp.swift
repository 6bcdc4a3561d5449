import Ingest

/// How the unit rows of a table roll up through the units' hierarchy (`--by parent`,
/// `--by level=huyện`). Rows are made from the unit rows' counts only: a subtotal or a
/// roll-up row sums its units' counts, and its rates are computed from those sums, as the
/// total's are; the total is the table's own, unchanged.
public enum RollUp: Sendable, Hashable {
    /// Each parent's units, then a subtotal row for the parent.
    case parent
    /// Every unit counted for itself or its nearest ancestor at this level: one row per such
    /// unit; units with none keep a row of their own.
    case level(UnitLevel)

    /// Reads `parent` or `level=<level>` (any accepted spelling of the level).
    public init?(argument: String) {
        let text = argument.normalizedKey
        if text == "parent" {
            self = .parent
        } else if text.hasPrefix("level="), let level = UnitLevel(reading: String(text.dropFirst(6))) {
            self = .level(level)
        } else {
            return nil
        }
    }

    /// How the command line and json name it: `parent`, `level=huyện`.
    public var argument: String {
        switch self {
        case .parent: return "parent"
        case .level(let level): return "level=" + level.rawValue
        }
    }
}

/// Counts that add up: what a roll-up sums.
public protocol SummableCounts: Sendable {
    init()
    static func += (lhs: inout Self, rhs: Self)
}

extension KPICounts: SummableCounts {}
extension ServiceCounts: SummableCounts {}

/// One row of a rolled-up table.
public struct RolledRow<Counts: SummableCounts>: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A unit's own row.
        case unit
        /// The sum of one parent's units (`--by parent`), after them.
        case subtotal
        /// A unit at the level asked for, with every unit under it (`--by level=…`).
        case rollup
        /// A unit with no ancestor at the level asked for: its own row, not rolled up.
        case outside
    }

    public var kind: Kind
    /// The unit's name; for a subtotal its parent's, nil for the units that have no parent.
    public var name: String?
    /// The parent of the unit the row names, as the units file gives it.
    public var parent: String?
    /// The level of the unit the row names, as the units file gives it.
    public var level: UnitLevel?
    public var counts: Counts
}

extension RollUp {
    /// The rolled-up rows of `units` (a table's unit rows: name and counts). `precedes` orders
    /// names (code points for machines, Vietnamese for people): groups by their name (the units
    /// without a parent last), units within a group, roll-up rows, then units outside.
    public func rows<Counts>(_ units: [(name: String, counts: Counts)], hierarchy: UnitHierarchy,
                             by precedes: (String, String) -> Bool) -> [RolledRow<Counts>] {
        // A unit the table shows is named as the table names it, else as the units file does.
        var shown: [String: String] = [:]
        for unit in units { shown[unit.name.normalizedKey] = unit.name }
        func named(_ name: String?) -> String? { name.map { shown[$0.normalizedKey] ?? $0 } }
        func row(_ kind: RolledRow<Counts>.Kind, _ name: String?, _ counts: Counts) -> RolledRow<Counts> {
            let parent = name.flatMap(hierarchy.parent(of:))
            return RolledRow(kind: kind, name: name, parent: named(parent), level: name.flatMap(hierarchy.level(of:)),
                             counts: counts)
        }
        let sorted = units.sorted { precedes($0.name, $1.name) }
        switch self {
        case .parent:
            var groups: [String?: [(name: String, counts: Counts)]] = [:]
            for unit in sorted { groups[named(hierarchy.parent(of: unit.name)), default: []].append(unit) }
            let parents = groups.keys.compactMap { $0 }.sorted(by: precedes) + (groups[nil] == nil ? [] : [nil])
            return parents.flatMap { parent -> [RolledRow<Counts>] in
                let members = groups[parent] ?? []
                var sum = Counts()
                for member in members { sum += member.counts }
                return members.map { row(.unit, $0.name, $0.counts) } + [row(.subtotal, parent, sum)]
            }
        case .level(let level):
            var sums: [String: Counts] = [:]
            var outside: [RolledRow<Counts>] = []
            for unit in sorted {
                if let ancestor = named(hierarchy.ancestor(of: unit.name, at: level)) {
                    sums[ancestor, default: Counts()] += unit.counts
                } else {
                    outside.append(row(.outside, unit.name, unit.counts))
                }
            }
            return sums.keys.sorted(by: precedes).map { row(.rollup, $0, sums[$0] ?? Counts()) } + outside
        }
    }
}
