import TestSupport
import Foundation
import Testing

/// Applicant data (ChuHoSo, SoDienThoai, …) is personal: it must never reach a report or a log.
@Suite("Personal data")
struct PersonalDataTests {
    static let name = "Nguyễn Thị Bí Mật Zyxq"
    static let phone = "0987654321"
    static let address = "Số 7 ngõ Kín Đáo"

    static func fixture() throws -> TempDir {
        let dir = try TempDir()
        try dir.write("dongbo.csv", Export.csv(["MaHoSo", "ChuHoSo", "SoDienThoai", "DiaChi"] + Export.full.dropFirst(), [
            ["P1", name, phone, address, "UBND xã An Bình", "1", "05/01/2023", "10/01/2023", "09/01/2023", "", "10", "1", "1"],
            ["P2", name, phone, address, "UBND xã An Bình", "2", "06/01/2023", "08/01/2023", "", "", "4", "0", "0"],
            // Rejected (unknown channel): its raw text holds the name, which goes to the rejects file only.
            ["P3", name, phone, address, "UBND xã An Bình", "Fax", "06/01/2023", "", "", "", "4", "0", "0"],
        ]))
        try dir.write("xuatfile.csv", Export.csv(
            ["STT", "Mã hồ sơ", "Chủ hồ sơ", "Số điện thoại", "Đơn vị xử lý", "Hình thức nộp", "Ngày tiếp nhận", "Trạng thái"], [
                ["1", "P4", name, phone, "Phòng Tư pháp", "Trực tuyến", "07/01/2023", "Đang xử lý"],
                ["2", "P5", name, phone, "Phòng Tư pháp", "Trực tuyến", "ngày 8", "Đang xử lý"],
            ]))
        return dir
    }

    static let commands: [[String]] = [
        ["report", "--period", "2023-Q1"],
        ["report", "--period", "2023-Q1", "--lang", "en"],
        ["report", "--period", "2023-Q1", "--format", "csv"],
        ["report", "--period", "2023-Q1", "--format", "json"],
        ["report", "--period", "2023-Q1", "--format", "csv", "--rejects", "loai.csv"],
        ["report", "--period", "2023-Q1", "--strict"],
        ["check"],
        ["check", "--lang", "en"],
        ["check", "--rejects", "loai.csv"],
    ]

    @Test("no name, phone or address on stdout or stderr", arguments: commands)
    func noPersonalData(_ command: [String]) throws {
        let dir = try Self.fixture()
        let result = try Motcua.run(command + ["dongbo.csv", "xuatfile.csv"], in: dir.url)
        #expect([0, 65].contains(result.status), "\(result)")
        #expect(!result.stdout.isEmpty || !result.stderr.isEmpty)
        for secret in [Self.name, Self.phone, Self.address, "Zyxq", "Bí Mật", "654321", "Kín Đáo"] {
            #expect(!result.stdout.contains(secret), "stdout shows '\(secret)': \(result)")
            #expect(!result.stderr.contains(secret), "stderr shows '\(secret)': \(result)")
        }
    }

    @Test("the report still counts those rows")
    func rowsCounted() throws {
        let dir = try Self.fixture()
        let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "dongbo.csv", "xuatfile.csv"],
                                    in: dir.url)
        let table = try KPICSV(result.stdout)
        #expect(table.row("UBND xã An Bình")?.count("received_new") == 2, "\(result)")
        #expect(table.row("Phòng Tư pháp")?.count("received_new") == 1, "\(result)")
        #expect(table.units.count == 2)
    }
}
