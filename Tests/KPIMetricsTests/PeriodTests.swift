import TestSupport
import Testing
@testable import KPIMetrics

@Suite struct PeriodTests {
    @Test(arguments: [
        ("2023-Q3", "2023-Q3"), ("2023-q1", "2023-Q1"), ("Q3/2023", "2023-Q3"), ("quý 3/2023", "2023-Q3"),
        ("Quý 4/2023", "2023-Q4"), ("2023-H1", "2023-H1"), ("2023-H2", "2023-H2"), ("6 tháng 2023", "2023-H1"),
        ("2023-9M", "2023-9M"), ("9 tháng 2023", "2023-9M"), ("2023", "2023"), ("năm 2023", "2023"),
        ("  Năm   2023 ", "2023"),
        // The official and spoken forms (issue 10).
        ("Quý I/2023", "2023-Q1"), ("Quý II/2023", "2023-Q2"), ("quý iii/2023", "2023-Q3"), ("QUÝ IV/2023", "2023-Q4"),
        ("quý 1 năm 2023", "2023-Q1"), ("Quý 1 năm 2023", "2023-Q1"), ("Quý IV năm 2023", "2023-Q4"), ("quý 3 2023", "2023-Q3"),
        ("Q1 2023", "2023-Q1"), ("q2  2023", "2023-Q2"), ("6 tháng đầu năm 2023", "2023-H1"), ("6 tháng cuối năm 2023", "2023-H2"),
        ("9 tháng năm 2023", "2023-9M"), ("9 tháng đầu năm 2023", "2023-9M"),
    ])
    func parsesEveryAcceptedForm(text: String, canonical: String) throws {
        #expect(try Period(parsing: text).description == canonical)
    }

    @Test(arguments: ["2023-Q5", "2023-Q0", "Q3-2023", "2023-H3", "3 tháng 2023", "quý V/2023", "quý 5 năm 2023", "23-Q1", "",
                      "2023-10M", "năm", "Q3/23", "Quý IIII/2023", "6 tháng giữa năm 2023", "năm năm 2023", "Q 2023"])
    func rejectsOtherText(text: String) {
        #expect(throws: Period.ParseError.self) { try Period(parsing: text) }
    }

    /// The dates of kpi-rules.md, one by one; `end` is the first moment after the last day.
    @Test(arguments: [
        ("2023-Q1", (2022, 12, 15), (2023, 3, 15)),
        ("2023-Q2", (2023, 3, 15), (2023, 6, 15)),
        ("2023-Q3", (2023, 6, 15), (2023, 9, 15)),
        ("2023-Q4", (2023, 9, 15), (2023, 12, 15)),
        ("2023-H1", (2022, 12, 15), (2023, 6, 15)),
        ("2023-H2", (2023, 6, 15), (2023, 12, 15)),
        ("2023-9M", (2022, 12, 15), (2023, 9, 15)),
        ("2023", (2022, 12, 15), (2023, 12, 15)),
    ])
    func decree09Bounds(text: String, start: (Int, Int, Int), end: (Int, Int, Int)) throws {
        let b = try Period(parsing: text).bounds(.decree09)
        #expect(b.start == moment(start.0, start.1, start.2))
        #expect(b.end == moment(end.0, end.1, end.2))
    }

    @Test(arguments: [
        ("2023-Q1", (2023, 1, 1), (2023, 4, 1)),
        ("2023-Q3", (2023, 7, 1), (2023, 10, 1)),
        ("2023-Q4", (2023, 10, 1), (2024, 1, 1)),
        ("2023-H1", (2023, 1, 1), (2023, 7, 1)),
        ("2023-H2", (2023, 7, 1), (2024, 1, 1)),
        ("2023-9M", (2023, 1, 1), (2023, 10, 1)),
        ("2023", (2023, 1, 1), (2024, 1, 1)),
    ])
    func calendarBounds(text: String, start: (Int, Int, Int), end: (Int, Int, Int)) throws {
        let b = try Period(parsing: text).bounds(.calendar)
        #expect(b.start == moment(start.0, start.1, start.2))
        #expect(b.end == moment(end.0, end.1, end.2))
    }

    @Test func cutOffDaysBelongToOnePeriodOnly() throws {
        let q1 = try Period(parsing: "2023-Q1").bounds(.decree09)
        let q2 = try Period(parsing: "2023-Q2").bounds(.decree09)
        let lastSecondOf14th = moment(2023, 3, 14, 23, 59, 59)
        let first15th = moment(2023, 3, 15)
        #expect(q1.contains(lastSecondOf14th) && !q2.contains(lastSecondOf14th))
        #expect(!q1.contains(first15th) && q2.contains(first15th))
        #expect(q1.lastDay == moment(2023, 3, 14))
    }

    /// The period a report compares with: the one before (a quarter, a half; nine months and a
    /// year compare with the year before), or the same one a year before.
    @Test(arguments: [
        ("2023-Q1", "2022-Q4", "2022-Q1"), ("2023-Q3", "2023-Q2", "2022-Q3"), ("2023-H1", "2022-H2", "2022-H1"),
        ("2023-H2", "2023-H1", "2022-H2"), ("2023-9M", "2022-9M", "2022-9M"), ("2023", "2022", "2022"),
    ])
    func comparedPeriods(text: String, previous: String, lastYear: String) throws {
        let period = try Period(parsing: text)
        #expect(period.compared(with: .previous).description == previous)
        #expect(period.compared(with: .lastYear).description == lastYear)
    }

    @Test func theLastFourQuarters() throws {
        #expect(try Period(parsing: "2023-Q1").lastFourQuarters.map(\.description) == ["2022-Q2", "2022-Q3", "2022-Q4", "2023-Q1"])
        #expect(try Period(parsing: "2023").lastFourQuarters.map(\.description) == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"])
        #expect(try Period(parsing: "2023-H1").lastFourQuarters.map(\.description) == ["2022-Q3", "2022-Q4", "2023-Q1", "2023-Q2"])
        #expect(try Period(parsing: "2023-9M").lastFourQuarters.map(\.description) == ["2022-Q4", "2023-Q1", "2023-Q2", "2023-Q3"])
    }
}
