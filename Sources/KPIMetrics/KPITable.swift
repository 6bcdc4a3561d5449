import Ingest

/// The KPI table of one period: a row per unit (or field of procedures) with anything to show,
/// and the total.
public struct KPITable: Sendable {
    /// What a row stands for. Rows sort by name in code-point order; dossiers without a field
    /// come after every named field.
    public enum Label: Hashable, Comparable, Sendable {
        /// A unit's or a field's display name.
        case named(String)
        /// Dossiers whose export gives no field of procedures.
        case noField
        case total

        public var name: String? {
            if case .named(let name) = self { return name }
            return nil
        }

        public static func < (a: Label, b: Label) -> Bool {
            switch (a, b) {
            case (.named(let x), .named(let y)): return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
            case (.named, _): return true
            case (.noField, .total): return true
            default: return false
            }
        }
    }

    public struct Row: Sendable {
        public var label: Label
        public var counts: KPICounts

        public init(label: Label, counts: KPICounts) {
            self.label = label
            self.counts = counts
        }

        /// The unit's (or field's) name; nil for the total and for dossiers without a field.
        public var name: String? { label.name }
    }

    /// What a row stands for.
    public enum Grouping: String, Sendable, CaseIterable {
        /// One row per unit (the KPI table, biểu 06a by unit).
        case unit
        /// One row per field of procedures (TenLinhVuc): biểu 06a by field.
        case field
    }

    public var period: Period
    public var grouping: Grouping
    public var basis: PeriodBasis
    public var bounds: PeriodBounds
    public var target: Target
    /// In label order.
    public var rows: [Row]
    /// Sums of the counts; its rates are recomputed from the sums.
    public var total: KPICounts

    /// Computes the table from every dossier's winning state: one row per unit, or per field
    /// of procedures (`grouping: .field`).
    public init(period: Period, basis: PeriodBasis = .decree09, target: Target = .onTimeDefault,
                dossiers: [Dossier], unitNames: [UnitID: String],
                grouping: Grouping = .unit, fieldNames: [FieldID: String] = [:]) {
        self.period = period
        self.basis = basis
        self.target = target
        self.grouping = grouping
        let bounds = period.bounds(basis)
        self.bounds = bounds
        var grid = CountGrid()
        for dossier in dossiers {
            let c = DossierClass(dossier, in: bounds)
            if c.isEmpty { continue }
            grid.add(c, key: grouping == .unit ? dossier.unit.rawValue : dossier.field.rawValue)
        }
        var byLabel: [Label: KPICounts] = [:]
        for (key, counts) in grid.rows where !counts.isEmpty {
            let label: Label
            switch grouping {
            case .unit: label = .named(unitNames[UnitID(rawValue: key)] ?? "?")
            case .field: label = fieldNames[FieldID(rawValue: key)].map(Label.named) ?? .noField
            }
            byLabel[label, default: KPICounts()] += counts
        }
        rows = byLabel.map { Row(label: $0.key, counts: $0.value) }.sorted { $0.label < $1.label }
        var total = KPICounts()
        for row in rows { total += row.counts }
        self.total = total
    }

    /// The rows, then the total row.
    public var allRows: [Row] { rows + [Row(label: .total, counts: total)] }

    /// Rows whose on-time rate is below target.
    public var flaggedRows: [Row] {
        rows.filter { $0.counts.isBelow(target) == true }
    }
}

/// Counts by group while a table is summed: one flat buffer holding each group's counts side
/// by side, so that adding a dossier touches one row of it and no dictionary (a report
/// classifies a million dossiers).
struct CountGrid {
    private var values: [Int] = []

    /// Adds a dossier's classes to the group `key` (a unit's or field's id; -1 for no field).
    mutating func add(_ c: DossierClass, key: Int32) {
        let base = (max(Int(key), -1) + 1) * CountColumn.count
        if base >= values.count {
            values.append(contentsOf: repeatElement(0, count: base + CountColumn.count - values.count))
        }
        var bits = c.rawValue
        while bits != 0 {
            values[base + bits.trailingZeroBitCount] += 1
            bits &= bits - 1
        }
    }

    /// Each group's key and counts.
    var rows: [(key: Int32, counts: KPICounts)] {
        stride(from: 0, to: values.count, by: CountColumn.count).map { base in
            (Int32(base / CountColumn.count - 1), KPICounts(values[base..<(base + CountColumn.count)]))
        }
    }
}
