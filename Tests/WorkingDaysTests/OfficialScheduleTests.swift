import Testing
@testable import WorkingDays

/// The shipped schedule: its form, and the years it covers against the Labour Code.
@Suite struct OfficialScheduleTests {
    let official = try! OfficialSchedule.shipped()

    @Test func coversTheDocumentedYears() {
        #expect(official.years.keys.sorted() == Array(2021...2026))
    }

    /// The file lists only the days that differ from the ordinary week, and every row cites
    /// its notice or the article of the Labour Code.
    @Test func onlyDaysThatDifferFromTheWeek() {
        for (_, entries) in official.years {
            for entry in entries {
                #expect(entry.day.weekday.isWeekend == (entry.kind == .work), "\(entry.day)")
                guard case .official(let source) = entry.origin else {
                    Issue.record("\(entry.day): not an official entry")
                    continue
                }
                #expect(source.contains("Công văn") || source.contains("Thông báo") || source.contains("Bộ luật Lao động"),
                        "\(entry.day): \(source)")
            }
        }
    }

    /// Every year has the Labour Code's 11 holidays: as many weekdays off as the Code gives,
    /// plus one for each weekday swapped against a Saturday worked.
    @Test func elevenHolidaysAYearPlusSwaps() {
        for (year, entries) in official.years {
            let off = entries.filter { $0.kind == .off }.count
            let work = entries.filter { $0.kind == .work }.count
            #expect(off - work == 11, "\(year): \(off) off, \(work) worked")
        }
    }

    /// 2022 is the year the notices chose exactly the Labour Code's days: the computed year
    /// and the official one must agree day for day (1/1 on Saturday → 03/01; Giỗ Tổ on Sunday
    /// → 11/04; 30/4 Saturday and 1/5 Sunday → 02/05 and 03/05; 01/09 and 02/09).
    @Test func computedAgreesWithOfficial2022() {
        let computed = LabourCode.schedule(for: 2022).entries.map { ($0.day, $0.kind) }
        let shipped = official.schedule(for: 2022)?.entries.map { ($0.day, $0.kind) } ?? []
        #expect(computed.elementsEqual(shipped) { $0 == $1 })
        #expect(computed.map(\.0) == ["2022-01-03", "2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03",
                                      "2022-02-04", "2022-04-11", "2022-05-02", "2022-05-03", "2022-09-01",
                                      "2022-09-02"].map(day))
    }

    /// The other years differ from the Labour Code only where a notice moved a day, each
    /// difference worked out by hand:
    /// - 2021: Tết off from 29 Chạp (10/02) instead of the compensatory 17/02; Quốc khánh
    ///   02–03/09 instead of 01–02/09.
    /// - 2023: Tết from 29 Chạp (20/01) instead of the second compensatory day, 27/01.
    /// - 2024: Tết from 29 Chạp (08/02) instead of 15/02; the swap 29/04 off, 04/05 worked.
    /// - 2025: Tết from 27/01 instead of the compensatory Monday 03/02; the swap 02/05 off,
    ///   26/04 worked.
    /// - 2026: the swap 02/01 off, 10/01 worked.
    @Test(arguments: [
        (2021, ["2021-02-10 nghỉ", "2021-09-03 nghỉ"], ["2021-02-17 nghỉ", "2021-09-01 nghỉ"]),
        (2023, ["2023-01-20 nghỉ"], ["2023-01-27 nghỉ"]),
        (2024, ["2024-02-08 nghỉ", "2024-04-29 nghỉ", "2024-05-04 làm"], ["2024-02-15 nghỉ"]),
        (2025, ["2025-01-27 nghỉ", "2025-04-26 làm", "2025-05-02 nghỉ"], ["2025-02-03 nghỉ"]),
        (2026, ["2026-01-02 nghỉ", "2026-01-10 làm"], []),
    ])
    func computedDiffersWhereANoticeMovedADay(year: Int, onlyOfficial: [String], onlyComputed: [String]) {
        let describe = { (entries: [ScheduleEntry]) in Set(entries.map { "\($0.day.iso) \($0.kind.rawValue)" }) }
        let computed = describe(LabourCode.schedule(for: year).entries)
        let shipped = describe(official.schedule(for: year)?.entries ?? [])
        #expect(shipped.subtracting(computed) == Set(onlyOfficial))
        #expect(computed.subtracting(shipped) == Set(onlyComputed))
    }

    @Test func aBrokenScheduleIsAnErrorNotACrash() {
        let text = "date,kind,source\n2024-02-30,nghỉ,x\n"
        #expect(throws: CalendarFileError(file: "f.csv", line: 2, field: .date, kind: .badDate("2024-02-30"))) {
            try OfficialSchedule(csv: Array(text.utf8), file: "f.csv")
        }
    }
}
