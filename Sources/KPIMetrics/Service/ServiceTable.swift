import Ingest

/// The service counts of one period by unit, and their total: what the plan table and the
/// service index are computed from. A unit has a row when it has one in the KPI table of the
/// same period and basis, in the same order.
public struct ServiceTable: Sendable {
    public struct Row: Sendable {
        public var label: KPITable.Label
        public var counts: ServiceCounts

        public init(label: KPITable.Label, counts: ServiceCounts) {
            self.label = label
            self.counts = counts
        }

        /// The unit's name; nil for the total.
        public var name: String? { label.name }
    }

    public var period: Period
    public var basis: PeriodBasis
    public var bounds: PeriodBounds
    /// In label order.
    public var rows: [Row]
    /// Sums of the counts: its rates and points are recomputed from them.
    public var total: ServiceCounts

    /// Counts every dossier's winning state; `catalogue` is each procedure's entry, by
    /// ``ProcedureID`` (empty: no catalogue).
    public init(period: Period, basis: PeriodBasis, dossiers: [Dossier], unitNames: [UnitID: String],
                catalogue: [CatalogueEntry?] = []) {
        self.period = period
        self.basis = basis
        let bounds = period.bounds(basis)
        self.bounds = bounds
        var counts: [ServiceCounts] = []
        var shown: [Bool] = []
        for d in dossiers {
            let c = DossierClass(d, in: bounds)
            if c.isEmpty { continue }
            let unit = Int(d.unit.rawValue)
            if unit >= counts.count {
                counts += Array(repeating: ServiceCounts(), count: unit + 1 - counts.count)
                shown += Array(repeating: false, count: unit + 1 - shown.count)
            }
            shown[unit] = true
            let p = Int(d.procedure.rawValue)
            counts[unit].add(ServiceClass(d, c, catalogue: p >= 0 && p < catalogue.count ? catalogue[p] : nil))
        }
        var byLabel: [KPITable.Label: ServiceCounts] = [:]
        for (unit, row) in counts.enumerated() where shown[unit] {
            byLabel[.named(unitNames[UnitID(rawValue: Int32(unit))] ?? "?"), default: ServiceCounts()] += row
        }
        rows = byLabel.map { Row(label: $0.key, counts: $0.value) }.sorted { $0.label < $1.label }
        var total = ServiceCounts()
        for row in rows { total += row.counts }
        self.total = total
    }

    /// The rows, then the total row.
    public var allRows: [Row] { rows + [Row(label: .total, counts: total)] }
}

extension Catalogue {
    /// Each procedure's entry by ``ProcedureID``, for procedures coded as in `codes`.
    public func entries(for codes: [String]) -> [CatalogueEntry?] {
        codes.map { entries[$0] }
    }
}
