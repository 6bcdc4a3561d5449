import TestSupport
import Foundation
import Testing

/// The exit statuses of input-formats.md, "Errors and exit status": 0, 64, 65, 66.
@Suite("Exit statuses")
struct ExitStatusTests {
    static let clean = Export.csv(Export.full, [
        ["S1", "UBND xã An Bình", "1", "05/01/2023", "10/01/2023", "09/01/2023", "", "10", "1", "1"],
        ["S2", "UBND xã An Bình", "2", "06/01/2023", "20/01/2023", "", "", "4", "0", "0"],
    ])
    /// One good row, then a row whose channel is not in the vocabulary (line 3).
    static let withReject = Export.csv(Export.full, [
        ["S1", "UBND xã An Bình", "1", "05/01/2023", "10/01/2023", "09/01/2023", "", "10", "1", "1"],
        ["S2", "UBND xã An Bình", "Fax", "06/01/2023", "20/01/2023", "", "", "4", "0", "0"],
    ])

    static func fixture() throws -> TempDir {
        let dir = try TempDir()
        try dir.write("sach.csv", clean)
        try dir.write("co-loi.csv", withReject)
        return dir
    }

    /// Command lines that are wrong: status 64, nothing on stdout, no crash, something said.
    static let usageErrors: [[String]] = [
        ["report", "--period", "2023-Q1", "--bogus", "sach.csv"],
        ["report", "--period", "2023-Q5", "sach.csv"],
        ["report", "--period", "2023-H3", "sach.csv"],
        ["report", "--period", "Q3-2023", "sach.csv"],
        ["report", "--period", "", "sach.csv"],
        ["report", "sach.csv"],
        ["report", "--period", "2023-Q1", "--format", "xml", "sach.csv"],
        ["report", "--period", "2023-Q1", "--basis", "fiscal", "sach.csv"],
        ["report", "--period", "2023-Q1", "--lang", "fr", "sach.csv"],
        ["report", "--period", "2023-Q1", "--target", "abc", "sach.csv"],
        ["report", "--period", "2023-Q1", "--target", "101", "sach.csv"],
        ["report", "--period", "2023-Q1", "--encoding", "koi8-r", "sach.csv"],
        ["report", "--period", "2023-Q1", "--delimiter", "|", "sach.csv"],
        ["report", "--period", "2023-Q1", "--as-of", "31/02/2023", "sach.csv"],
        ["check"],
        ["check", "--lang", "vi"],
        ["check", "--bogus", "sach.csv"],
        ["check", "--lang", "de", "sach.csv"],
        ["frobnicate", "sach.csv"],
        // `help NAME` of no command: ArgumentParser printed the general help and exited 0.
        ["help", "reprot"],
        ["help", "report", "bogus"],
        // An option given twice: ArgumentParser let the last one win.
        ["report", "--period", "2023-Q1", "--period", "2023-Q2", "sach.csv"],
        ["report", "--period=2023-Q1", "--format", "csv", "--period", "2023-Q2", "sach.csv"],
        ["check", "--lang", "vi", "--lang", "en", "sach.csv"],
        ["report", "--period", "2023-Q1", "-q", "--quiet", "sach.csv"],
        ["report", "--period", "2023-Q1", "-q", "-q", "sach.csv"],
        // Form 06a's heading, given with a table that has none: it was dropped without a word.
        ["report", "--period", "2023-Q1", "--reporting-unit", "UBND huyện", "sach.csv"],
        ["report", "--period", "2023-Q1", "--table", "plan", "--receiving-unit", "UBND tỉnh", "sach.csv"],
    ]

    @Test("a wrong command line exits 64 with nothing on stdout", arguments: usageErrors)
    func usageError(_ arguments: [String]) throws {
        let dir = try Self.fixture()
        let result = try Motcua.run(arguments, in: dir.url)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdoutData.isEmpty, "\(result)")
        #expect(!result.stderr.isEmpty, "a usage error says what is wrong: \(result)")
        ErrorContract.expectNoCrash(result)
    }

    @Test("the usage error names the offending value")
    func usageErrorNamesValue() throws {
        let dir = try Self.fixture()
        let period = try Motcua.run(["report", "--period", "2023-Q5", "sach.csv"], in: dir.url)
        #expect(period.status == 64)
        #expect(period.stderrLines.first?.contains("2023-Q5") == true, "\(period)")
        let option = try Motcua.run(["report", "--period", "2023-Q1", "--bogus", "sach.csv"], in: dir.url)
        #expect(option.stderrLines.first?.contains("--bogus") == true, "\(option)")
        let topic = try Motcua.run(["help", "reprot"], in: dir.url)
        #expect(topic.stderrLines.count == 1 && topic.stderrLines.first?.contains("'reprot'") == true, "\(topic)")
        // An option after the topic is named as such, not taken for a topic.
        let afterTopic = try Motcua.run(["help", "report", "--nosuch"], in: dir.url)
        #expect(afterTopic.status == 64 && afterTopic.stderrLines.first?.contains("--nosuch") == true, "\(afterTopic)")
    }

    @Test("an option given twice is named; --goal, run --format and a file after -- may repeat")
    func repeatedOptions() throws {
        let dir = try Self.fixture()
        let twice = try Motcua.run(["report", "--period", "2023-Q1", "--basis", "calendar", "--period", "2023-Q2", "sach.csv"],
                                   in: dir.url, environment: ["MOTCUA_LANG": "en"])
        #expect(twice.status == 64 && twice.stdoutData.isEmpty, "\(twice)")
        #expect(twice.stderrLines == ["motcua: '--period' is given more than once: give it once (see 'motcua --help')"], "\(twice)")
        let goals = try Motcua.run(["report", "--period", "2023-Q1", "--table", "plan", "--goal", "on_time=90", "--goal", "satisfied=80",
                                    "--format", "csv", "sach.csv"], in: dir.url)
        #expect(goals.status == 0, "\(goals)")
        // `run --format` repeats (RunCommandTests); `report --format` does not.
        let formats = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "--format", "json", "sach.csv"], in: dir.url)
        #expect(formats.status == 64 && formats.stderrLines.first?.contains("'--format'") == true, "\(formats)")
        // Past `--`, a word like an option is a file's name.
        try dir.write("--period", try String(contentsOf: dir.url.appendingPathComponent("sach.csv"), encoding: .utf8))
        let file = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "--", "--period", "sach.csv"], in: dir.url)
        #expect(file.status == 0, "\(file)")
    }

    @Test("the reporting and receiving units go with form 06a, as a table or as a format")
    func formUnits() throws {
        let dir = try Self.fixture()
        // A KPI workbook has the form as a sheet: the units go with xlsx too.
        let workbook = try Motcua.run(["report", "--period", "2023-Q1", "--reporting-unit", "UBND huyện X", "--format", "xlsx",
                                       "--output", "bao-cao.xlsx", "sach.csv"], in: dir.url)
        #expect(workbook.status == 0, "\(workbook)")
        let plan = try Motcua.run(["report", "--period", "2023-Q1", "--table", "plan", "--reporting-unit", "UBND huyện X", "--format", "xlsx",
                                   "--output", "ke-hoach.xlsx", "sach.csv"], in: dir.url)
        #expect(plan.status == 64, "the plan's workbook has no form 06a: \(plan)")
        for form in [["--table", "06a", "--format", "md"], ["--format", "form06a"]] {
            let result = try Motcua.run(["report", "--period", "2023-Q1", "--reporting-unit", "UBND huyện X", "--receiving-unit", "UBND tỉnh Y"]
                                        + form + ["sach.csv"], in: dir.url)
            #expect(result.status == 0, "\(form): \(result)")
            #expect(result.stdout.contains("UBND huyện X") && result.stdout.contains("UBND tỉnh Y"), "\(form): \(result)")
        }
    }

    @Test("help of a command, and of a command's command, is still help: 0")
    func helpOfACommand() throws {
        for arguments in [["help"], ["help", "report"], ["help", "imports"], ["help", "help"]] {
            let result = try Motcua.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result)")
            #expect(result.stdout.contains("motcua"), "\(arguments): \(result)")
        }
    }

    /// "Every error is one line on stderr": the spec makes no exception for command-line errors.
    @Test("a usage error is one line on stderr", arguments: [
        ["report", "--period", "2023-Q5", "sach.csv"],
        ["report", "--period", "2023-Q1", "--bogus", "sach.csv"],
        ["check"],
    ])
    func usageErrorIsOneLine(_ arguments: [String]) throws {
        let dir = try Self.fixture()
        let result = try Motcua.run(arguments, in: dir.url)
        #expect(result.status == 64)
        #expect(result.stderrLines.count == 1, "stderr has \(result.stderrLines.count) lines: \(result)")
    }

    /// Without FILE, `report` reads the store (`--db`, `$MOTCUA_DB`, else `motcua.sqlite` here).
    @Test("report without FILE and without a store: 66, one line naming the store, nothing created")
    func reportWithoutFileOrStore() throws {
        let dir = try Self.fixture()
        let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv"], in: dir.url)
        ErrorContract.expectInputError(result, status: 66, naming: "motcua.sqlite")
        #expect(!dir.exists("motcua.sqlite"), "a report must not create a store")
        let named = try Motcua.run(["report", "--period", "2023-Q1", "--db", "khong-co.sqlite"], in: dir.url)
        ErrorContract.expectInputError(named, status: 66, naming: "khong-co.sqlite")
        #expect(!dir.exists("khong-co.sqlite"))
    }

    @Test("every accepted spelling of a period is a valid command line", arguments: [
        "2023-Q1", "2023-q1", "Q1/2023", "quý 1/2023", "2023-H1", "6 tháng 2023", "2023-9M", "9 tháng 2023",
        "2023", "năm 2023",
    ])
    func periodSpellings(_ period: String) throws {
        let dir = try Self.fixture()
        let result = try Motcua.run(["report", "--period", period, "--format", "csv", "sach.csv"], in: dir.url)
        #expect(result.status == 0, "\(result)")
        let table = try KPICSV(result.stdout)
        let canonical = table.total?["period"] ?? ""
        #expect(["2023-Q1", "2023-H1", "2023-9M", "2023"].contains(canonical), "period printed as '\(canonical)'")
    }

    @Test("report on a clean file and on a file with a rejected row exits 0")
    func reportZero() throws {
        let dir = try Self.fixture()
        for name in ["sach.csv", "co-loi.csv"] {
            let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", name], in: dir.url)
            #expect(result.status == 0, "\(result)")
            #expect(try KPICSV(result.stdout).total != nil)
        }
    }

    @Test("--strict with a rejected row: 65, no report on stdout, one line naming file and line")
    func strictRejected() throws {
        let dir = try Self.fixture()
        for format in ["table", "csv", "json"] {
            let result = try Motcua.run(["report", "--period", "2023-Q1", "--strict", "--format", format,
                                         "sach.csv", "co-loi.csv"], in: dir.url)
            ErrorContract.expectInputError(result, status: 65, naming: "co-loi.csv", line: 3)
        }
        let output = try Motcua.run(["report", "--period", "2023-Q1", "--strict", "--output", "bao-cao.csv",
                                     "--format", "csv", "co-loi.csv"], in: dir.url)
        #expect(output.status == 65)
        #expect(!dir.exists("bao-cao.csv"), "--strict writes no report")
    }

    @Test("--strict still writes the rejects file")
    func strictWritesRejects() throws {
        let dir = try Self.fixture()
        let result = try Motcua.run(["report", "--period", "2023-Q1", "--strict", "--rejects", "loai.csv",
                                     "co-loi.csv"], in: dir.url)
        #expect(result.status == 65)
        let rows = try RFC4180.parse(dir.read("loai.csv"))
        #expect(rows.count == 2 && rows.last?[2] == "KenhThucHien", "\(rows)")
    }

    @Test("--strict with a clean file: 0 and the report")
    func strictClean() throws {
        let dir = try Self.fixture()
        let result = try Motcua.run(["report", "--period", "2023-Q1", "--strict", "--format", "csv", "sach.csv"],
                                    in: dir.url)
        #expect(result.status == 0, "\(result)")
        #expect(try KPICSV(result.stdout).total?.count("received_new") == 2)
    }

    @Test("check: 0 on a clean file, 65 when a row is rejected")
    func checkStatuses() throws {
        let dir = try Self.fixture()
        let clean = try Motcua.run(["check", "sach.csv"], in: dir.url)
        #expect(clean.status == 0, "\(clean)")
        #expect(clean.stdout.contains("sach.csv"))
        ErrorContract.expectNoCrash(clean)

        let rejected = try Motcua.run(["check", "co-loi.csv"], in: dir.url)
        #expect(rejected.status == 65, "\(rejected)")
        #expect(rejected.stdout.contains("co-loi.csv"))
        ErrorContract.expectNoCrash(rejected)

        let both = try Motcua.run(["check", "--lang", "en", "sach.csv", "co-loi.csv"], in: dir.url)
        #expect(both.status == 65, "\(both)")
        let unreadable = try Motcua.run(["check", "co-loi.csv", "khong-co.csv"], in: dir.url)
        ErrorContract.expectInputError(unreadable, status: 66, naming: "khong-co.csv", stdoutEmpty: false)
    }

    @Test("an output that cannot be written is one line on stderr and not success")
    func unwritableOutput() throws {
        let dir = try Self.fixture()
        for arguments in [["--output", "khong/co/thu-muc/bao-cao.csv"], ["--rejects", "khong/co/thu-muc/loai.csv"]] {
            let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv"] + arguments + ["sach.csv"],
                                        in: dir.url)
            #expect(result.status != 0, "\(result)")
            #expect(result.stderrLines.count == 1, "\(result)")
            #expect(result.stderr.contains("khong/co/thu-muc"), "\(result)")
            #expect(result.stdoutData.isEmpty, "\(result)")
            ErrorContract.expectNoCrash(result)
        }
    }
}
