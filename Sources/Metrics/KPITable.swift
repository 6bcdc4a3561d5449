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
    /// Units in ascending Unicode code-point order of their names.
    public var rows: [Row]
    /// Sums of the counts; its rates are recomputed from the sums.
    public var total: KPICounts

    /// Computes the table from every dossier's winning state: one row per unit, or per field
    /// of procedures (`grouping: .field`, dossiers without one under `unknownFieldName`).
    public init(period: Period, basis: PeriodBasis = .decree09, target: Target = .onTimeDefault,
                dossiers: some Sequence<Dossier>, unitNames: [UnitID: String],
                grouping: Grouping = .unit, fieldNames: [FieldID: String] = [:],
                unknownFieldName: String = "(không rõ lĩnh vực)") {
        self.period = period
        self.basis = basis
        self.target = target
        self.grouping = grouping
        let bounds = period.bounds(basis)
        self.bounds = bounds
        var byGroup: [Int32: KPICounts] = [:]
        for dossier in dossiers {
            let c = DossierClass(dossier, in: bounds)
            if c.isEmpty { continue }
            let key = grouping == .unit ? dossier.unit.rawValue : dossier.field.rawValue
            byGroup[key, default: KPICounts()].add(c)
        }
        func name(_ key: Int32) -> String {
            switch grouping {
            case .unit: return unitNames[UnitID(rawValue: key)] ?? "?"
            case .field: return key < 0 ? unknownFieldName : fieldNames[FieldID(rawValue: key)] ?? unknownFieldName
            }
        }
        rows = byGroup.compactMap { key, counts in
            counts.isEmpty ? nil : Row(unit: name(key), counts: counts)
        }
        .sorted { a, b in
            // By field, dossiers without one come last, whatever their label sorts as.
            let (ua, ub) = (a.unit == unknownFieldName && grouping == .field, b.unit == unknownFieldName && grouping == .field)
            if ua != ub { return ub }
            return (a.unit ?? "").unicodeScalars.lexicographicallyPrecedes((b.unit ?? "").unicodeScalars)
        }
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
