import Testing
@testable import WorkingDays

/// Years without an official schedule, worked out by hand from the Labour Code 2019.
@Suite struct LabourCodeTests {
    /// 2027: 1/1 Friday; Tết Đinh Mùi on Saturday 06/02 (the lunar table's date), so the last
    /// day of the year is Friday 05/02 and Tết runs Saturday to Tuesday 09/02: Saturday and
    /// Sunday give Wednesday 10/02 and Thursday 11/02 off. Giỗ Tổ Friday 16/04; 30/4 Friday;
    /// 1/5 Saturday → Monday 03/05; 1/9 Wednesday, 2/9 Thursday.
    @Test func year2027() {
        let entries = LabourCode.schedule(for: 2027).entries
        #expect(entries.map(\.day) == ["2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10",
                                       "2027-02-11", "2027-04-16", "2027-04-30", "2027-05-03", "2027-09-01",
                                       "2027-09-02"].map(day))
        #expect(entries.allSatisfy { $0.kind == .off && $0.origin.isComputed })
        #expect(entries[4].origin == .compensatory(for: .tet1, day: day("2027-02-06")))
        #expect(entries[5].origin == .compensatory(for: .tet2, day: day("2027-02-07")))
        #expect(entries[8].origin == .compensatory(for: .labour, day: day("2027-05-01")))
        // 365 days from a Friday: 261 weekdays, 11 of them off.
        #expect(shippedCalendar.workingDayCount(in: 2027) == 250)
    }

    /// A compensatory day skips holidays and days already given: 2023 computed, Giỗ Tổ on
    /// Saturday 29/04 and 30/4 on Sunday, 1/5 Monday → Tuesday 02/05 and Wednesday 03/05.
    @Test func compensatoryDaysQueueUp() {
        let entries = LabourCode.schedule(for: 2023).entries.filter { $0.day.date.month == 5 }
        #expect(entries.map(\.day) == [day("2023-05-01"), day("2023-05-02"), day("2023-05-03")])
        #expect(entries[1].origin == .compensatory(for: .hungKings, day: day("2023-04-29")))
        #expect(entries[2].origin == .compensatory(for: .reunification, day: day("2023-04-30")))
    }

    /// 2/9 on Monday with 1/9 on Sunday (2030): Sunday's compensatory day is Tuesday 03/09.
    @Test func nationalDayOnMonday() {
        let september = LabourCode.schedule(for: 2030).entries.filter { $0.day.date.month == 9 }
        #expect(september.map(\.day) == [day("2030-09-02"), day("2030-09-03")])
        #expect(september[1].origin == .compensatory(for: .nationalDayEve, day: day("2030-09-01")))
    }

    /// The calendar marks a computed year as such, an official one as official.
    @Test func basisOfEachYear() {
        #expect(shippedCalendar.schedule(for: 2024)?.basis == .official)
        #expect(shippedCalendar.schedule(for: 2027)?.basis == .computed)
        #expect(shippedCalendar.schedule(for: 2020)?.basis == .computed)
        #expect(shippedCalendar.schedule(for: 1969) == nil)
    }

    /// Outside the table, isWorkingDay still answers by the Labour Code.
    @Test func outsideTheTable() {
        #expect(!shippedCalendar.isWorkingDay(day("2100-01-01")))  // Friday, New Year
        #expect(shippedCalendar.isWorkingDay(day("2100-01-04")))   // Monday
        #expect(!shippedCalendar.isWorkingDay(day("1969-09-02")))  // Tuesday, National Day
    }
}
