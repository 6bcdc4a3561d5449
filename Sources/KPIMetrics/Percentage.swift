/// A rate as the exact fraction it comes from, never a binary float: auditors recompute it by
/// hand, and `below_target` must be decided on the fraction, not on the rounded figure.
public struct Percentage: Hashable, Sendable {
    public var numerator: Int
    public var denominator: Int

    /// nil when the denominator is zero: such a rate has no value.
    public init?(_ numerator: Int, of denominator: Int) {
        guard denominator > 0 else { return nil }
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Hundredths of a percent, rounded half up from the exact fraction: 9750 for 97.50 %.
    public var basisPoints: Int {
        (numerator * 10_000 * 2 + denominator) / (2 * denominator)
    }

    /// `97.50`, `100.00`: exactly two decimals, no sign.
    public var formatted: String {
        let bp = basisPoints
        let cents = bp % 100
        return "\(bp / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// True when the exact fraction is below `target`.
    public func isBelow(_ target: Target) -> Bool {
        // numerator/denominator < target.scaled / (100 * 10^scale), cross-multiplied in integers.
        numerator * 100 * target.divisor < target.scaled * denominator
    }
}

/// A percentage target (98 by default), kept exact: `97.5` is 975 tenths.
///
/// Kept in its lowest terms (no trailing zero decimal), so that a target is equal to itself
/// however it was written: `98`, `98.0` and `98.00` are one target.
public struct Target: Hashable, Sendable, CustomStringConvertible {
    /// The target times `divisor`.
    public private(set) var scaled: Int
    /// A power of ten.
    public private(set) var divisor: Int

    public static let onTimeDefault = Target(scaled: 98, divisor: 1)

    public init(scaled: Int, divisor: Int) {
        self.scaled = scaled
        self.divisor = divisor
        reduce()
    }

    private mutating func reduce() {
        while divisor > 1, scaled % 10 == 0 {
            scaled /= 10
            divisor /= 10
        }
    }

    /// Reads `98`, `97.5`, `99.25`: 0 to 100, at most four decimals.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts.count == 1 || parts[1].count <= 4,
              parts[0].count <= 3, let whole = Int(parts[0]) else { return nil }
        let decimals = parts.count == 2 ? parts[1] : ""
        var divisor = 1
        for _ in decimals { divisor *= 10 }
        scaled = whole * divisor + (Int(decimals) ?? 0)
        self.divisor = divisor
        guard scaled <= 100 * divisor else { return nil }
        reduce()
    }

    public var description: String {
        guard divisor > 1 else { return "\(scaled)" }
        var fraction = String(scaled % divisor)
        let width = String(divisor).count - 1
        fraction = String(repeating: "0", count: width - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(scaled / divisor)" : "\(scaled / divisor).\(fraction)"
    }
}

extension Percentage {
    /// The change from `previous` to this rate in hundredths of a percentage point, from the
    /// exact fractions (`self − previous`, times 100), rounded half up (towards +∞ on a half):
    /// 125 for +1.25 points.
    public func change(from previous: Percentage) -> Int {
        // (n₁/d₁ − n₀/d₀) × 10,000 = (n₁d₀ − n₀d₁) × 10,000 / (d₁d₀), in integers.
        let numerator = (numerator * previous.denominator - previous.numerator * denominator) * 10_000
        let denominator = self.denominator * previous.denominator
        // floor((2n + d) / 2d), with a floor division that rounds negative quotients down.
        let (q, r) = (2 * numerator + denominator).quotientAndRemainder(dividingBy: 2 * denominator)
        return r < 0 ? q - 1 : q
    }
}
