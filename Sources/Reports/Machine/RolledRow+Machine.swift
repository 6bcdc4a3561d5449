import KPIMetrics

/// The columns a rolled-up machine table (`--by parent`, `--by level=…`, csv) writes before a
/// table's figures: what the row is (`unit`, `subtotal`, `rollup`, `outside`, `total`), the
/// unit it names (`NO_PARENT` for the subtotal of the units without one, `TOTAL`), its parent
/// and its level from the units file (empty when the file gives none).
enum RolledColumns {
    static let prefix = ["period", "kind", "unit", "parent", "level"]

    /// The total row's first cells.
    static func total(_ period: Period) -> [String] { [period.description, "total", "TOTAL", "", ""] }

    /// The figures of one row keyed as json writes them, before the table's own keys.
    static func object<Counts>(_ row: RolledRow<Counts>) -> [String: Any] {
        ["kind": row.kind.rawValue, "unit": row.machineName, "parent": row.parent ?? "", "level": row.level?.rawValue ?? ""]
    }

    static var totalObject: [String: Any] { ["kind": "total", "unit": "TOTAL", "parent": "", "level": ""] }
}

extension RolledRow {
    /// How machines name the row's unit.
    var machineName: String { name ?? "NO_PARENT" }

    /// The row's first cells: period, kind, unit, parent, level.
    func machineCells(_ period: Period) -> [String] {
        [period.description, kind.rawValue, machineName, parent ?? "", level?.rawValue ?? ""]
    }
}
