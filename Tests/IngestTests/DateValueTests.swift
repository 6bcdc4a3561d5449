import TestSupport
import Testing
@testable import Ingest

@Suite struct DateValueTests {
    private func parsed(_ text: String, _ role: DateValue.Role = .moment) -> DateValue? {
        try? DateValue.parse(text, role: role).get()
    }

    @Test(arguments: [
        ("15/11/2022 12:34:00", moment(2022, 11, 15, 12, 34)),
        ("15/11/2022 12:34", moment(2022, 11, 15, 12, 34)),
        ("5/1/2023 9:05", moment(2023, 1, 5, 9, 5)),
        ("05/01/2023", moment(2023, 1, 5)),
        ("2023-01-05", moment(2023, 1, 5)),
        ("2023-01-05 08:30", moment(2023, 1, 5, 8, 30)),
        ("2023-01-05T08:30:15", moment(2023, 1, 5, 8, 30, 15)),
        ("2023-01-05T08:30:15+07:00", moment(2023, 1, 5, 8, 30, 15)),
        ("2023-01-01T01:00:00Z", moment(2023, 1, 1, 8)),
        ("2022-12-31T20:00:00Z", moment(2023, 1, 1, 3)),
        ("2023-01-01T09:00:00+09:00", moment(2023, 1, 1, 7)),
        ("2023-03-05T08:05+0530", moment(2023, 3, 5, 9, 35)), ("2023-03-05T08:05+05", moment(2023, 3, 5, 10, 5)),
        ("20221115124400", moment(2022, 11, 15, 12, 44)),
        ("20221115", moment(2022, 11, 15)),
        ("  15/11/2022   7:00 ", moment(2022, 11, 15, 7)),
    ])
    func readsEveryFormOfTheSpec(text: String, expected: LocalMoment) {
        #expect(parsed(text)?.moment == expected)
    }

    @Test func dateOnlyDeadlineIsTheEndOfItsDay() {
        #expect(parsed("09/02/2023", .deadline) == DateValue(moment: moment(2023, 2, 9, 23, 59, 59), hasTime: false))
        #expect(parsed("2023-02-09", .deadline)?.moment == moment(2023, 2, 9, 23, 59, 59))
        #expect(parsed("20230209", .deadline)?.moment == moment(2023, 2, 9, 23, 59, 59))
        #expect(parsed("2023-02-09", .moment) == DateValue(moment: moment(2023, 2, 9), hasTime: false))
        // With a time, a deadline is that moment.
        #expect(parsed("09/02/2023 17:00", .deadline) == DateValue(moment: moment(2023, 2, 9, 17), hasTime: true))
    }

    @Test(arguments: ["31/02/2023", "29/02/2023", "2023-02-30", "20230230", "15/11/2022 24:00", "15/11/2022 12:60", "2023-04-31T10:00:00", "20231301120000", "01/01/0000", "0000-06-15"])
    func nonexistentDatesAreNamedSo(text: String) {
        #expect(throws: DateValue.Failure.nonexistent) { try DateValue.parse(text, role: .moment).get() }
    }

    @Test(arguments: ["hôm qua", "15-11-2022", "11/2022", "15/11/22", "2022/11/15", "15/11/2022T12:00", "2023-1-5", "202211151244", "15/11/2022 12", "2023-01-05T08:30+7", "15.11.2022", "2023-01-05 8:30",
                      "2023-03-05T08:05+05:3", "2023-03-05T08:05+05:", "2023-03-05T08:05+053",
                      // The spec's forms end at the seconds: no fraction of a second.
                      "2023-01-01T08:00:00.250+07:00", "2023-01-01 08:00:00.5", "2023-01-01T08:00.5"])
    func unreadableDatesAreNamedSo(text: String) {
        #expect(throws: DateValue.Failure.unreadable) { try DateValue.parse(text, role: .moment).get() }
    }
}
