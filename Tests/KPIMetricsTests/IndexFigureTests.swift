import Testing
@testable import KPIMetrics

/// An indicator's points and whether they fall short of its maximum, on the exact fraction.
@Suite struct IndexFigureTests {
    /// Hand-computed, digitised (4 points at 80 %): 1999/2500 = 79.96 % earns 4 × 79.96/80 =
    /// 3.998 points, written 4.00, and is below full marks; 2000/2500 = 80 % earns exactly 4;
    /// 2400/2500 = 96 % is capped at 4. Progress (20 points at 100 %): 999/1000 earns 19.98;
    /// 4999/5000 earns 19.996, written 20.00, still below.
    @Test(arguments: [
        (IndexIndicator.digitised, 1999, 2500, 400, true), (.digitised, 2000, 2500, 400, false),
        (.digitised, 2400, 2500, 400, false), (.progress, 999, 1000, 1998, true),
        (.progress, 4999, 5000, 2000, true), (.progress, 5000, 5000, 2000, false),
    ] as [(IndexIndicator, Int, Int, Int, Bool)])
    func pointsAndFullMarks(indicator: IndexIndicator, numerator: Int, denominator: Int, hundredths: Int, below: Bool) throws {
        let figure = IndexFigure(indicator: indicator, numerator: numerator, denominator: denominator,
                                 rate: Fraction(numerator, denominator))
        #expect(try #require(figure.points).hundredths() == hundredths)
        #expect(figure.isBelowFullMarks == below)
    }

    @Test func aFigureWithoutValueIsNotBelowFullMarks() {
        let figure = IndexFigure(indicator: .eResult, numerator: 0, denominator: 0, rate: nil)
        #expect(figure.points == nil)
        #expect(!figure.isBelowFullMarks)
    }
}
