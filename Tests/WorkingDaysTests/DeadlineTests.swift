import Ingest
import Testing
@testable import WorkingDays

/// Deadlines in working days (catalogue.md), each case worked out by hand on the shipped
/// calendar. Tết 2024 (Thông báo 5015/TB-LĐTBXH): Thursday 08/02 to Wednesday 14/02 off,
/// work again Thursday 15/02. 30/4 2024: Monday 29/04 to Wednesday 01/05 off, Saturday 04/05
/// worked. 2022: 30/4 Saturday and 1/5 Sunday give Monday 02/05 and Tuesday 03/05 off.
@Suite struct DeadlineTests {
    let calendar = shippedCalendar

    @Test(arguments: [
        // The Friday before Tết 2024, 3 days: Monday 05, Tuesday 06, Wednesday 07.
        ("02/02/2024 10:00:00", 3, "07/02/2024 10:00:00"),
        // 4 days: Tết's five weekdays are skipped, Thursday 15/02.
        ("02/02/2024 10:00:00", 4, "15/02/2024 10:00:00"),
        // The last working day before Tết: Thursday 15, Friday 16, Monday 19.
        ("07/02/2024 16:30:00", 3, "19/02/2024 16:30:00"),
        // Received on 30 Tết (a day off): counting starts Thursday 15/02 00:00; Friday 16,
        // Monday 19, Tuesday 20.
        ("09/02/2024 09:00:00", 3, "20/02/2024 00:00:00"),
        // Received on a Sunday: Monday 00:00 + 1 day.
        ("04/02/2024 15:00:00", 1, "06/02/2024 00:00:00"),
        // Before the swapped Saturday: Thursday 02/05, Friday 03/05, Saturday 04/05.
        ("26/04/2024 14:00:00", 2, "03/05/2024 14:00:00"),
        ("26/04/2024 14:00:00", 3, "04/05/2024 14:00:00"),
        // Received on the swapped Saturday, a working day.
        ("04/05/2024 09:00:00", 1, "06/05/2024 09:00:00"),
        // Weekend holidays 2022: Wednesday 04/05 is the next working day after Friday 29/04.
        ("29/04/2022 10:00:00", 1, "04/05/2022 10:00:00"),
        ("01/05/2022 08:00:00", 1, "05/05/2022 00:00:00"),
        // 2025: Saturday 26/04 worked, 30/04 to 02/05 off: Saturday 26, Monday 28, Tuesday 29,
        // then Monday 05/05.
        ("25/04/2025 11:00:00", 1, "26/04/2025 11:00:00"),
        ("25/04/2025 11:00:00", 3, "29/04/2025 11:00:00"),
        ("25/04/2025 11:00:00", 4, "05/05/2025 11:00:00"),
        // Across the year end: 01/01/2026 and the swapped 02/01 off, Monday 05 and Tuesday 06.
        ("31/12/2025 10:00:00", 2, "06/01/2026 10:00:00"),
        // A moment between two working days does not move, late at night or not.
        ("06/05/2024 23:30:00", 1, "07/05/2024 23:30:00"),
        ("03/05/2024 22:00:00", 1, "04/05/2024 22:00:00"),
        // A computed year (2027): Tết Friday 05/02 to Thursday 11/02 off.
        ("04/02/2027 09:00:00", 1, "12/02/2027 09:00:00"),
    ])
    func deadline(received: String, limit: Int, due: String) {
        #expect(calendar.deadline(received: moment(received), limit: limit) == moment(due))
    }

    /// N = 0: 23:59:59 of the working day itself, or of the next one.
    @Test(arguments: [
        ("06/02/2024 08:00:00", "06/02/2024 23:59:59"),
        ("09/02/2024 09:00:00", "15/02/2024 23:59:59"),  // on Tết
        ("03/02/2024 09:00:00", "05/02/2024 23:59:59"),  // on a Saturday
        ("04/05/2024 09:00:00", "04/05/2024 23:59:59"),  // on the swapped Saturday
        ("30/04/2022 09:00:00", "04/05/2022 23:59:59"),  // 30/4 on a Saturday
    ])
    func sameDay(received: String, due: String) {
        #expect(calendar.deadline(received: moment(received), limit: 0) == moment(due))
    }

    @Test func outsideTheCalendar() {
        #expect(calendar.deadline(received: moment("31/12/1969 10:00:00"), limit: 1) == nil)
        #expect(calendar.deadline(received: moment("30/12/2099 10:00:00"), limit: 5) == nil)
        #expect(calendar.deadline(received: moment("02/01/2024 10:00:00"), limit: -1) == nil)
    }

    @Test func workingDaysBetweenDays() {
        #expect(calendar.workingDays(from: day("2024-02-02"), to: day("2024-02-15")) == 4)
        #expect(calendar.workingDays(from: day("2024-02-15"), to: day("2024-02-02")) == -4)
        #expect(calendar.workingDays(from: day("2024-05-03"), to: day("2024-05-06")) == 2)  // Saturday 04/05 worked
    }

    /// The year counts: 2024 has 262 weekdays, 12 of them off, and one Saturday worked.
    @Test func workingDaysInAYear() {
        #expect(calendar.workingDayCount(in: 2024) == 251)
        // 2022: 260 weekdays, 11 off.
        #expect(calendar.workingDayCount(in: 2022) == 249)
    }
}

/// Working time between two moments: seconds in working days over 86,400, exact.
@Suite struct WorkingTimeTests {
    let calendar = shippedCalendar

    @Test(arguments: [
        // Friday 10:00 to Monday 10:00: 14 h on Friday, 10 h on Monday.
        ("02/02/2024 10:00:00", "05/02/2024 10:00:00", 86_400, "1"),
        // Wednesday 12:00 before Tết to Thursday 06:00 after it: 12 h + 6 h.
        ("07/02/2024 12:00:00", "15/02/2024 06:00:00", 64_800, "3/4"),
        // From a Saturday: only Monday's 6 hours.
        ("03/02/2024 10:00:00", "05/02/2024 06:00:00", 21_600, "1/4"),
        // Within one working day.
        ("06/02/2024 08:00:00", "06/02/2024 14:00:00", 21_600, "1/4"),
        // Over all of Tết: Wednesday 07/02 only.
        ("07/02/2024 00:00:00", "15/02/2024 00:00:00", 86_400, "1"),
        // Two days off: nothing.
        ("10/02/2024 08:00:00", "11/02/2024 17:00:00", 0, "0"),
        // Reversed: negative.
        ("06/02/2024 14:00:00", "06/02/2024 08:00:00", -21_600, "-1/4"),
        // One second.
        ("06/02/2024 08:00:00", "06/02/2024 08:00:01", 1, "1/86400"),
        // Friday 15:00 to the swapped Saturday 04/05/2024 09:00, across 29/04–01/05:
        // 9 h on Friday 26/04, Thursday 02 and Friday 03 whole, 9 h on Saturday.
        ("26/04/2024 15:00:00", "04/05/2024 09:00:00", 237_600, "11/4"),  // 66 h
    ])
    func workingTime(from: String, to: String, seconds: Int64, days: String) {
        let time = calendar.workingTime(from: moment(from), to: moment(to))
        #expect(time?.seconds == seconds)
        #expect(time?.description == days)
    }

    @Test func fraction() {
        #expect(WorkingTime(seconds: 129_600).days == (3, 2))
        #expect(WorkingTime(seconds: 0).days == (0, 1))
        #expect(WorkingTime(seconds: -43_200).days == (-1, 2))
    }
}
