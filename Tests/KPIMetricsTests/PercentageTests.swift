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
        for bad in ["", "98%", "-1", "101", "9 8", "98.", ".5", "98.12345", "abc"] {
            #expect(Target(bad) == nil, "\(bad)")
        }
    }
}
