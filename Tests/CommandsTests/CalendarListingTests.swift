import Commands
import Testing
import WorkingDays

/// The shipped calendar, built once for the whole test target (a broken data file fails here).
private let shippedCalendar = try! WorkingCalendar()

/// What `motcua calendar` prints, from the listing model.
@Suite struct CalendarListingTests {
    @Test func officialYearCSV() throws {
        let listing = try #require(CalendarListing(year: 2024, calendar: shippedCalendar))
        let lines = listing.csv().split(separator: "\n").map(String.init)
        #expect(lines.first == "date,kind,source")
        #expect(lines.dropFirst().map { String($0.prefix(15)) } == [
            "2024-01-01,nghỉ", "2024-02-08,nghỉ", "2024-02-09,nghỉ", "2024-02-12,nghỉ", "2024-02-13,nghỉ",
            "2024-02-14,nghỉ", "2024-04-18,nghỉ", "2024-04-29,nghỉ", "2024-04-30,nghỉ", "2024-05-01,nghỉ",
            "2024-05-04,làm,", "2024-09-02,nghỉ", "2024-09-03,nghỉ",
        ])
        #expect(lines[2] == "2024-02-08,nghỉ,Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 (Tết Âm lịch: nghỉ 08/02–14/02/2024)")
        #expect(!listing.csv().contains("computed"))
    }

    /// A computed year says so on every row of the csv, and in the people's heading.
    @Test func computedYear() throws {
        let listing = try #require(CalendarListing(year: 2027, calendar: shippedCalendar))
        let rows = listing.csv().split(separator: "\n").dropFirst()
        #expect(rows.count == 11)
        #expect(rows.allSatisfy { $0.contains(",nghỉ,\"computed, not official: ") })
        #expect(rows.contains("2027-02-10,nghỉ,\"computed, not official: Bộ luật Lao động 2019 Điều 111 khoản 3: "
                              + "nghỉ bù mùng 1 Tết trùng thứ Bảy 06/02/2027\""))
        let vi = listing.text(.vi)
        #expect(vi.hasPrefix("Lịch nghỉ năm 2027 của cán bộ, công chức, viên chức: tính theo Bộ luật Lao động 2019, "
                             + "chưa phải lịch chính thức (computed, not official)\n"))
        #expect(vi.hasSuffix("11 ngày nghỉ trong tuần, 0 ngày làm việc vào thứ Bảy hoặc Chủ nhật; cả năm 250 ngày làm việc.\n"))
        let en = listing.text(.en)
        #expect(en.hasPrefix("Days off of civil servants in 2027: computed, not official (Labour Code 2019)\n"))
        #expect(en.contains("10/02/2027  Wednesday  day off  Labour Code 2019 art. 111(3): in lieu of Tết, day 1 on Saturday 06/02/2027\n"))
    }

    /// The people's table: aligned columns, weekday names, the swapped Saturday.
    @Test func officialYearTable() throws {
        let listing = try #require(CalendarListing(year: 2024, calendar: shippedCalendar))
        let lines = listing.text(.vi).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Lịch nghỉ năm 2024 của cán bộ, công chức, viên chức: lịch chính thức")
        #expect(lines[2] == "Ngày        Thứ      Loại      Nguồn")
        #expect(lines[3] == "01/01/2024  Thứ Hai  nghỉ      Bộ luật Lao động 2019 Điều 112 (Tết Dương lịch)")
        #expect(lines[13].hasPrefix("04/05/2024  Thứ Bảy  làm việc  Công văn 2450/VPCP-KGVX ngày 12/04/2024"))
        #expect(lines[17] == "12 ngày nghỉ trong tuần, 1 ngày làm việc vào thứ Bảy hoặc Chủ nhật; cả năm 251 ngày làm việc.")
    }

    @Test func outsideTheYears() {
        #expect(CalendarListing(year: 2100, calendar: shippedCalendar) == nil)
    }
}
