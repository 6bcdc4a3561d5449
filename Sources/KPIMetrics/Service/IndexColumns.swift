/// The service index's indicators (service-index.md, "The service index"), each defined once:
/// its machine name, its numerator and denominator, its maximum points and the rate that
/// earns them. Every format loops over `IndexIndicator.allCases`.
public enum IndexIndicator: String, CaseIterable, Sendable {
    case progress
    case fullOnline = "full_online"
    case onlinePayment = "online_payment"
    case eResult = "e_result"
    case digitised
    case reuse
    case dataStore = "data_store"
    case vneid
    case satisfaction

    public var name: String { rawValue }

    /// What the rate divides by what; nil for satisfaction, which is made of four counts.
    public var fraction: (numerator: ServiceCount, denominator: ServiceCount)? {
        switch self {
        case .progress: return (.progressNumerator, .progressDenominator)
        case .fullOnline: return (.fullOnlineNumerator, .fullOnlineDenominator)
        case .onlinePayment: return (.paymentNumerator, .paymentDenominator)
        case .eResult: return (.eResultNumerator, .eResultDenominator)
        case .digitised: return (.digitisedNumerator, .received)
        case .reuse: return (.reuseNumerator, .reuseDenominator)
        case .dataStore: return (.dataStoreNumerator, .dataStoreDenominator)
        case .vneid: return (.vneidNumerator, .vneidDenominator)
        case .satisfaction: return nil
        }
    }

    public var maxPoints: Int {
        switch self {
        case .progress: return 20
        case .fullOnline: return 12
        case .onlinePayment, .eResult, .satisfaction: return 6
        case .digitised, .dataStore: return 4
        case .reuse, .vneid: return 2
        }
    }

    /// The rate, in percent, that earns full marks.
    public var fullMarks: Int {
        switch self {
        case .digitised, .reuse: return 80
        case .satisfaction: return 90
        default: return 100
        }
    }

    /// The most points motcua's index can count: the groups dossiers cannot answer are left out.
    public static let maxTotal = allCases.reduce(0) { $0 + $1.maxPoints }
}

/// One indicator of one row of the index: its counts, its exact rate and points.
public struct IndexFigure: Sendable, Equatable {
    public var indicator: IndexIndicator
    /// nil for satisfaction.
    public var numerator: Int?
    public var denominator: Int?
    /// The exact rate as a fraction of 1; nil: no value.
    public var rate: Fraction?

    /// max points × min(1, rate ÷ full marks), exact; nil when the rate has no value.
    public var points: Fraction? {
        rate.map { r in
            // r / (f/100) = 100 r.n / (f r.d); capped at 1.
            let scaled = Fraction(min(100 * r.numerator, indicator.fullMarks * r.denominator), indicator.fullMarks * r.denominator)
            return Fraction(indicator.maxPoints * scaled.numerator, scaled.denominator)
        }
    }

    /// True when the indicator has a value and earns less than its maximum, decided on the
    /// exact points: 5.996 of 6 shows as 6.00 and is still below full marks.
    public var isBelowFullMarks: Bool {
        points.map { $0.numerator < indicator.maxPoints * $0.denominator } ?? false
    }
}

/// A row's total: the points of the indicators that have a value, out of their maximum.
public struct IndexTotal: Sendable, Equatable {
    public var maxPoints: Int
    /// The exact sum of the indicators' points.
    public var points: ExactSum

    /// Hundredths of the points, rounded half up; nil when no indicator has a value.
    public var pointsHundredths: Int? { maxPoints == 0 ? nil : points.hundredths() }

    /// Hundredths of a percent of points ÷ max points; nil when no indicator has a value.
    public var rateHundredths: Int? { maxPoints == 0 ? nil : points.hundredths(times: 100, over: maxPoints) }
}

extension ServiceCounts {
    /// The nine indicators of this row, in the table's order.
    public var index: [IndexFigure] {
        IndexIndicator.allCases.map { indicator in
            guard let (n, d) = indicator.fraction else {
                return IndexFigure(indicator: indicator, rate: satisfaction)
            }
            return IndexFigure(indicator: indicator, numerator: self[n], denominator: self[d],
                               rate: self[d] == 0 ? nil : Fraction(self[n], self[d]))
        }
    }

    /// 100 % − late % − complaint %, at least 0; nil when nothing was resolved.
    var satisfaction: Fraction? {
        let resolved = self[.resolved]
        guard resolved > 0 else { return nil }
        let cd = self[.complaintDenominator], cn = self[.complaintNumerator]
        // 1 − late/resolved − cn/cd over resolved × cd (cd = 0: no complaint share).
        let denominator = resolved * max(cd, 1)
        let numerator = denominator - self[.resolvedLate] * max(cd, 1) - (cd == 0 ? 0 : cn * resolved)
        return Fraction(max(0, numerator), denominator)
    }

    /// The row's total over its indicators that have a value.
    public var indexTotal: IndexTotal {
        var total = IndexTotal(maxPoints: 0, points: ExactSum())
        for figure in index {
            guard let points = figure.points else { continue }
            total.maxPoints += figure.indicator.maxPoints
            total.points.add(points)
        }
        return total
    }
}
