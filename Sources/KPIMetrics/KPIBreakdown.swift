import Ingest

/// A year (or part) split into quarters or halves: the on-time rate of every unit in every
/// sub-period, for the trend at a glance.
public struct KPIBreakdown: Sendable {
    public enum Step: String, Sendable, CaseIterable {
        case quarter, half
    }

    /// One table per sub-period, in order.
    public var tables: [KPITable]
    /// Every unit that appears in any sub-period, in code-point order.
    public var units: [String]
    public var period: Period
    public var step: Step
    public var basis: PeriodBasis
    public var target: Target

    /// Splits `period` (a year, or a half or nine months for quarters) into `step`s.
    public init(period: Period, step: Step, basis: PeriodBasis = .decree09, target: Target = .onTimeDefault,
                dossiers: [Dossier], unitNames: [UnitID: String]) {
        self.period = period
        self.step = step
        self.basis = basis
        self.target = target
        let parts = Self.parts(of: period, step: step)
        tables = parts.map { KPITable(period: $0, basis: basis, target: target, dossiers: dossiers, unitNames: unitNames) }
        units = Set(tables.flatMap { $0.rows.compactMap(\.name) })
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    /// The quarters or halves that make up `period`.
    public static func parts(of period: Period, step: Step) -> [Period] {
        let (first, last) = period.months
        let size = step == .quarter ? 3 : 6
        return stride(from: first, through: last, by: size).compactMap { month in
            let index = (month - 1) / size + 1
            return Period(year: period.year, span: step == .quarter ? .quarter(index) : .half(index))
        }
    }

    /// The counts of `unit` (nil: the total) in sub-period `index`, if it has any.
    public func counts(unit: String?, at index: Int) -> KPICounts? {
        guard let unit else { return tables[index].total }
        return tables[index].rows.first { $0.name == unit }?.counts
    }
}
