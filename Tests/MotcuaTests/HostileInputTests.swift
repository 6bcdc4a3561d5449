import TestSupport
import Foundation
import Testing

/// Inputs no export system should write, but someone will feed motcua anyway. Whatever the
/// bytes: the documented exit status, one line on stderr naming the file, never a crash.
@Suite("Hostile inputs")
struct HostileInputTests {
    static let header = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
    static let goodRows = "A1,UBND xã An Bình,1,05/01/2023,4\nA2,UBND xã An Bình,2,06/01/2023,4\n"

    /// An input that must be refused as a whole (status 66).
    struct Unreadable: Sendable, CustomTestStringConvertible {
        var label: String
        var fileName: String
        /// The line the error must name, when the fault has one.
        var line: Int?
        var make: @Sendable (TempDir, String) throws -> Void

        var testDescription: String { label }

        static func bytes(_ label: String, _ fileName: String, line: Int? = nil,
                          _ content: @escaping @Sendable () -> [UInt8]) -> Unreadable {
            Unreadable(label: label, fileName: fileName, line: line) { dir, name in
                try dir.write(name, bytes: content())
            }
        }
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var out: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let (hi, lo) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            out += bigEndian ? [hi, lo] : [lo, hi]
        }
        return out
    }

    static let unreadable: [Unreadable] = [
        .bytes("empty file", "rong.csv") { [] },
        .bytes("only blank lines", "dong-trong.csv") { Array("\n\n   \r\n\t\n\n".utf8) },
        .bytes("only a UTF-8 BOM", "chi-bom.csv") { [0xEF, 0xBB, 0xBF] },
        .bytes("only a UTF-16 BOM", "chi-bom16.csv") { [0xFF, 0xFE] },
        .bytes("64 KiB of seeded random bytes with NULs", "ngau-nhien.csv") {
            var generator = SplitMix64(seed: 0x6D6F_7463_7561)
            var bytes = generator.bytes(64 * 1024)
            bytes[0] = 0x4D  // no byte-order mark by chance
            bytes[1] = 0x61
            bytes[1_000] = 0
            bytes[40_000] = 0
            return bytes
        },
        .bytes("NUL byte in otherwise valid UTF-8", "nul.csv") {
            Array((header + goodRows).utf8) + [0x41, 0x00, 0x0A]
        },
        .bytes("byte 0x81 in ASCII text (not UTF-8, undefined in Windows-1258)", "byte-81.csv") {
            Array(header.utf8) + Array("A1,UBND x".utf8) + [0x81] + Array(",1,05/01/2023,4\n".utf8)
        },
        .bytes("undefined Windows-1258 byte on the last line after 2 MB of valid text", "cuoi-tep.csv") {
            var bytes = Array(header.utf8)
            let row = Array("A0000000,UBND xa An Binh,1,05/01/2023,4\n".utf8)
            for _ in 0..<(2 * 1024 * 1024 / row.count) { bytes += row }
            bytes += Array("Z1,UBND x".utf8) + [0x9E] + Array(",1,05/01/2023,4\n".utf8)
            return bytes
        },
        .bytes("UTF-16 LE with an odd number of bytes", "utf16-le.csv") {
            utf16(header + goodRows, bigEndian: false) + [0x41]
        },
        .bytes("UTF-16 BE with an odd number of bytes", "utf16-be.csv") {
            utf16(header + goodRows, bigEndian: true) + [0x00, 0x41, 0x00]
        },
        .bytes("UTF-16 LE with an unpaired surrogate", "utf16-surrogate.csv") {
            utf16(header, bigEndian: false) + [0x41, 0x00, 0x00, 0xD8, 0x42, 0x00, 0x0A, 0x00]
        },
        .bytes("header lacking required columns", "thieu-cot.csv", line: 1) {
            Array("Mã hồ sơ,Đơn vị xử lý,Ngày tiếp nhận\nA1,UBND xã An Bình,05/01/2023\n".utf8)
        },
        .bytes("header after blank lines lacking a required column", "thieu-cot-3.csv", line: 3) {
            Array("\n\nMaHoSo;DonViXuLy;KenhThucHien;NgayTiepNhan\nA1;U;1;05/01/2023\n".utf8)
        },
        .bytes("header line with a quote never closed", "tieu-de-mo-ngoac.csv") {
            Array("\"MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\nA1,U,1,05/01/2023,4\n".utf8)
        },
        Unreadable(label: "a folder given as FILE", fileName: "thu-muc.csv") { dir, name in
            try FileManager.default.createDirectory(at: dir.file(name), withIntermediateDirectories: true)
        },
        Unreadable(label: "a path that does not exist", fileName: "khong-ton-tai.csv") { _, _ in },
    ]

    @Test("report refuses the input with status 66", arguments: unreadable)
    func reportRefuses(_ input: Unreadable) throws {
        let dir = try TempDir()
        try input.make(dir, input.fileName)
        let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", input.fileName], in: dir.url)
        ErrorContract.expectInputError(result, naming: input.fileName, line: input.line)
    }

    @Test("check refuses the input with status 66", arguments: unreadable)
    func checkRefuses(_ input: Unreadable) throws {
        let dir = try TempDir()
        try input.make(dir, input.fileName)
        let result = try Motcua.run(["check", input.fileName], in: dir.url)
        ErrorContract.expectInputError(result, naming: input.fileName, line: input.line, stdoutEmpty: false)
    }

    @Test("report with --rejects and --format table still fails cleanly", arguments: unreadable)
    func reportRefusesInEveryFormat(_ input: Unreadable) throws {
        let dir = try TempDir()
        try input.make(dir, input.fileName)
        for format in ["table", "json"] {
            let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", format, "--rejects", "loai.csv",
                                         input.fileName], in: dir.url)
            ErrorContract.expectInputError(result, naming: input.fileName, line: input.line)
        }
    }

    @Test("a header lacking required columns is named by their canonical names")
    func missingColumnsNamed() throws {
        let dir = try TempDir()
        try dir.write("thieu.csv", "Mã hồ sơ,Đơn vị xử lý,Ngày tiếp nhận,ChuHoSo\nA1,U,05/01/2023,X\n")
        let result = try Motcua.run(["report", "--period", "2023-Q1", "thieu.csv"], in: dir.url)
        ErrorContract.expectInputError(result, naming: "thieu.csv", line: 1)
        #expect(result.stderr.contains("KenhThucHien"))
        #expect(result.stderr.contains("TrangThaiHoSo"))
        #expect(!result.stderr.contains("MaHoSo"), "names a column that is present")
        #expect(!result.stderr.contains("NgayTiepNhan"), "names a column that is present")

        try dir.write("chi-ma.csv", "MaHoSo\nA1\n")
        let all = try Motcua.run(["check", "chi-ma.csv"], in: dir.url)
        ErrorContract.expectInputError(all, naming: "chi-ma.csv", line: 1, stdoutEmpty: false)
        for name in ["DonViXuLy", "KenhThucHien", "NgayTiepNhan", "TrangThaiHoSo"] {
            #expect(all.stderr.contains(name), "missing \(name) not named: \(all)")
        }
    }

    @Test("one unreadable input among good ones: 66, the error names that one")
    func oneBadAmongGood() throws {
        let dir = try TempDir()
        try dir.write("tot-1.csv", Self.header + Self.goodRows)
        try dir.write("tot-2.csv", Self.header + "B1,UBND xã Bình Minh,1,05/01/2023,4\n")
        try dir.write("xau.csv", bytes: [0x4D, 0x00, 0x61])
        let report = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv",
                                     "tot-1.csv", "xau.csv", "tot-2.csv"], in: dir.url)
        ErrorContract.expectInputError(report, naming: "xau.csv")
        #expect(!report.stderr.contains("tot-1.csv") && !report.stderr.contains("tot-2.csv"))

        let check = try Motcua.run(["check", "tot-1.csv", "xau.csv", "tot-2.csv"], in: dir.url)
        ErrorContract.expectInputError(check, naming: "xau.csv", stdoutEmpty: false)
        #expect(check.stdout.contains("tot-1.csv") && check.stdout.contains("tot-2.csv"),
                "check goes on past the bad file: \(check)")
    }

    // MARK: - Hostile but readable

    @Test("header only: exit 0 and a TOTAL row of zeros")
    func headerOnly() throws {
        let dir = try TempDir()
        try dir.write("tieu-de.csv", Self.header)
        let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "tieu-de.csv"], in: dir.url)
        #expect(result.status == 0, "\(result)")
        ErrorContract.expectNoCrash(result)
        #expect(result.stdout == KPICSV.columns.joined(separator: ",") + "\n"
                    + "2023-Q1,TOTAL," + Array(repeating: "0", count: 12).joined(separator: ",") + ",,,,,,\n",
                "\(result)")

        let check = try Motcua.run(["check", "tieu-de.csv"], in: dir.url)
        #expect(check.status == 0, "\(check)")
        #expect(check.stderr.isEmpty, "\(check)")
    }

    @Test("header only, no final line break, CRLF and semicolons: exit 0")
    func headerOnlyVariants() throws {
        let dir = try TempDir()
        try dir.write("a.csv", "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo")
        try dir.write("b.csv", "\r\n\r\nMaHoSo;DonViXuLy;KenhThucHien;NgayTiepNhan;TrangThaiHoSo\r\n\r\n")
        for name in ["a.csv", "b.csv"] {
            let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", name], in: dir.url)
            #expect(result.status == 0, "\(result)")
            let table = try KPICSV(result.stdout)
            #expect(table.units.isEmpty)
            #expect(table.total?.count("received_new") == 0)
        }
    }

    @Test("a quote left open at end of file: that record is rejected, earlier rows still count")
    func unterminatedQuoteAtEnd() throws {
        let dir = try TempDir()
        let tail = "A3,UBND xã An Bình,1,07/01/2023,\"4\nA4,UBND xã An Bình,1,08/01/2023,4\n"
        try dir.write("mo-ngoac.csv", Self.header + Self.goodRows + tail)
        let report = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "--rejects", "loai.csv",
                                     "mo-ngoac.csv"], in: dir.url)
        #expect(report.status == 0, "\(report)")
        ErrorContract.expectNoCrash(report)
        let table = try KPICSV(report.stdout)
        #expect(table.row("UBND xã An Bình")?.count("received_new") == 2, "\(report)")
        #expect(table.total?.count("received_new") == 2)

        let rejects = try RFC4180.parse(dir.read("loai.csv"))
        try #require(rejects.count == 2, "one reject expected: \(rejects)")
        #expect(rejects[1][0] == "mo-ngoac.csv")
        #expect(rejects[1][1] == "4")
        #expect(rejects[1][2] == "", "a structural fault names no field")
        #expect(!rejects[1][3].isEmpty, "a reason is given")
        #expect(rejects[1][4] == String(tail.dropLast()), "raw is the rest of the file as read")

        let check = try Motcua.run(["check", "mo-ngoac.csv"], in: dir.url)
        #expect(check.status == 65, "\(check)")
        ErrorContract.expectNoCrash(check)
        let strict = try Motcua.run(["report", "--period", "2023-Q1", "--strict", "mo-ngoac.csv"], in: dir.url)
        ErrorContract.expectInputError(strict, status: 65, naming: "mo-ngoac.csv", line: 4)
    }

    @Test("a 1 MB field in an ignored column: the row is accepted")
    func megabyteField() throws {
        let dir = try TempDir()
        var generator = SplitMix64(seed: 42)
        let alphabet = Array("abc xyz,\"\n;đêm".unicodeScalars)
        var big = String.UnicodeScalarView()
        for _ in 0..<1_000_000 { big.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
        let quoted = String(big)
        #expect(quoted.utf8.count >= 1_000_000)
        let plain = String(repeating: "0123456789", count: 100_000)
        let text = Export.csv(["MaHoSo", "GhiChu", "DonViXuLy", "KenhThucHien", "NgayTiepNhan", "TrangThaiHoSo"], [
            ["M1", quoted, "UBND xã An Bình", "1", "05/01/2023", "4"],
            ["M2", plain, "UBND xã An Bình", "2", "06/01/2023", "4"],
            ["M3", "", "UBND xã An Bình", "3", "07/01/2023", "4"],
        ])
        try dir.write("truong-lon.csv", text)
        let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "--rejects", "loai.csv",
                                     "truong-lon.csv"], in: dir.url)
        #expect(result.status == 0, "\(result)")
        let table = try KPICSV(result.stdout)
        let unit = try #require(table.row("UBND xã An Bình"), "\(result)")
        #expect(unit.count("received_new") == 3)
        #expect(unit.count("received_online") == 1 && unit.count("received_postal") == 1)
        #expect(try RFC4180.parse(dir.read("loai.csv")).count == 1, "no row rejected")
    }

    @Test("a 100,000-column header with the required columns among them")
    func hundredThousandColumns() throws {
        let dir = try TempDir()
        let width = 100_000
        var header = (0..<width).map { "Cot\($0)" }
        var row = Array(repeating: "", count: width)
        let placed: [(Int, String, String)] = [
            (3, "MaHoSo", "W1"), (25_000, "Đơn vị xử lý", "UBND xã Rộng"), (50_001, "KenhThucHien", "2"),
            (75_000, "NgayTiepNhan", "05/01/2023"), (width - 1, "TrangThaiHoSo", "4"),
        ]
        for (index, name, value) in placed {
            header[index] = name
            row[index] = value
        }
        var short = Array(repeating: "", count: 75_001)  // fewer fields than the header: padded
        for (index, _, value) in placed where index < short.count { short[index] = value }
        short[3] = "W2"
        try dir.write("rong.csv", Export.csv(header, [row, short]))
        let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "--rejects", "loai.csv",
                                     "rong.csv"], in: dir.url)
        #expect(result.status == 0, "\(result)")
        ErrorContract.expectNoCrash(result)
        let rejects = try RFC4180.parse(dir.read("loai.csv"))
        // W2 lacks its status (the column is past its last field): rejected, W1 accepted.
        #expect(rejects.count == 2 && rejects.last?[1] == "3" && rejects.last?[2] == "TrangThaiHoSo", "\(rejects.map { $0.prefix(4) })")
        let table = try KPICSV(result.stdout)
        #expect(table.row("UBND xã Rộng")?.count("received_online") == 1, "\(result)")
    }
}
