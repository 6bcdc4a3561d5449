import Ingest

/// The KPI table of one period: a row per unit with anything to show, and the total.
public struct KPITable: Sendable {
    public struct Row: Sendable {
        /// The unit's display name, or nil for the total row.
        public var unit: String?
        public var counts: KPICounts

        public init(unit: String?, counts: KPICounts) {
            self.unit = unit
            self.counts = counts
        }
    }

    public var period: Period
    public var basis: PeriodBasis
    public var bounds: PeriodBounds
    public var target: Target
    /// Units in ascending Unicode code-point order of their names.
    public var rows: [Row]
    /// Sums of the counts; its rates are recomputed from the sums.
    public var total: KPICounts

    /// Computes the table from every dossier's winning state.
    public init(period: Period, basis: PeriodBasis = .decree09, target: Target = .onTimeDefault,
                dossiers: some Sequence<Dossier>, unitNames: [UnitID: String]) {
        self.period = period
        self.basis = basis
        self.target = target
        let bounds = period.bounds(basis)
        self.bounds = bounds
        var byUnit: [UnitID: KPICounts] = [:]
        for dossier in dossiers {
            let c = DossierClass(dossier, in: bounds)
            if !c.isEmpty { byUnit[dossier.unit, default: KPICounts()].add(c) }
        }
        rows = byUnit.compactMap { unit, counts in
            counts.isEmpty ? nil : Row(unit: unitNames[unit] ?? "?", counts: counts)
        }
        .sorted { ($0.unit ?? "").unicodeScalars.lexicographicallyPrecedes(($1.unit ?? "").unicodeScalars) }
        var total = KPICounts()
        for row in rows { total += row.counts }
        self.total = total
    }

    /// Unit rows, then the total row (unit nil).
    public var allRows: [Row] { rows + [Row(unit: nil, counts: total)] }

    /// Units whose on-time rate is below target.
    public var flaggedUnits: [String] {
        rows.filter { $0.counts.isBelow(target) == true }.compactMap(\.unit)
    }
}
