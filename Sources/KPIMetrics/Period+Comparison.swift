/// Which period a report compares each unit's on-time rate with.
public enum Comparison: String, CaseIterable, Sendable, Codable {
    /// The period before: the previous quarter or half, the previous year's nine months or year.
    case previous
    /// The same period a year before.
    case lastYear = "last-year"
}

extension Period {
    /// The period this one is compared with.
    public func compared(with comparison: Comparison) -> Period {
        switch (comparison, span) {
        case (.previous, .quarter(let q)): return q > 1 ? Period(year: year, span: .quarter(q - 1)) : Period(year: year - 1, span: .quarter(4))
        case (.previous, .half(let h)): return h > 1 ? Period(year: year, span: .half(1)) : Period(year: year - 1, span: .half(2))
        case (.previous, .nineMonths), (.previous, .year), (.lastYear, _): return Period(year: year - 1, span: span)
        }
    }

    /// The four quarters that end with the quarter holding this period's last month, oldest first.
    public var lastFourQuarters: [Period] {
        var quarter = Period(year: year, span: .quarter((months.last + 2) / 3))
        var out = [quarter]
        for _ in 1..<4 {
            quarter = quarter.compared(with: .previous)
            out.insert(quarter, at: 0)
        }
        return out
    }
}
