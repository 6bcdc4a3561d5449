import Testing
import TestSupport
@testable import WorkingDays

/// `--calendar FILE`: rows validated into days, read with libcsv, applied over the schedule.
@Suite struct CalendarOverridesTests {
    typealias Row = CalendarOverrides.Row

    @Test func rowsBecomeDays() throws {
        let overrides = try CalendarOverrides(file: "tinh.csv", rows: [
            Row(line: 1, date: "ngày", kind: "loại", note: "ghi chú"),
            Row(line: 2, date: "15/02/2024", kind: "nghỉ", note: "Tỉnh cho nghỉ thêm"),
            Row(line: 3, date: "2024-05-04", kind: " Nghi ", note: ""),
            Row(line: 4, date: "2030-09-03", kind: "LÀM", note: "làm bù"),
        ])
        #expect(overrides.entries.map(\.day) == [day("2024-02-15"), day("2024-05-04"), day("2030-09-03")])
        #expect(overrides.entries.map(\.kind) == [.off, .off, .work])
        #expect(overrides.entries[0].origin == .override(file: "tinh.csv", line: 2, note: "Tỉnh cho nghỉ thêm"))
    }

    @Test(arguments: [
        (Row(line: 5, date: "30/02/2024", kind: "nghỉ", note: ""), CalendarFileError.Field.date,
         CalendarFileError.Kind.badDate("30/02/2024")),
        (Row(line: 5, date: "15/02/2024 08:00", kind: "nghỉ", note: ""), .date, .badDate("15/02/2024 08:00")),
        (Row(line: 5, date: "mười lăm", kind: "nghỉ", note: ""), .date, .badDate("mười lăm")),
        (Row(line: 5, date: "01/01/1960", kind: "nghỉ", note: ""), .date, .outsideYears("01/01/1960")),
        (Row(line: 5, date: "15/02/2024", kind: "nghỉ phép", note: ""), .kind, .unknownKind("nghỉ phép")),
        (Row(line: 5, date: "15/02/2024", kind: "", note: ""), .kind, .unknownKind("")),
    ])
    func badRow(row: Row, field: CalendarFileError.Field, kind: CalendarFileError.Kind) {
        let rows = [Row(line: 2, date: "2024-02-16", kind: "nghỉ", note: ""), row]
        #expect(throws: CalendarFileError(file: "tinh.csv", line: 5, field: field, kind: kind)) {
            try CalendarOverrides(file: "tinh.csv", rows: rows)
        }
    }

    @Test func duplicateDate() {
        let rows = [Row(line: 2, date: "2024-02-16", kind: "nghỉ", note: ""),
                    Row(line: 7, date: "16/02/2024", kind: "làm", note: "")]
        #expect(throws: CalendarFileError(file: "f", line: 7, field: .date, kind: .duplicateDate("16/02/2024", firstLine: 2))) {
            try CalendarOverrides(file: "f", rows: rows)
        }
    }

    /// Overrides change the arithmetic: a province adds Thursday 15/02/2024 off and cancels
    /// the swapped Saturday 04/05/2024.
    @Test func appliedOverTheSchedule() throws {
        let overrides = try CalendarOverrides(file: "tinh.csv", rows: [
            Row(line: 2, date: "2024-02-15", kind: "nghỉ", note: ""),
            Row(line: 3, date: "2024-05-04", kind: "nghỉ", note: ""),
        ])
        let calendar = try WorkingCalendar(overrides: overrides)
        // The last working day before Tết, 3 days: Friday 16, Monday 19, Tuesday 20.
        #expect(calendar.deadline(received: moment("07/02/2024 16:30:00"), limit: 3) == moment("20/02/2024 16:30:00"))
        #expect(!calendar.isWorkingDay(day("2024-05-04")))
        #expect(calendar.workingDayCount(in: 2024) == 249)
        let entries = calendar.schedule(for: 2024)?.entries ?? []
        #expect(entries.first { $0.day == day("2024-05-04") }?.origin == .override(file: "tinh.csv", line: 3, note: ""))
        #expect(calendar.overridesFile == "tinh.csv")
        // The shipped calendar is untouched.
        #expect(shippedCalendar.isWorkingDay(day("2024-05-04")))
    }

    // MARK: - Reading the file (libcsv)

    @Test func readsAFileWithQuotesBlankLinesAndCRLF() throws {
        let text = "\u{FEFF}date,kind,note\r\n\r\n2024-02-15,nghỉ,\"Quyết định 12/QĐ-UBND, tỉnh\"\r\n"
            + "2024-05-04,làm,\"ghi chú\nhai dòng\"\r\n\r\n16/02/2024,nghỉ\r\n"
        let overrides = try CalendarFile.overrides(csv: Array(text.utf8), file: "tinh.csv")
        #expect(overrides.entries.map(\.origin) == [
            .override(file: "tinh.csv", line: 3, note: "Quyết định 12/QĐ-UBND, tỉnh"),
            .override(file: "tinh.csv", line: 7, note: ""),
            .override(file: "tinh.csv", line: 4, note: "ghi chú hai dòng"),
        ])
        #expect(overrides.entries.map(\.day) == [day("2024-02-15"), day("2024-02-16"), day("2024-05-04")])
    }

    @Test func semicolons() throws {
        let overrides = try CalendarFile.overrides(csv: Array("ngày;loại;ghi chú\n15/02/2024;nghỉ;a, b\n".utf8), file: "f")
        #expect(overrides.entries.map(\.day) == [day("2024-02-15")])
        #expect(overrides.entries.first?.origin == .override(file: "f", line: 2, note: "a, b"))
    }

    @Test(arguments: [
        ("date,kind,note\n2024-02-15,nghỉ,a,b\n", CalendarFileError(file: "f", line: 2, field: .note, kind: .tooManyFields(4))),
        ("date,kind,note\n2024-02-15\n", CalendarFileError(file: "f", line: 2, field: .kind, kind: .missingKind)),
        ("date,kind,note\n\n2024-02-15,\"nghỉ\"x,\n", CalendarFileError(file: "f", line: 3, kind: .malformedQuote)),
        ("date,kind,note\n2024-02-15,nghỉ,\"open\n", CalendarFileError(file: "f", line: 2, kind: .malformedQuote)),
        ("date,kind,note\n\n\n2024-02-15,x\n", CalendarFileError(file: "f", line: 4, field: .kind, kind: .unknownKind("x"))),
    ])
    func badFile(text: String, error: CalendarFileError) {
        #expect(throws: error) { try CalendarFile.overrides(csv: Array(text.utf8), file: "f") }
    }

    /// Read like an export: not UTF-8 is Windows-1258, and a byte that Windows-1258 leaves
    /// undefined makes the file not text.
    @Test func notText() {
        let bytes: [UInt8] = Array("date,kind,note\n2024-02-15,ngh".utf8) + [0x81] + Array(",x\n".utf8)
        #expect(throws: CalendarFileError(file: "f", kind: .notText)) { try CalendarFile.overrides(csv: bytes, file: "f") }
    }

    @Test func windows1258IsRead() throws {
        // `nghỉ` as a Vietnamese Windows desktop stores it: "ngh", i, the hook above (0xD2).
        let bytes: [UInt8] = Array("date;kind;note\n15/02/2024;ngh".utf8) + [0x69, 0xD2] + Array(";x\n".utf8)
        #expect(try CalendarFile.overrides(csv: bytes, file: "f").entries.map(\.kind) == [.off])
    }

    /// A header alone lists no day on purpose; a file with nothing in it (a download cut short)
    /// is refused as an empty export is (66), not read as "no overrides".
    @Test func headerAloneIsNoOverridesAndAnEmptyFileIsRefused() throws {
        #expect(try CalendarFile.overrides(csv: Array("date,kind,note\n".utf8), file: "f").isEmpty)
        for bytes in [[], Array("\n\n".utf8)] as [[UInt8]] {
            do {
                _ = try CalendarFile.overrides(csv: bytes, file: "f")
                Issue.record("\(bytes) read as no overrides")
            } catch {
                #expect(error == CalendarFileError(file: "f", kind: .empty))
                #expect(error.isUnreadable)
            }
        }
    }

    @Test func unreadableFile() throws {
        let dir = try TempDir()
        for path in [dir.file("missing.csv").path, dir.path] {
            do {
                _ = try CalendarFile.read(path: path, name: "lich.csv")
                Issue.record("\(path) was read")
            } catch {
                #expect(error.isUnreadable)
                #expect(error.file == "lich.csv")
            }
        }
        let file = try dir.write("lich.csv", "2024-02-15,nghỉ,x\n")
        #expect(try CalendarFile.read(path: file.path).entries.map(\.day) == [day("2024-02-15")])
    }
}

extension CalendarOverridesTests {
    /// Old Mac line ends (a lone CR): libcsv ends a record at each, all on one "line".
    @Test func loneCarriageReturns() throws {
        let overrides = try CalendarFile.overrides(csv: Array("date,kind\r2024-02-15,nghỉ\r2024-02-16,làm\r".utf8), file: "f")
        #expect(overrides.entries.map(\.kind) == [.off, .work])
    }
}
