import Foundation
import Testing
import TestSupport

/// `motcua calendar` through the built binary: outputs, languages, overrides, exit statuses.
@Suite struct CalendarCommandTests {
    @Test func officialYearCSV() throws {
        let result = try Motcua.run(["calendar", "2024", "--format", "csv"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.first == "date,kind,source")
        #expect(result.stdoutLines.count == 14)
        #expect(result.stdoutLines.contains { $0.hasPrefix("2024-05-04,làm,\"Công văn 2450/VPCP-KGVX ngày 12/04/2024") })
        #expect(result.stderr.isEmpty)
    }

    @Test func computedYearSaysSo() throws {
        let vi = try Motcua.run(["calendar", "2027"])
        #expect(vi.status == 0, "\(vi)")
        #expect(vi.stdoutLines.first?.hasSuffix("chưa phải lịch chính thức (computed, not official)") == true)
        let en = try Motcua.run(["calendar", "2027", "--lang", "en"])
        #expect(en.stdoutLines.first == "Days off of civil servants in 2027: computed, not official (Labour Code 2019)")
        let csv = try Motcua.run(["calendar", "2027", "--format", "csv"])
        #expect(csv.stdoutLines.dropFirst().allSatisfy { $0.contains("computed, not official") })
    }

    @Test func overridesFromAFile() throws {
        let dir = try TempDir()
        try dir.write("tinh.csv", "ngày,loại,ghi chú\n15/02/2024,nghỉ,\"Quyết định 12/QĐ-UBND, nghỉ thêm\"\n2024-05-04,nghỉ,\n")
        let result = try Motcua.run(["calendar", "2024", "--calendar", "tinh.csv", "--format", "csv"], in: dir.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.contains("2024-02-15,nghỉ,\"--calendar tinh.csv:2: Quyết định 12/QĐ-UBND, nghỉ thêm\""))
        // Cancelling the swapped Saturday leaves an ordinary Saturday: not listed.
        #expect(!result.stdoutLines.contains { $0.hasPrefix("2024-05-04,") })
        let table = try Motcua.run(["calendar", "2024", "--calendar", "tinh.csv"], in: dir.url)
        #expect(table.stdoutLines[1] == "Có 2 ngày theo tệp --calendar tinh.csv.")
        #expect(table.stdoutLines.last == "13 ngày nghỉ trong tuần, 0 ngày làm việc vào thứ Bảy hoặc Chủ nhật; cả năm 249 ngày làm việc.")
    }

    @Test func badRowIsOneLineWithStatus65() throws {
        let dir = try TempDir()
        try dir.write("tinh.csv", "date,kind,note\n2024-02-15,nghỉ,\n2024-02-16,nghỉ phép,\n")
        let vi = try Motcua.run(["calendar", "2024", "--calendar", "tinh.csv"], in: dir.url)
        #expect(vi.status == 65)
        #expect(vi.stderrLines == ["motcua: tinh.csv:3: loại: loại 'nghỉ phép' không hợp lệ: ghi nghỉ hoặc làm"])
        #expect(vi.stdout.isEmpty)
        let en = try Motcua.run(["calendar", "2024", "--calendar", "tinh.csv", "--lang", "en"], in: dir.url)
        #expect(en.stderrLines == ["motcua: tinh.csv:3: kind: unknown kind 'nghỉ phép': write nghỉ or làm"])
    }

    @Test func unreadableFileIs66() throws {
        let dir = try TempDir()
        let result = try Motcua.run(["calendar", "2024", "--calendar", "missing.csv", "--lang", "en"], in: dir.url)
        #expect(result.status == 66)
        #expect(result.stderrLines == ["motcua: missing.csv: cannot read the calendar file (No such file or directory)"])
        // A pipe: in the reader's language, and not called an export.
        #expect(mkfifo(dir.file("pipe").path, 0o600) == 0)
        let pipe = try Motcua.run(["calendar", "2024", "--calendar", "pipe"], in: dir.url)
        #expect(pipe.status == 66)
        #expect(pipe.stderrLines == ["motcua: pipe: không đọc được tệp lịch (không phải tệp thường (là ống dẫn, thiết bị hoặc socket))"],
                "\(pipe)")
    }

    @Test(arguments: [["calendar", "1969"], ["calendar", "2100"], ["calendar", "2024", "--format", "xml"],
                      ["calendar", "hai nghìn"], ["calendar"]])
    func badCommandLineIs64(arguments: [String]) throws {
        let result = try Motcua.run(arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderrLines.count == 1)
    }
}
