import TestSupport
import Foundation
import Testing
@testable import Ingest

@Suite struct CivilDateTests {
    /// The fast day arithmetic agrees with Foundation's Gregorian calendar, day by day, over
    /// 1900–2100 (every leap-year rule is crossed: 1900 and 2100 are not leap, 2000 is).
    @Test func daysAgreeWithFoundationCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: 0))
        let start = try #require(calendar.date(from: DateComponents(year: 1900, month: 1, day: 1)))
        var date = start
        for _ in 0..<(201 * 366) {
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            let days = Int64((date.timeIntervalSince1970 / 86_400).rounded(.down))
            let expected = try (#require(c.year), #require(c.month), #require(c.day))
            #expect(CivilDate.daysSinceEpoch(year: expected.0, month: expected.1, day: expected.2) == days)
            let back = CivilDate.civil(fromDays: days)
            #expect(back == expected)
            date = date.addingTimeInterval(86_400)
            if expected.0 > 2100 { break }
        }
    }

    @Test(arguments: [(2023, 2, 29), (2023, 2, 31), (2023, 4, 31), (2023, 13, 1), (2023, 0, 10), (2023, 1, 0), (1900, 2, 29), (2100, 2, 29)])
    func nonexistentDays(y: Int, m: Int, d: Int) {
        #expect(CivilDate.daysSinceEpoch(year: y, month: m, day: d) == nil)
    }

    @Test func leapDaysExist() {
        #expect(CivilDate.daysSinceEpoch(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate.daysSinceEpoch(year: 2000, month: 2, day: 29) != nil)
    }

    @Test func momentDayAndEndOfDay() {
        let m = moment(2023, 3, 14, 17, 30)
        #expect(m.endOfDay == moment(2023, 3, 14, 23, 59, 59))
        #expect(m.description == "14/03/2023 17:30:00")
        #expect(m.iso8601 == "2023-03-14T17:30:00+07:00")
        #expect(moment(1969, 12, 31, 23).day == -1)
    }
}
