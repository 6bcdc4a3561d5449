/// The counts of one row of the KPI table, by `CountColumn`; rates are computed from them.
public struct KPICounts: Hashable, Sendable {
    private var values: [Int]

    public init() { values = Array(repeating: 0, count: CountColumn.count) }

    /// A row read from a buffer of `CountColumn.count` values in column order.
    init(_ values: ArraySlice<Int>) { self.values = Array(values) }

    public subscript(column: CountColumn) -> Int {
        get { values[column.rawValue] }
        set { values[column.rawValue] = newValue }
    }

    public subscript(sum: CountSum) -> Int {
        sum.added.reduce(0) { $0 + self[$1] } - sum.subtracted.reduce(0) { $0 + self[$1] }
    }

    /// Adds one dossier's classes.
    public mutating func add(_ c: DossierClass) {
        var bits = c.rawValue
        while bits != 0 {
            values[bits.trailingZeroBitCount] += 1
            bits &= bits - 1
        }
    }

    /// True when the row has anything to show for the period.
    public var isEmpty: Bool { values.allSatisfy { $0 == 0 } }

    /// carried_over + received_new = resolved + pending: biểu 06a's identity.
    public var balances: Bool { self[.carriedOver] + self[.receivedNew] == self[.resolved] + self[.pending] }

    public static func += (lhs: inout KPICounts, rhs: KPICounts) {
        for index in lhs.values.indices { lhs.values[index] += rhs.values[index] }
    }

    // MARK: Rates

    /// The rate's fraction; nil when its denominator is zero.
    public func rate(_ column: RateColumn) -> Percentage? {
        let (numerator, denominator) = column.fraction
        return Percentage(self[numerator], of: self[denominator])
    }

    /// The rate the target is about.
    public var onTimeRate: Percentage? { rate(.onTime) }

    /// resolved > 0 and the exact on-time fraction below `target`; nil when nothing was resolved.
    public func isBelow(_ target: Target) -> Bool? {
        onTimeRate.map { $0.isBelow(target) }
    }

    /// The row's value in a column of the published table.
    public func value(_ column: KPIColumn, target: Target) -> KPIValue {
        switch column {
        case .count(let count): return .count(self[count])
        case .rate(let rate): return .rate(self.rate(rate))
        case .belowTarget: return .flag(isBelow(target))
        }
    }
}
