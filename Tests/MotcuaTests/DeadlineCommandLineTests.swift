import TestSupport
import Foundation
import Testing

/// The command lines of issue 13: what is refused (64), a bad --calendar file (65, 66), and
/// the people's formats of a late list carrying the csv's rows.
@Suite struct DeadlineCommandLineTests {
    static let fill = PackagePaths.fixture("fill-deadlines")
    static let fillInputs = ["ba-dinh-2024-06.csv", "dong-huong-2024-06.csv"]
    static let catalogue = ["--catalogue", "catalogue/danh-muc-thoi-han.csv"]

    @Test(arguments: [
        ["report", "--period", "2024-Q2", "--fill-deadlines"],  // no catalogue
        ["report", "--period", "2024-Q2", "--table", "resolution", "--fill-deadlines"] + catalogue,
        ["report", "--period", "2024-Q2", "--table", "resolution", "--format", "json"],
        ["late", "--period", "2024-Q2", "--fill-deadlines"],
        ["late"],  // neither a period nor --due-within
        ["late", "--period", "2024-Q2", "--due-within", "2", "--as-of", "2024-05-02"],
        ["late", "--due-within", "2"],  // no --as-of
        ["late", "--due-within", "-1", "--as-of", "2024-05-02"],
        ["late", "--due-within", "2", "--as-of", "ngày mai"],
        ["late", "--period", "2024-Q2", "--format", "json"],
        ["late", "--period", "2024-Q2", "--format", "xlsx"],  // no --output
        ["deadlines", "--period", "2024-Q2"],  // no catalogue
        ["deadlines", "--period", "2024-Q2", "--fill-deadlines"] + catalogue,
        ["deadlines", "--period", "quý 2"] + catalogue,
    ])
    func refused(_ arguments: [String]) throws {
        let result = try Motcua.run(arguments + Self.fillInputs, in: Self.fill)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "\(result)")
    }

    /// Each refusal says what is wrong with what was given: `-1` is a count of days out of
    /// range (not a missing value); a file-reading option without files (a store read) would
    /// be ignored, so it is refused; `late --due-within` keeps `--as-of` as the list's moment.
    @Test func refusalsNameWhatIsWrong() throws {
        let days = try Motcua.run(["late", "--due-within", "-1", "--as-of", "2024-05-02", "--lang", "en"] + Self.fillInputs, in: Self.fill)
        #expect(days.status == 64 && days.stderr.contains("--due-within -1: give a number of working days"), "\(days)")
        let dir = try TempDir()
        for (arguments, name) in [(["report", "--period", "2024-Q2", "--as-of", "2024-06-30"], "--as-of"),
                                  (["report", "--period", "2024-Q2", "--encoding", "utf-8"], "--encoding"),
                                  (["late", "--period", "2024-Q2", "--delimiter", ";"], "--delimiter"),
                                  (["units", "--as-of", "2024-06-30"], "--as-of")] {
            let result = try Motcua.run(arguments + ["--lang", "en"], in: dir.url)
            #expect(result.status == 64 && result.stderrLines.count == 1 && result.stderr.contains(name + " tells how to read export files"),
                    "\(result)")
        }
        // check and import read files only: without one, they ask for files.
        let check = try Motcua.run(["check", "--encoding", "utf-8", "--lang", "en"], in: dir.url)
        #expect(check.status == 64 && !check.stderr.contains("tells how to read"), "\(check)")
        // From the store, --due-within's --as-of is not a file option: it passes this check
        // (and stops later on the missing store, 66).
        let list = try Motcua.run(["late", "--due-within", "2", "--as-of", "2024-05-02", "--lang", "en"], in: dir.url)
        #expect(list.status != 64 && !list.stderr.contains("tells how to read"), "\(list)")
    }

    @Test func aBadCalendarFileStopsTheRun() throws {
        let dir = try TempDir()
        let bad = try dir.write("lich.csv", "date,kind,note\n2024-05-06,nghỉ phép,\n").path
        for command in [["late", "--period", "2024-Q2"], ["report", "--period", "2024-Q2"],
                        ["deadlines", "--period", "2024-Q2"] + Self.catalogue] {
            let wrong = try Motcua.run(command + ["--calendar", bad] + Self.fillInputs, in: Self.fill)
            ErrorContract.expectInputError(wrong, status: 65, naming: "lich.csv", line: 2)
            let missing = try Motcua.run(command + ["--calendar", dir.file("khong-co.csv").path] + Self.fillInputs, in: Self.fill)
            ErrorContract.expectInputError(missing, status: 66, naming: "khong-co.csv")
        }
    }

    @Test func theManifestRecordsFilledDeadlines() throws {
        let json = try Motcua.run(["report", "--period", "2024-Q2", "--format", "json", "--fill-deadlines"] + Self.catalogue
                                  + Self.fillInputs, in: Self.fill)
        #expect(json.status == 0, "\(json)")
        let object = try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any]
        let deadlines = (object?["manifest"] as? [String: Any])?["deadlines"] as? [String: Any]
        #expect(deadlines?["fill_deadlines"] as? Bool == true)
        // fill-deadlines/CASES.md: 15 dossiers have no NgayHenTra, a counted status and a limit.
        #expect(deadlines?["filled"] as? Int == 15)
        #expect((deadlines?["catalogue"] as? [String: Any])?["name"] as? String == "catalogue/danh-muc-thoi-han.csv")
        let plain = try Motcua.run(["report", "--period", "2024-Q2", "--format", "json"] + Self.fillInputs, in: Self.fill)
        let manifest = (try JSONSerialization.jsonObject(with: plain.stdoutData) as? [String: Any])?["manifest"] as? [String: Any]
        #expect(manifest?["deadlines"] == nil)
    }

    @Test("the table, Markdown, page and workbook of a late list carry the csv's rows")
    func peoplesFormats() throws {
        let base = ["late", "--period", "2024-Q2", "--fill-deadlines"] + Self.catalogue
        let csv = try RFC4180.parse(try Motcua.run(base + ["--format", "csv"] + Self.fillInputs, in: Self.fill).stdout)
        let codes = csv.dropFirst().map { $0[3] }
        #expect(codes.count == 10)
        for format in ["table", "md", "html"] {
            let result = try Motcua.run(base + ["--format", format] + Self.fillInputs, in: Self.fill)
            #expect(result.status == 0, "\(result)")
            for code in codes { #expect(result.stdout.contains(code), "\(format) lacks \(code)") }
            // 49.42 working days late, as people write it.
            #expect(result.stdout.contains("49,42"), "\(format)")
        }
        let dir = try TempDir()
        let out = dir.file("tre-han.xlsx").path
        let xlsx = try Motcua.run(base + ["--format", "xlsx", "--output", out] + Self.fillInputs, in: Self.fill)
        #expect(xlsx.status == 0, "\(xlsx)")
        let book = try XLSXBook(file: URL(fileURLWithPath: out))
        let strings = try book.sharedStrings.joined(separator: "\n")
        for code in codes { #expect(strings.contains(code), "the workbook lacks \(code)") }
    }

    @Test("verify recomputes a report made with --fill-deadlines and --calendar, with the same files")
    func verifyFilledReport() throws {
        let folder = PackagePaths.fixture("calendar-override")
        let options = ["--catalogue", "catalogue/danh-muc.csv", "--calendar", "calendar/lich-dia-phuong.csv"]
        let dir = try TempDir()
        let report = dir.file("bao-cao.json").path
        let made = try Motcua.run(["report", "--period", "2024-Q2", "--basis", "calendar", "--fill-deadlines", "--format", "json",
                                   "--output", report] + options + ["hai-thanh-2024-06.csv"], in: folder)
        try #require(made.status == 0, "\(made)")
        let ok = try Motcua.run(["verify", report] + options + ["hai-thanh-2024-06.csv"], in: folder)
        #expect(ok.status == 0 && ok.stdout == "OK\n", "\(ok)")
        // Without the calendar the manifest names, or with another file in its place: 65.
        let missing = try Motcua.run(["verify", report, "--catalogue", "catalogue/danh-muc.csv", "hai-thanh-2024-06.csv"], in: folder)
        ErrorContract.expectInputError(missing, status: 65, naming: "calendar/lich-dia-phuong.csv")
        let wrong = try Motcua.run(["verify", report, "--catalogue", "catalogue/danh-muc.csv", "--calendar", "catalogue/danh-muc.csv",
                                    "hai-thanh-2024-06.csv"], in: folder)
        ErrorContract.expectInputError(wrong, status: 65, naming: "catalogue/danh-muc.csv")
    }

    /// Limits that reach past the calendar's last year (2099): a missing due date is still a
    /// finding of the audit (its allowed deadline left empty), and a longer `--due-within`
    /// never lists fewer dossiers.
    @Test func limitsPastTheCalendarLoseNothing() throws {
        let dir = try TempDir()
        try dir.write("danh-muc.csv", "MaTTHC,TenTTHC,ThoiHanGiaiQuyet\nBIG,x,20000\nP1,y,1\n")
        try dir.write("a.csv", """
            MaHoSo,MaTTHC,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,TrangThaiHoSo
            Y1,BIG,UBND xã A,1,2024-03-04 09:00,,4
            Y2,P1,UBND xã A,1,2024-03-04 09:00,,4
            Y3,P1,UBND xã A,1,2024-02-01 08:00,20240207,4

            """)
        let audit = try Motcua.run(["deadlines", "--period", "2024-Q1", "--catalogue", "danh-muc.csv", "--format", "csv", "a.csv"], in: dir.url)
        #expect(audit.status == 0, "\(audit)")
        let rows = try RFC4180.parse(audit.stdout).dropFirst()
        #expect(Set(rows.compactMap { row in row.contains("missing_due") ? row.first { $0 == "Y1" || $0 == "Y2" } : nil }) == ["Y1", "Y2"],
                "\(audit.stdout)")
        var listed: [Int] = []
        for days in ["1000", "18000", "19000", "40000"] {
            let late = try Motcua.run(["late", "--due-within", days, "--as-of", "2024-02-07", "--format", "csv", "-q", "a.csv"], in: dir.url)
            #expect(late.status == 0, "\(late)")
            listed.append(try RFC4180.parse(late.stdout).count - 1)
        }
        #expect(listed == [1, 1, 1, 1], "Y3, due 07/02, whatever the count: \(listed)")
    }

    /// An apology letter writes a deadline at 00:00 with its time: the day alone means its
    /// last second, and would promise the whole day. The day alone for a date-only deadline.
    @Test func aLettersDeadlineAtMidnightKeepsItsTime() throws {
        let dir = try TempDir()
        try dir.write("a.csv", """
            MaHoSo,MaTTHC,TenTTHC,KenhThucHien,DonViXuLy,NgayTiepNhan,NgayHenTra,TrangThaiHoSo
            X1,P1,T,1,UBND A,2024-03-01 00:00,2024-03-05 00:00,4
            X2,P1,T,1,UBND A,2024-03-01,2024-03-05,4
            X3,P1,T,1,UBND A,2024-03-10 08:00,2024-03-20 00:00,2

            """)
        // X3 takes the data to 10/03, past both deadlines: a letter is written only for a date
        // the data has passed. X3 itself is not late at the period's end (14/03).
        let result = try Motcua.run(["apologies", "--period", "2024-Q1", "--format", "md", "--output", "x.md", "-q", "a.csv"], in: dir.url)
        #expect(result.status == 0, "\(result)")
        let letters = try dir.read("x.md")
        #expect(letters.contains("05/03/2024 00:00"), "\(letters)")
        #expect(letters.components(separatedBy: "05/03/2024").count - 1 == 2, "both letters name the day: \(letters)")
        #expect(!letters.contains("01/03/2024 00:00"), "a reception at 00:00 is the day alone: \(letters)")
    }
}
