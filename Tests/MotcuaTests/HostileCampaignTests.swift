import TestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The reproducers of issue 11 (a campaign of 4,000 mutated exports), each on the built binary:
/// the documented exit status, one line naming the file (and the line), no row lost.
@Suite("Hostile inputs: the campaign's reproducers")
struct HostileCampaignTests {
    static let header = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    private func refused(_ bytes: [UInt8], _ arguments: [String] = [], line: Int, because words: String) throws {
        let dir = try TempDir()
        try dir.write("x.csv", bytes: bytes)
        for command in [["report", "--period", "2023-Q1", "--format", "csv"], ["check"]] {
            // The words checked are the English ones (Vietnamese is the default).
            let result = try Motcua.run(command + arguments + ["x.csv"], in: dir.url, environment: ["MOTCUA_LANG": "en"])
            ErrorContract.expectInputError(result, naming: "x.csv", line: line, stdoutEmpty: command[0] == "report")
            #expect(result.stderr.contains(words), "\(result)")
        }
    }

    // MARK: - 1 and 2: not text, wherever the byte lies, whatever decided the encoding

    @Test("a NUL byte after a UTF-8 BOM is not text (66), as without the BOM")
    func nulAfterBOM() throws {
        let row = Array("A1,UBND x".utf8) + [0] + Array("a,1,01/01/2023,2\n".utf8)
        try refused(Self.bom + Array(Self.header.utf8) + row, line: 2, because: "NUL")
        try refused(Array(Self.header.utf8) + row, line: 2, because: "NUL")
    }

    @Test("codes that differ after a NUL are refused, not truncated by the store")
    func nulInCodesNeverReachesTheStore() throws {
        let dir = try TempDir()
        try dir.write("x.csv", bytes: Self.bom + Array((Self.header + "X").utf8) + [0] + Array("1,U,1,01/01/2023,2\nX".utf8)
                          + [0] + Array("2,U,1,01/01/2023,2\n".utf8))
        let result = try Motcua.run(["import", "--db", "kho.sqlite", "x.csv"], in: dir.url)
        ErrorContract.expectInputError(result, naming: "x.csv", line: 2, stdoutEmpty: false)
        let report = try Motcua.run(["report", "--db", "kho.sqlite", "--period", "2023-Q1", "--format", "csv"], in: dir.url)
        #expect(try KPICSV(report.stdout).total?.count("received_new") == 0, "the import was rolled back: \(report)")
    }

    @Test("--encoding windows-1258 does not make an undefined byte text")
    func givenWindows1258() throws {
        try refused(Array(Self.header.utf8) + Array("A1,UBND x".utf8) + [0x81] + Array("a,1,01/01/2023,2\n".utf8),
                    ["--encoding", "windows-1258"], line: 2, because: "0x81")
    }

    @Test("bytes that are not UTF-8 after a UTF-8 BOM are not text, not replaced")
    func invalidAfterBOM() throws {
        try refused(Self.bom + Array((Self.header + Self.header).utf8) + Array("A1,x".utf8) + [0xFF] + Array(",1,01/01/2023,2\n".utf8),
                    line: 3, because: "UTF-8")
    }

    @Test("a UTF-8 export cut off mid-character is refused, not read as Windows-1258")
    func cutMidCharacter() throws {
        let text = Self.header + "A1,Đội 1,1,01/01/2023,2\nA2,Đội 2,1,01/01/2023,2\nA3,Hoằng"
        try refused(Array(text.utf8) + [0xE1], line: 2, because: "undefined in Windows-1258")
        try refused(Array(text.utf8) + [0xE1, 0xBB], line: 2, because: "undefined in Windows-1258")
    }

    // MARK: - 4 and 5: line ends, long lines, long fields

    @Test("CR-only line ends and lone CRs before the header read like LF")
    func carriageReturns() throws {
        let dir = try TempDir()
        var rows = ""
        for i in 0..<2_000 { rows += "H\(i),UBND xã \(i % 7),\(i % 3 + 1),0\(i % 9 + 1)/01/2023,2\n" }
        let text = Self.header + rows
        try dir.write("lf.csv", text)
        try dir.write("cr.csv", text.replacingOccurrences(of: "\n", with: "\r"))
        try dir.write("cr-dau.csv", String(repeating: "\r", count: 100_000) + text)
        let expected = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "lf.csv"], in: dir.url)
        try #require(expected.status == 0)
        for name in ["cr.csv", "cr-dau.csv"] {
            let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", name], in: dir.url)
            #expect(result.status == 0 && result.stdout == expected.stdout, "\(result)")
        }
    }

    @Test("a row past 16 MiB (no line break, or a quote never closed) is one reject; reading goes on")
    func recordsTooLong() throws {
        let dir = try TempDir()
        let row = "H1,UBND xã An Bình,1,05/01/2023,2,"
        let joined = String(repeating: row, count: (17 << 20) / row.utf8.count)
        try dir.write("dai.csv", Self.header + "A1,U,1,01/01/2023,2\n" + joined + "\nA2,U,1,02/01/2023,2\n")
        try dir.write("mo.csv", Self.header + "A1,U,1,01/01/2023,2\nA2,\"" + joined.replacingOccurrences(of: ",", with: "\n"))
        for (name, accepted) in [("dai.csv", 2), ("mo.csv", 1)] {
            let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "--rejects", "loai.csv",
                                         "--lang", "en", name], in: dir.url, timeout: 60)
            #expect(result.status == 0, "\(result)")
            #expect(try KPICSV(result.stdout).total?.count("received_new") == accepted, "\(result)")
            let rejects = try RFC4180.parse(dir.read("loai.csv"))
            try #require(rejects.count == 2, "\(rejects.count - 1) rejects")
            #expect(rejects[1][0...3] == [name, "3", "", "record too long"])
            #expect(rejects[1][4].unicodeScalars.count == 1_000)
            #expect(result.stderr.contains("rows rejected: 1") && result.stderr.contains("record too long"), "\(result)")
        }
    }

    @Test("devices are refused at once: check --encoding utf-8 /dev/zero")
    func devZero() throws {
        let result = try Motcua.run(["check", "--encoding", "utf-8", "/dev/zero"], timeout: 10)
        ErrorContract.expectInputError(result, naming: "/dev/zero", stdoutEmpty: false)
    }

    // MARK: - 6: pipes

    @Test("a FIFO is refused at once, with a writer or without")
    func fifos() throws {
        let dir = try TempDir()
        try #require(mkfifo(dir.file("ong.csv").path, 0o600) == 0)
        let alone = try Motcua.run(["report", "--period", "2023-Q1", "ong.csv"], in: dir.url, timeout: 10)
        ErrorContract.expectInputError(alone, naming: "ong.csv")
        #expect(alone.stderr.contains("pipe"), "\(alone)")
        let writer = open(dir.file("ong.csv").path, O_RDWR | O_NONBLOCK)
        defer { close(writer) }
        _ = Self.header.withCString { write(writer, $0, strlen($0)) }
        for _ in 0..<3 {
            let fed = try Motcua.run(["check", "ong.csv"], in: dir.url, timeout: 10)
            ErrorContract.expectInputError(fed, naming: "ong.csv", stdoutEmpty: false)
        }
    }

    // MARK: - 7: smaller ones

    @Test("a header naming one field twice is an error naming both columns")
    func fieldNamedTwice() throws {
        try refused(Array("Mã hồ sơ,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo,MaHoSo\nA1,U,1,01/01/2023,2,A2\n".utf8),
                    line: 1, because: "column 1 'Mã hồ sơ' and column 6 'MaHoSo'")
    }

    @Test("a file name that is not UTF-8 is said to be so, not missing")
    func nonUTF8Name() throws {
        let dir = try TempDir()
        let binary = try #require(Motcua.binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The shell makes the name's bytes: Process takes arguments as Swift strings only.
        process.arguments = ["-c", "name=$(printf 'ten\\351.csv'); printf '\(Self.header.dropLast())\\n' > \"$name\"; exec \"$0\" check \"$name\" 2>err", binary.path]
        process.currentDirectoryURL = dir.url
        process.environment = ProcessInfo.processInfo.environment.merging(["MOTCUA_LANG": "en"]) { $1 }
        try process.run()
        process.waitUntilExit()
        let stderr = try dir.read("err")
        #expect(process.terminationStatus == 66, "\(stderr)")
        #expect(stderr.contains("not valid UTF-8") && !stderr.contains("No such file"), "\(stderr)")
        #expect(RunResult.lines(stderr).count == 1, "\(stderr)")
    }

    @Test("a store whose migrations table was emptied is not a motcua store (66)",
          .enabled(if: StoreCommandTests.sqlite3 != nil, "needs the sqlite3 shell"))
    func emptiedMigrations() throws {
        let dir = try TempDir()
        try dir.write("a.csv", Self.header + "A1,U,1,01/01/2023,2\n")
        try #require(try Motcua.run(["import", "--db", "kho.sqlite", "a.csv"], in: dir.url).status == 0)
        let sqlite3: URL = try #require(StoreCommandTests.sqlite3)
        let emptying = Process()
        emptying.executableURL = sqlite3
        emptying.arguments = [dir.file("kho.sqlite").path, "DELETE FROM grdb_migrations"]
        try emptying.run()
        emptying.waitUntilExit()
        try #require(emptying.terminationStatus == 0)
        for command in [["import", "--db", "kho.sqlite", "a.csv"], ["report", "--db", "kho.sqlite", "--period", "2023-Q1"]] {
            let result = try Motcua.run(command, in: dir.url, environment: ["MOTCUA_LANG": "en"])
            ErrorContract.expectInputError(result, naming: "kho.sqlite", stdoutEmpty: command[0] == "report")
            #expect(result.stderr.contains("not a motcua store"), "\(result)")
        }
    }
}
