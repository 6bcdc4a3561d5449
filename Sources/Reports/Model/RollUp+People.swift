import KPIMetrics
import Wording

extension ReportSettings {
    /// The rolled-up rows of a table's unit rows, in the machines' code-point order.
    func machineRolled<Counts: SummableCounts>(_ units: [(name: String, counts: Counts)]) -> [RolledRow<Counts>]? {
        rollUp.map { $0.rows(units, hierarchy: hierarchy) { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) } }
    }

    /// The rows people's formats list: by unit in Vietnamese order, or rolled up (each
    /// labelled as people read it); and the labels of the subtotal rows.
    func peopleRows<Counts: SummableCounts>(_ units: [(name: String, counts: Counts)], label: (String) -> KPITable.Label = KPITable.Label.named)
        -> (rows: [(label: KPITable.Label, counts: Counts)], subtotals: Set<KPITable.Label>)? {
        guard let rollUp else { return nil }
        let rolled = rollUp.rows(units, hierarchy: hierarchy) { CollationKey($0) < CollationKey($1) }
        var subtotals = Set<KPITable.Label>()
        let rows = rolled.map { row -> (label: KPITable.Label, counts: Counts) in
            let name = row.name ?? language[.rollUpNoParent]
            switch row.kind {
            case .unit, .rollup: return (label(name), row.counts)
            case .subtotal:
                let text = label(language[.rollUpSubtotal, [.name: name]])
                subtotals.insert(text)
                return (text, row.counts)
            case .outside:
                return (label(language[.rollUpOutside, [.name: name, .level: rollUp.levelWord]]), row.counts)
            }
        }
        return (rows, subtotals)
    }

    /// The sentence saying how the rows are rolled up, when they are.
    var rollUpLine: String? {
        switch rollUp {
        case .parent?: return language[.rollUpParentLegend]
        case .level(let level)?: return language[.rollUpLevelLegend, [.level: level.rawValue]]
        case nil: return nil
        }
    }
}

extension KPITable {
    /// The unit rows as a roll-up takes them.
    var unitRows: [(name: String, counts: KPICounts)] { rows.compactMap { row in row.name.map { ($0, row.counts) } } }
}

extension ServiceTable {
    /// The unit rows as a roll-up takes them.
    var unitRows: [(name: String, counts: ServiceCounts)] { rows.compactMap { row in row.name.map { ($0, row.counts) } } }
}

extension RollUp {
    /// The level rolled up to, as reports write it; empty for a roll-up by parent.
    var levelWord: String {
        if case .level(let level) = self { return level.rawValue }
        return ""
    }
}
