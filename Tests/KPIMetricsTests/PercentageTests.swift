import TestSupport
import Testing
@testable import KPIMetrics

@Suite struct PercentageTests {
    /// Hand-computed: 2/3 = 66.666… → 66.67; 1/8 = 12.5 → 12.50; 1/400 = 0.25; 49/50000 = 0.098
    /// → 0.10; 39/40000 = 0.0975 → 0.10 (half up); 1/40000 = 0.0025 → 0.00; 3/40000 = 0.0075 →
    /// 0.01; 4899/4999 = 97.9996 → 98.00; 195/199 = 97.9899… → 97.99.
    @Test(arguments: [
        (2, 3, "66.67"), (1, 8, "12.50"), (7, 8, "87.50"), (1, 6, "16.67"), (1, 1, "100.00"), (0, 5, "0.00"),
        (1, 400, "0.25"), (49, 50_000, "0.10"), (39, 40_000, "0.10"), (1, 40_000, "0.00"), (3, 40_000, "0.01"),
        (4899, 4999, "98.00"), (195, 199, "97.99"),
    ])
    func roundsHalfUpFromTheExactFraction(numerator: Int, denominator: Int, expected: String) throws {
        #expect(try #require(Percentage(numerator, of: denominator)).formatted == expected)
    }

    @Test func aZeroDenominatorHasNoValue() {
        #expect(Percentage(0, of: 0) == nil)
    }

    /// 4899/4999 = 97.9996 % shows as 98.00 and is still below a 98 % target.
    @Test func belowTargetIsDecidedOnTheFraction() throws {
        let p = try #require(Percentage(4899, of: 4999))
        #expect(p.formatted == "98.00")
        #expect(p.isBelow(.onTimeDefault))
        #expect(try #require(Percentage(49, of: 50)).isBelow(.onTimeDefault) == false, "exactly 98 % is on target")
        #expect(try #require(Percentage(97, of: 100)).isBelow(try #require(Target("97.5"))))
        #expect(try #require(Percentage(98, of: 100)).isBelow(try #require(Target("97.5"))) == false)
    }

    @Test func targetsParse() throws {
        #expect(try #require(Target("98")) == Target(scaled: 98, divisor: 1))
        #expect(try #require(Target("97.5")).description == "97.5")
        #expect(try #require(Target("99.25")) == Target(scaled: 9925, divisor: 100))
        #expect(try #require(Target("100")).description == "100")
        // However a target is written, it is one target: trailing zero decimals say nothing.
        #expect(try #require(Target("98.0")) == .onTimeDefault)
        #expect(try #require(Target("98.00")) == Target(scaled: 9800, divisor: 100))
        #expect(Target("97.50") == Target("97.5") && Target("97.50")?.description == "97.5")
        #expect(try #require(Target("100.0000")).description == "100")
        #expect(Target("97.5") != Target("97.05"))
        for bad in ["", "98%", "-1", "101", "9 8", "98.", ".5", "98.12345", "abc"] {
            #expect(Target(bad) == nil, "\(bad)")
        }
    }
}

/// The change of an on-time rate from one period to another, in percentage points: from the
/// exact fractions, rounded half up to two decimals (worked by hand).
@Suite struct PointChangeTests {
    private func rate(_ n: Int, _ d: Int) -> Percentage { Percentage(n, of: d)! }

    @Test func fromTheExactFractions() {
        // 98/100 − 89/100 = 9 points.
        #expect(rate(98, 100).change(from: rate(89, 100)) == 900)
        // 2/3 − 1/2 = 1/6 = 16.666… points → 16.67; the rounded rates (66.67 − 50.00) agree here.
        #expect(rate(2, 3).change(from: rate(1, 2)) == 1667)
        // 1/2 − 2/3 = −16.666… → −16.67.
        #expect(rate(1, 2).change(from: rate(2, 3)) == -1667)
        // 1/3 − 1/6 = 16.666…: the rounded rates would say 33.33 − 16.67 = 16.66; the fraction says 16.67.
        #expect(rate(1, 3).change(from: rate(1, 6)) == 1667)
        #expect(rate(5, 7).change(from: rate(5, 7)) == 0)
    }

    /// Exactly half a hundredth rounds up: +0.005 → +0.01, −0.005 → −0.00 (towards +∞).
    @Test func halvesRoundUp() {
        // 10001/20000 − 1/2 = 1/20000 = 0.005 points.
        #expect(rate(10_001, 20_000).change(from: rate(1, 2)) == 1)
        #expect(rate(1, 2).change(from: rate(10_001, 20_000)) == 0)
        #expect(rate(1, 2).change(from: rate(10_003, 20_000)) == -1)  // −0.015 → −0.01
    }
}
