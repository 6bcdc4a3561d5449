import TestSupport
import Foundation
import Testing

/// Issue 10: Vietnamese first, English with `--lang en` or `MOTCUA_LANG=en` (the flag wins):
/// help, usage errors, every error line, summaries, and the period forms people write.
@Suite struct LanguageTests {
    private static let hand = ["bangtinh-2023-05.csv", "dongbo-hoso-2023-05.csv", "tthc-xuatfile-2023-05.csv"]
        .map { PackagePaths.fixture("hand-checked").appendingPathComponent($0).path }

    @Test func usageErrorsAreVietnameseFirst() throws {
        let period = try Motcua.run(["report", "--period", "Quý V/2023", Self.hand[0]])
        #expect(period.status == 64 && period.stderrLines.count == 1, "\(period)")
        #expect(period.stderr.hasPrefix("motcua: 'Quý V/2023' không phải kỳ báo cáo; các cách ghi được dùng: "))
        for form in ["2023-Q1", "Quý I/2023", "quý 1 năm 2023", "Q1 2023", "6 tháng đầu năm 2023", "9 tháng năm 2023"] {
            #expect(period.stderr.contains(form), "the accepted forms are listed: \(form)")
        }
        let option = try Motcua.run(["report", "--period", "2023-Q1", "--bogus", Self.hand[0]])
        #expect(option.stderr.hasPrefix("motcua: không có tùy chọn '--bogus'"), "\(option)")
        let value = try Motcua.run(["report", "--period", "2023-Q1", "--format", "pdf", Self.hand[0]])
        #expect(value.stderr.hasPrefix("motcua: giá trị 'pdf' không hợp lệ cho '--format <format>'; hãy dùng một trong: table, csv, "),
                "\(value)")
        #expect(value.stderrLines.count == 1)
        let missing = try Motcua.run(["report", Self.hand[0]])
        #expect(missing.stderr.hasPrefix("motcua: thiếu tham số '--period <period>'"), "\(missing)")
        let check = try Motcua.run(["check"])
        #expect(check.stderr == "motcua: hãy chỉ ra ít nhất một tệp xuất (xem 'motcua --help')\n", "\(check)")
    }

    /// `--lang en` wins over `MOTCUA_LANG`, which wins over the default.
    @Test func englishByFlagOrEnvironmentTheFlagWinning() throws {
        let arguments = ["report", "--period", "2023-Q5", Self.hand[0]]
        let flag = try Motcua.run(arguments + ["--lang", "en"])
        #expect(flag.stderr.hasPrefix("motcua: '2023-Q5' is not a period: write one of 2023-Q1"), "\(flag)")
        let environment = try Motcua.run(arguments, environment: ["MOTCUA_LANG": "en"])
        #expect(environment.stderr == flag.stderr)
        let both = try Motcua.run(arguments + ["--lang", "vi"], environment: ["MOTCUA_LANG": "en"])
        #expect(both.stderr.hasPrefix("motcua: '2023-Q5' không phải kỳ báo cáo"), "\(both)")
        let wrong = try Motcua.run(["check", "--lang", "de", Self.hand[0]])
        #expect(wrong.status == 64 && wrong.stderr.contains("ngôn ngữ 'de' không có"), "\(wrong)")
        // A variable naming no language is refused, not read as Vietnamese; the flag still wins.
        let variable = try Motcua.run(["check", Self.hand[0]], environment: ["MOTCUA_LANG": "fr"])
        #expect(variable.status == 64 && variable.stderr.contains("MOTCUA_LANG='fr'") && variable.stdout.isEmpty, "\(variable)")
        let flagWins = try Motcua.run(["check", "--lang", "en", Self.hand[0]], environment: ["MOTCUA_LANG": "fr"])
        #expect(flagWins.status == 0, "\(flagWins)")
    }

    @Test func helpIsInTheReadersLanguage() throws {
        let vi = try Motcua.run(["report", "--help"])
        #expect(vi.status == 0)
        for words in ["TỔNG QUAN:", "CÁCH DÙNG:", "TÙY CHỌN:", "Kỳ báo cáo: 2023-Q3, Quý III/2023", "Hiện trợ giúp.", "mặc định:"] {
            #expect(vi.stdout.contains(words), "\(words)")
        }
        for english in ["OVERVIEW:", "OPTIONS:", "Show help information.", "Compute the KPI table"] {
            #expect(!vi.stdout.contains(english), "\(english)")
        }
        let en = try Motcua.run(["report", "--help", "--lang", "en"])
        #expect(en.stdout.contains("OPTIONS:") && en.stdout.contains("Compute the KPI table") && !en.stdout.contains("TÙY CHỌN"))
        let root = try Motcua.run(["--help"], environment: ["MOTCUA_LANG": "en"])
        #expect(root.stdout.contains("Exit status:") && root.stdout.contains("units"))
    }

    /// Every error line in the reader's language, naming the file.
    @Test func errorLinesAreVietnamese() throws {
        let missing = try Motcua.run(["report", "--period", "2023-Q1", "khong-co.csv"])
        ErrorContract.expectInputError(missing, naming: "khong-co.csv")
        #expect(missing.stderr == "motcua: khong-co.csv: không đọc được tệp: không có tệp này\n", "\(missing)")
        let english = try Motcua.run(["report", "--period", "2023-Q1", "--lang", "en", "khong-co.csv"])
        #expect(english.stderr == "motcua: khong-co.csv: cannot read: No such file or directory\n", "\(english)")
        let store = try Motcua.run(["imports", "--db", "/khong/co/kho.sqlite"])
        #expect(store.status == 66 && store.stderr.contains("/khong/co/kho.sqlite: không có kho dữ liệu motcua ở đây"), "\(store)")
        let dir = try TempDir(prefix: "motcua-lang")
        try dir.write("bao-cao.json", "[]")
        let verify = try Motcua.run(["verify", dir.file("bao-cao.json").path])
        #expect(verify.stderr.hasSuffix("bao-cao.json: không phải báo cáo json\n"), "\(verify)")
    }

    /// The Vietnamese summary has no English word; its reasons are worded; `check` says
    /// "thời điểm dữ liệu", not "as-of".
    @Test func summariesAreVietnamese() throws {
        let rejects = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.fixture("rejects").path)
            .filter { $0.hasSuffix(".csv") }.map { PackagePaths.fixture("rejects").appendingPathComponent($0).path }
        let report = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv"] + rejects)
        #expect(report.stderr.contains("bị loại 5 dòng: thiếu giá trị bắt buộc"), "\(report)")
        for english in ["required value", "missing", "rejected", "as-of", "alias", "dossiers"] {
            #expect(!report.stderr.contains(english), "'\(english)' in \(report.stderr)")
        }
        let check = try Motcua.run(["check"] + rejects)
        #expect(check.stdout.contains("thời điểm dữ liệu: ") && !check.stdout.contains("as-of"), "\(check)")
        #expect(check.stdout.contains("5 dòng: thiếu giá trị bắt buộc"))
        let checkEnglish = try Motcua.run(["check", "--lang", "en"] + rejects)
        #expect(checkEnglish.stdout.contains("5 × required value missing") && checkEnglish.stdout.contains("as-of: "))
    }

    /// The official and spoken period forms give the canonical period's report, byte for byte.
    @Test(arguments: [("Quý I/2023", "2023-Q1"), ("quý 1 năm 2023", "2023-Q1"), ("Q1 2023", "2023-Q1"),
                      ("Quý 1 năm 2023", "2023-Q1"), ("6 tháng đầu năm 2023", "2023-H1"), ("9 tháng năm 2023", "2023-9M")])
    func periodForms(text: String, canonical: String) throws {
        let spoken = try Motcua.run(["report", "--period", text, "--format", "csv", "-q"] + Self.hand)
        let plain = try Motcua.run(["report", "--period", canonical, "--format", "csv", "-q"] + Self.hand)
        #expect(spoken.status == 0 && spoken.stdout == plain.stdout && spoken.stderr.isEmpty, "\(spoken)")
        #expect(spoken.stdout.contains("\n\(canonical),"))
    }
}
