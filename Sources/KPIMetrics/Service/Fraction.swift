/// A non-negative exact fraction: rates and points are never binary floats, and are rounded
/// only when written.
public struct Fraction: Hashable, Sendable {
    public var numerator: Int
    /// Positive.
    public var denominator: Int

    public init(_ numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Hundredths, rounded half up: 1363 for 13.625. `times` scales first (100: a percent).
    public func hundredths(times: Int = 1) -> Int {
        var sum = ExactSum()
        sum.add(self)
        return sum.hundredths(times: times, over: 1)
    }

    /// As a ``Percentage`` (rates of counts).
    public var percentage: Percentage? { Percentage(numerator, of: denominator) }
}

/// An exact sum of non-negative fractions, of any size: a total of nine indicators' points has
/// a common denominator far beyond 64 bits, so it is kept as a big numerator over a big
/// denominator (products of the terms' denominators), and only its rounding is computed.
public struct ExactSum: Hashable, Sendable {
    private var numerator = BigNatural(0)
    private var denominator = BigNatural(1)

    public init() {}

    public mutating func add(_ f: Fraction) {
        // n/d + a/b = (n b + a d) / (d b)
        numerator = numerator.times(UInt64(f.denominator)) + denominator.times(UInt64(f.numerator))
        denominator = denominator.times(UInt64(f.denominator))
    }

    /// Hundredths of sum × `times` ÷ `over`, rounded half up: floor((200 t N + o D) / (2 o D)).
    public func hundredths(times: Int = 1, over: Int = 1) -> Int {
        let target = numerator.times(UInt64(200 * times)) + denominator.times(UInt64(over))
        let step = denominator.times(UInt64(2 * over))
        // The quotient is small (a percent or points, in hundredths): find it by bisection.
        var low = 0, high = 1 << 40
        while low < high {
            let mid = (low + high + 1) / 2
            if step.times(UInt64(mid)) <= target { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

/// A natural number of any size, as 32-bit limbs (least significant first): just what an
/// exact sum needs (add, multiply by a word, compare).
struct BigNatural: Hashable, Sendable, Comparable {
    private var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        normalize()
    }

    private mutating func normalize() {
        while limbs.count > 1, limbs.last == 0 { limbs.removeLast() }
    }

    func times(_ factor: UInt64) -> BigNatural {
        let low = times32(UInt32(truncatingIfNeeded: factor))
        let high = times32(UInt32(truncatingIfNeeded: factor >> 32))
        var shifted = high
        shifted.limbs.insert(0, at: 0)
        shifted.normalize()
        return low + shifted
    }

    private func times32(_ factor: UInt32) -> BigNatural {
        var out = BigNatural(0)
        out.limbs = []
        var carry: UInt64 = 0
        for limb in limbs {
            let product = UInt64(limb) * UInt64(factor) + carry
            out.limbs.append(UInt32(truncatingIfNeeded: product))
            carry = product >> 32
        }
        out.limbs.append(UInt32(carry))
        out.normalize()
        return out
    }

    static func + (a: BigNatural, b: BigNatural) -> BigNatural {
        var out = BigNatural(0)
        out.limbs = []
        var carry: UInt64 = 0
        for i in 0..<max(a.limbs.count, b.limbs.count) {
            let sum = UInt64(i < a.limbs.count ? a.limbs[i] : 0) + UInt64(i < b.limbs.count ? b.limbs[i] : 0) + carry
            out.limbs.append(UInt32(truncatingIfNeeded: sum))
            carry = sum >> 32
        }
        out.limbs.append(UInt32(carry))
        out.normalize()
        return out
    }

    static func < (a: BigNatural, b: BigNatural) -> Bool {
        if a.limbs.count != b.limbs.count { return a.limbs.count < b.limbs.count }
        for i in stride(from: a.limbs.count - 1, through: 0, by: -1) where a.limbs[i] != b.limbs[i] {
            return a.limbs[i] < b.limbs[i]
        }
        return false
    }
}
