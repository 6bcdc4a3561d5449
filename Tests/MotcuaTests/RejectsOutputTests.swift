import TestSupport
import Foundation
import Testing

/// The rejects output of input-formats.md: UTF-8 CSV `file,line,field,reason,raw`, one row per
/// rejected record, `line` the physical line where the record starts.
@Suite("Rejects output")
struct RejectsOutputTests {
    struct Expected: Equatable, CustomStringConvertible {
        var line: Int
        var field: String
        var raw: String
        var description: String { "\(line),\(field),\(raw.debugDescription)" }
    }

    /// The physical lines of a file (line 1 first) and the rejects it must produce.
    /// Hand-counted: the header, blank lines, white-space-only lines and the second line of a
    /// quoted field all count.
    static let lines: [String] = [
        /* 1 */ "MaHoSo,TenTTHC,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo,SoHoaHoSo",
        /* 2 */ "R1,Đăng ký khai sinh,UBND xã An Bình,1,05/01/2023,10/01/2023,,4,1",
        /* 3 */ "",
        /* 4 */ "R2,\"Chứng thực bản sao, văn bản",
        /* 5 */ "dòng thứ hai \"\"trích\"\"\",UBND xã An Bình,2,06/01/2023,,,4,0",
        /* 6 */ "",
        /* 7 */ "   ",
        /* 8 */ "R3,Đăng ký kết hôn,UBND xã An Bình,Fax,07/01/2023,,,4,0",
        /* 9 */ "R4,Đăng ký khai tử,UBND xã An Bình,1,31/02/2023,,,4,0",
        /* 10 */ "R5,\"Tên",
        /* 11 */ "hai dòng\",UBND xã An Bình,1,ngày mai,,,4,0",
        /* 12 */ "R6,x,UBND xã An Bình,1,05/01/2023,,,4,0,thừa",
        /* 13 */ "R7,x,UBND xã An Bình,1,05/01/2023,,,10,0",
        /* 14 */ "R8,x,,1,05/01/2023,,,4,0",
        /* 15 */ "R9,x,UBND xã An Bình,1,05/01/2023,,04/01/2023 23:00,9,0",
        /* 16 */ "R10,x,UBND xã An Bình,1,05/01/2023,,,4,có lẽ",
        /* 17 */ "R11,x,UBND xã An Bình,1,05/01/2023,,,42,0",
        /* 18 */ "R12,ab\"c,UBND xã An Bình,1,05/01/2023,,,4,0",
        /* 19 */ ",x,UBND xã An Bình,1,05/01/2023,,,4,0",
        /* 20 */ "R13,x,UBND xã An Bình,Trực tuyến,08/01/2023,,,Đang xử lý,x",
    ]

    static func expected(joinedBy eol: String) -> [Expected] {
        [
            Expected(line: 8, field: "KenhThucHien", raw: lines[7]),
            Expected(line: 9, field: "NgayTiepNhan", raw: lines[8]),
            Expected(line: 10, field: "NgayTiepNhan", raw: lines[9] + eol + lines[10]),
            Expected(line: 12, field: "", raw: lines[11]),
            Expected(line: 13, field: "NgayKetThucXuLy", raw: lines[12]),
            Expected(line: 14, field: "DonViXuLy", raw: lines[13]),
            Expected(line: 15, field: "NgayKetThucXuLy", raw: lines[14]),
            Expected(line: 16, field: "SoHoaHoSo", raw: lines[15]),
            Expected(line: 17, field: "TrangThaiHoSo", raw: lines[16]),
            Expected(line: 18, field: "", raw: lines[17]),
            Expected(line: 19, field: "MaHoSo", raw: lines[18]),
        ]
    }

    /// Reads a rejects file: header checked, rows returned.
    static func readRejects(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String]] {
        let records = try RFC4180.parse(text)
        #expect(records.first == ["file", "line", "field", "reason", "raw"], sourceLocation: sourceLocation)
        #expect(text.hasPrefix("file,line,field,reason,raw\n") || text.hasPrefix("file,line,field,reason,raw\r\n"),
                sourceLocation: sourceLocation)
        for record in records.dropFirst() {
            #expect(record.count == 5, "reject row of \(record.count) fields: \(record)", sourceLocation: sourceLocation)
            #expect(record.count < 4 || !record[3].isEmpty, "reject without a reason: \(record)",
                    sourceLocation: sourceLocation)
        }
        return Array(records.dropFirst())
    }

    @Test("line, field and raw of every rejected record", arguments: ["\n", "\r\n"])
    func linesFieldsRaw(eol: String) throws {
        let dir = try TempDir()
        try dir.write("hoso.csv", Self.lines.joined(separator: eol) + eol)
        let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "--rejects", "loai.csv",
                                     "hoso.csv"], in: dir.url)
        #expect(result.status == 0, "\(result)")
        let rows = try Self.readRejects(dir.read("loai.csv"))
        let got = rows.map { Expected(line: Int($0[1]) ?? -1, field: $0[2], raw: $0[4]) }
        let want = Self.expected(joinedBy: eol)
        #expect(got.count == want.count, "\(got.count) rejects, expected \(want.count)")
        for (g, w) in zip(got, want) {
            #expect(g.line == w.line, "line: got \(g), expected \(w)")
            #expect(g.field == w.field, "field: got \(g), expected \(w)")
            // Compare bytes, not Strings: "\r\n" is one Character and Strings compare canonically.
            #expect(Array(g.raw.utf8) == Array(w.raw.utf8), "raw: got \(g), expected \(w)")
        }
        #expect(rows.allSatisfy { $0[0] == "hoso.csv" })

        // Only R1, R2 and R13 are accepted.
        let table = try KPICSV(result.stdout)
        #expect(table.row("UBND xã An Bình")?.count("received_new") == 3, "\(result)")
        #expect(table.row("UBND xã An Bình")?.count("received_online") == 2, "\(result)")
    }

    @Test("check writes the same rejects as report")
    func checkWritesRejects() throws {
        let dir = try TempDir()
        try dir.write("hoso.csv", Self.lines.joined(separator: "\n") + "\n")
        let report = try Motcua.run(["report", "--period", "2023-Q1", "--rejects", "a.csv", "hoso.csv"], in: dir.url)
        let check = try Motcua.run(["check", "--rejects", "b.csv", "hoso.csv"], in: dir.url)
        #expect(report.status == 0)
        #expect(check.status == 65)
        #expect(try dir.read("a.csv") == dir.read("b.csv"))
        #expect(try Self.readRejects(dir.read("b.csv")).count == Self.expected(joinedBy: "\n").count)
    }

    @Test("check says why catalogue rows were rejected, as report does")
    func checkCountsCatalogueRejectsByReason() throws {
        let dir = try TempDir()
        try dir.write("hoso.csv", Self.lines.joined(separator: "\n") + "\n")
        // Two rows rejected: a yes/no that is neither, then a code given twice. The header holds
        // one semicolon and one comma: the semicolon splits it (the comma is in a name).
        try dir.write("danh-muc.csv", "Mã TTHC;Có phí, lệ phí\nP1;có\nP2;có lẽ\nP1;không\n")
        let check = try Motcua.run(["check", "--lang", "en", "--catalogue", "danh-muc.csv", "hoso.csv"], in: dir.url)
        #expect(check.status == 65, "\(check)")
        let english = check.stdout + check.stderr
        #expect(english.contains("Catalogue danh-muc.csv: 3 rows read, 1 procedures, 2 rows rejected"), "\(check)")
        #expect(english.contains("rejected: 1 × invalid yes/no value"), "\(check)")
        #expect(english.contains("rejected: 1 × duplicate procedure code"), "\(check)")
    }

    /// Hand-checked: hoso.csv's dossiers name procedures P1 (twice: D1, D3), P9 (D2) and none
    /// (D4); the catalogue holds P1 only. P9 is missing for one dossier, as report says it.
    @Test("check names the procedures the files use that the catalogue lacks, as report does")
    func checkNamesMissingProcedures() throws {
        let dir = try TempDir()
        try dir.write("hoso.csv", """
            MaHoSo,MaTTHC,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo
            D1,P1,UBND xã A,1,05/01/2023,4
            D2,P9,UBND xã A,1,05/01/2023,4
            D3,P1,UBND xã A,2,06/01/2023,4
            D4,,UBND xã A,2,06/01/2023,4

            """)
        try dir.write("danh-muc.csv", "Mã TTHC;Có phí, lệ phí\nP1;có\n")
        let check = try Motcua.run(["check", "--lang", "en", "--catalogue", "danh-muc.csv", "hoso.csv"], in: dir.url)
        #expect(check.status == 0, "\(check)")
        let english = check.stdout + check.stderr
        #expect(english.contains("Procedures used by dossiers but missing from the catalogue (1):\n  P9: 1 dossiers"), "\(check)")
        #expect(!english.contains("P1: "), "\(check)")
        let report = try Motcua.run(["report", "--lang", "en", "--period", "2023-Q1", "--catalogue", "danh-muc.csv", "hoso.csv"],
                                    in: dir.url)
        #expect(report.stderr.contains("P9: 1 dossiers"), "\(report)")
    }

    @Test("file is named as on the command line; a BOM and leading blank lines keep the count")
    func fileNamesAsGiven() throws {
        let dir = try TempDir()
        let bad = "X1,UBND xã An Bình,9,05/01/2023,4"
        try dir.write("thang-1/xa.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(("\n\n" + HostileInputTests.header
                                                                        + "X0,UBND xã An Bình,1,05/01/2023,4\n"
                                                                        + bad + "\n").utf8))
        try dir.write("thang-2.csv", HostileInputTests.header + "\n" + bad + "\n")
        let result = try Motcua.run(["check", "--rejects", "loai.csv",
                                     "thang-1/xa.csv", "./thang-2.csv"], in: dir.url)
        #expect(result.status == 65, "\(result)")
        let rows = try Self.readRejects(dir.read("loai.csv"))
        #expect(rows.map { Array($0.prefix(3)) } == [
            ["thang-1/xa.csv", "5", "KenhThucHien"],
            ["./thang-2.csv", "3", "KenhThucHien"],
        ], "\(rows)")
        #expect(rows.allSatisfy { $0[4] == bad }, "\(rows)")
    }

    @Test("raw of a Windows-1258 row is decoded text")
    func windows1258Raw() throws {
        let dir = try TempDir()
        // "Phòng Tư pháp" in Windows-1258: ò is o + combining grave (0xCC), ư is 0xFD, á is 0xE1.
        let unit: [UInt8] = Array("Pho".utf8) + [0xCC] + Array("ng T".utf8) + [0xFD] + Array(" ph".utf8) + [0xE1, 0x70]
        var bytes = Array("MaHoSo;DonViXuLy;KenhThucHien;NgayTiepNhan;TrangThaiHoSo\r\n".utf8)
        bytes += Array("W1;".utf8) + unit + Array(";1;05/01/2023;4\r\n".utf8)
        bytes += Array("W2;".utf8) + unit + Array(";1;05/01/2023;".utf8) + [0xD1] + Array("\r\n".utf8)  // Ñ: no status
        try dir.write("cp1258.csv", bytes: bytes)
        let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "--rejects", "loai.csv",
                                     "cp1258.csv"], in: dir.url)
        #expect(result.status == 0, "\(result)")
        let rows = try Self.readRejects(dir.read("loai.csv"))
        try #require(rows.count == 1, "\(rows)")
        #expect(rows[0][1] == "3" && rows[0][2] == "TrangThaiHoSo")
        let raw = rows[0][4].precomposedStringWithCanonicalMapping
        #expect(Array(raw.unicodeScalars) == Array("W2;Phòng Tư pháp;1;05/01/2023;Ñ".unicodeScalars), "\(rows[0][4])")
        // The report spells the unit in NFC (composed), whatever the source encoding.
        #expect(result.stdoutData.range(of: Data("Phòng Tư pháp".precomposedStringWithCanonicalMapping.utf8)) != nil,
                "\(result)")
    }

    @Test("raw of a UTF-16 row is decoded text")
    func utf16Raw() throws {
        let dir = try TempDir()
        let text = "MaHoSo\tDonViXuLy\tKenhThucHien\tNgayTiepNhan\tTrangThaiHoSo\r\n"
            + "U1\tUBND xã Hoằng Trinh\tTrực tuyến\t05/01/2023\t4\r\n"
            + "U2\tUBND xã Hoằng Trinh\tBồ câu\t05/01/2023\t4\r\n"
        try dir.write("utf16.csv", bytes: HostileInputTests.utf16(text, bigEndian: false))
        let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "--rejects", "loai.csv",
                                     "utf16.csv"], in: dir.url)
        #expect(result.status == 0, "\(result)")
        let rows = try Self.readRejects(dir.read("loai.csv"))
        #expect(rows.map { Array($0.prefix(3)) } == [["utf16.csv", "3", "KenhThucHien"]])
        #expect(rows.first?[4] == "U2\tUBND xã Hoằng Trinh\tBồ câu\t05/01/2023\t4")
        #expect(try KPICSV(result.stdout).row("UBND xã Hoằng Trinh")?.count("received_online") == 1)
    }

    /// motcua reads files in chunks of 256 KiB: records that straddle a chunk boundary, with
    /// multi-byte letters and a line break inside a quoted field, keep their line and raw text.
    @Test("records straddling the read-chunk boundaries keep their line and raw", arguments: ["utf-8", "utf-16le"])
    func chunkBoundaries(encoding: String) throws {
        let header = "MaHoSo,TenTTHC,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo"
        var lines = [header]
        var expected: [Expected] = []
        var serial = 0
        var good = 0
        /// Size in the file's own bytes (what a chunk is counted in).
        func measure(_ s: String) -> Int { encoding == "utf-8" ? s.utf8.count : s.utf16.count * 2 }
        var size = (encoding == "utf-8" ? 0 : 2) + measure(header + "\n")
        func add(_ record: String) -> Int {
            let start = lines.count + 1
            lines.append(contentsOf: record.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            size += measure(record + "\n")
            return start
        }
        for boundary in [256 * 1024, 512 * 1024, 768 * 1024] {
            // The next record starts fewer than 200 bytes before the boundary and is longer than that.
            while size < boundary - 200 {
                serial += 1
                good += 1
                _ = add("G\(serial),Thủ tục,UBND xã Hoằng Đông,1,05/01/2023,4")
            }
            serial += 1
            let multiLine = "B\(serial),\"Chứng thực\nbản sao \(String(repeating: "ữ", count: 120))\",UBND xã Hoằng Đông,Fax,05/01/2023,4"
            #expect(size < boundary && size + measure(multiLine) > boundary)
            expected.append(Expected(line: add(multiLine), field: "KenhThucHien", raw: multiLine))
            serial += 1
            let plain = "B\(serial),y,UBND xã Hoằng Đông,1,32/01/2023,4"
            expected.append(Expected(line: add(plain), field: "NgayTiepNhan", raw: plain))
        }
        for _ in 0..<5 {
            serial += 1
            good += 1
            _ = add("G\(serial),Thủ tục,UBND xã Hoằng Đông,1,05/01/2023,4")
        }
        let text = lines.joined(separator: "\n") + "\n"
        let dir = try TempDir()
        if encoding == "utf-8" {
            try dir.write("lon.csv", text)
        } else {
            try dir.write("lon.csv", bytes: HostileInputTests.utf16(text, bigEndian: false))
        }
        let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "--rejects", "loai.csv",
                                     "lon.csv"], in: dir.url)
        #expect(result.status == 0, "\(result)")
        let got = try Self.readRejects(dir.read("loai.csv")).map { Expected(line: Int($0[1]) ?? -1, field: $0[2], raw: $0[4]) }
        #expect(got.count == expected.count)
        for (g, w) in zip(got, expected) {
            #expect(g.line == w.line && g.field == w.field, "got \(g.line),\(g.field), expected \(w.line),\(w.field)")
            #expect(Array(g.raw.utf8) == Array(w.raw.utf8), "raw of line \(w.line): got \(g.raw.debugDescription)")
        }
        let table = try KPICSV(result.stdout)
        #expect(table.row("UBND xã Hoằng Đông")?.count("received_new") == good, "every good row counted")
    }

    /// The spec allows CRLF or LF. A bare CR is not a line break; whether motcua reads it as data
    /// or as the end of a record, no rejected record may lose its text.
    @Test("a bare CR never empties a reject's raw", arguments: [
        ("bare CR between two bad records of an LF file",
         "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\nA1,U,z,05/01/2023,4\rA2,U,x,05/01/2023,4\nA3,U,y,05/01/2023,4\n"),
        ("CR-only line ends",
         "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\rA1,U,z,05/01/2023,4\rA2,U,x,05/01/2023,4\r"),
    ])
    func bareCR(label: String, text: String) throws {
        let dir = try TempDir()
        try dir.write("cr.csv", text)
        let result = try Motcua.run(["check", "--rejects", "loai.csv", "cr.csv"], in: dir.url)
        ErrorContract.expectNoCrash(result)
        #expect(result.status == 65, "\(result)")
        let rows = try Self.readRejects(dir.read("loai.csv"))
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(!row[4].isEmpty, "\(label): reject at line \(row[1]) has an empty raw: \(rows)")
            if !row[4].isEmpty {
                #expect(Data(text.utf8).range(of: Data(row[4].utf8)) != nil, "raw not in the file: \(row[4].debugDescription)")
            }
        }
        #expect(Set(rows.map { $0[4] }).count == rows.count, "two rejects with the same raw: \(rows)")
    }

    @Test("no rejected row: the rejects file is just its header")
    func emptyRejects() throws {
        let dir = try TempDir()
        try dir.write("sach.csv", ExitStatusTests.clean)
        let result = try Motcua.run(["report", "--period", "2023-Q1", "--rejects", "loai.csv", "sach.csv"], in: dir.url)
        #expect(result.status == 0)
        #expect(try dir.read("loai.csv") == "file,line,field,reason,raw\n")
    }

    /// A scheduled job stopped at its time limit, a clerk's Ctrl-C: the rejects file being
    /// written (a hidden file beside the target until the run ends) is removed, and the file
    /// the run would have replaced stays as it was.
    @Test("a run ended by SIGTERM, SIGINT or SIGHUP leaves no half-written rejects file",
          arguments: [SIGTERM, SIGINT, SIGHUP])
    func endedBySignal(number: Int32) throws {
        let dir = try TempDir()
        // Large enough that the run is still reading when the signal comes.
        try StoreCommandTests.writeBigExport(rows: 300_000, prefix: "S", to: dir.file("lon.csv"))
        try dir.write("loai.csv", "cũ\n")
        let child = try Motcua.start(["report", "--period", "2023-Q1", "--rejects", "loai.csv", "lon.csv"], in: dir.url)
        func pending() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasPrefix(".loai.csv.") }
        }
        let deadline = Date().addingTimeInterval(20)
        while try pending().isEmpty, child.isRunning, Date() < deadline { usleep(5_000) }
        #expect(try pending().count == 1, "the rejects file is written beside its target")
        usleep(100_000)
        try #require(child.isRunning, "the run ended before the signal: make the file larger")
        child.send(signal: number)
        let result = try child.wait(timeout: 30)
        #expect(result.signalled && result.status == number, "\(result)")
        #expect(try pending().isEmpty, "a pending rejects file was left behind")
        #expect(try dir.read("loai.csv") == "cũ\n")
    }
}
