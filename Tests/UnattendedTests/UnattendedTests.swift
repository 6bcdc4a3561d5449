import TestSupport
import Foundation
import Ingest
import KPIMetrics
import Testing
import Wording
@testable import Unattended

@Suite struct RunConfigurationTests {
    private func write(_ text: String) throws -> String {
        let dir = try TestProcessFolder.url.appendingPathComponent("cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("motcua.toml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func everyKeyAndRelativePaths() throws {
        let path = try write("""
            store = "kho.sqlite"
            inbox = "/srv/inbox"
            formats = ["csv", "FORM06A"]
            basis = "calendar"
            target = 97.5
            lang = "en"
            periods = ["quarter", "9m"]
            [aliases]
            "UBND xã Hoằng Cát" = "UBND xã Hoằng Cát Hà"
            """)
        let c = try RunConfiguration(file: path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        #expect(c.store == folder + "/kho.sqlite")
        #expect(c.inbox == "/srv/inbox")
        #expect(c.archive == folder + "/archive")
        #expect(c.formats == [.csv, .form06a])
        #expect(c.basis == .calendar)
        #expect(c.target == Target("97.5"))
        #expect(c.language.rawValue == "en")
        #expect(c.periods == [.quarter, .nineMonths])
        #expect(c.aliases.entries.map(\.unit) == ["UBND xã Hoằng Cát Hà"])
    }

    /// An integer is a number: `target = 98` as well as `target = 97.5`.
    @Test func integersAreNumbers() throws {
        #expect(try RunConfiguration(file: write("target = 98\n")).target == Target("98"))
        #expect(try RunConfiguration(file: write("target = 97.5\n")).target == Target("97.5"))
        #expect(try RunConfiguration(file: write("target = 98.0\n")).target.description == "98")
        #expect(try RunConfiguration(file: write("tables = [\"plan\"]\n[goals]\nsatisfied = 95.25\n")).goals[.satisfied] == Target("95.25"))
    }

    /// A decimal is taken as written or refused as on the command line (at most four
    /// decimals), never rounded into a target it does not say: 97.123456789 is not 97.1235.
    @Test(arguments: ["target = 97.123456789", "target = 99.999999", "[goals]\nsatisfied = 95.123456"])
    func aDecimalIsNeverRounded(line: String) throws {
        let error = try #require(throws: ConfigurationError.self) { try RunConfiguration(file: write(line + "\n")) }
        guard case .badValue(_, let value, _) = error.reason else { Issue.record("\(error)"); return }
        #expect(line.hasSuffix(value), "\(value)")
    }

    /// A file's errors are worded in its own `lang` when the command was given none.
    @Test func errorsFollowTheFilesLanguage() throws {
        let path = try write("lang = \"en\"\nformat = [\"csv\"]\n")
        let error = try #require(throws: ConfigurationError.self) { try RunConfiguration(file: path) }
        #expect(error.language == .en)
        let asked = try #require(throws: ConfigurationError.self) { try RunConfiguration(file: path, language: .vi) }
        #expect(asked.language == .en, "the file's language, for the caller to weigh against the command's")
        let units = try write("lang = \"en\"\nunits = \"khong-co.csv\"\n")
        let missing = try #require(throws: ConfigurationError.self) { try RunConfiguration(file: units) }
        #expect(missing.message(.en).contains("khong-co.csv") && !missing.message(.en).contains("không"), "\(missing.message(.en))")
    }

    /// The keys of issue 10: provisional reports, the comparison, form 06a's units.
    @Test func provisionalComparisonAndUnits() throws {
        let c = try RunConfiguration(file: write("""
            provisional = true
            compare = "last-year"
            formats = ["csv", "form06a"]
            reporting-unit = "UBND huyện Hoằng Hóa"
            receiving-unit = "Văn phòng UBND tỉnh Thanh Hóa"
            """))
        #expect(c.provisional && c.comparison == .lastYear)
        #expect(c.reportingUnit == "UBND huyện Hoằng Hóa" && c.receivingUnit == "Văn phòng UBND tỉnh Thanh Hóa")
        #expect(try RunConfiguration(file: write("compare = \"none\"\n")).comparison == nil)
    }

    /// An unknown key (a typo for `formats`) is an error naming the key and the file, in either
    /// language; it is never ignored.
    @Test func anUnknownKeyIsAnError() throws {
        let path = try write("format = [\"csv\"]\n")
        let error = try #require(throws: ConfigurationError.self) { try RunConfiguration(file: path) }
        guard case .unknownKey("format") = error.reason else { Issue.record("\(error)"); return }
        #expect(error.message(.vi).hasPrefix(path + ": khóa 'format' không có trong cấu hình"))
        #expect(error.message(.en).hasPrefix(path + ": 'format' is not a key of motcua's configuration"))
        #expect(error.message(.en).contains("formats"))
    }

    @Test(arguments: ["basis = \"weekly\"", "formats = [\"pdf\"]", "target = 120", "lang = \"fr\"", "periods = [\"month\"]",
                      "store = [", "target = \"98\"", "formats = \"csv\"", "provisional = \"yes\"", "[aliases]\nA = 1",
                      "compare = \"yesterday\"", "aliases = 3", "formats = []", "periods = []", "tables = []"])
    func badValuesAreOneLineErrors(line: String) throws {
        let path = try write(line + "\n")
        let error = try #require(throws: ConfigurationError.self) { try RunConfiguration(file: path) }
        for language in Language.allCases {
            #expect(!error.message(language).contains("\n"))
            #expect(error.message(language).hasPrefix(path))
        }
    }

    /// Settings the run could not honour are refused, never applied halfway: two spellings of
    /// one unit name given two units; a form 06a name with no format that shows it; a folder or
    /// file of the run in its inbox. A wrong table lists exactly the tables `run` writes.
    @Test(arguments: [
        ("[aliases]\n\"Unit G\" = \"X\"\n\"unit  g\" = \"Y\"", "'Unit G' and 'unit  g' are the same unit name"),
        ("formats = [\"csv\"]\nreporting-unit = \"UBND huyện X\"", "'reporting-unit' shows only on the form06a, xlsx (kpi) format"),
        ("tables = [\"plan\"]\nformats = [\"xlsx\"]\nreceiving-unit = \"UBND tỉnh\"", "'receiving-unit' shows only on"),
        ("archive = \"inbox\"", "'archive' ("),
        ("inbox = \"r\"\nreports = \"r/\"", "'reports' ("),
        ("store = \"in/kho.sqlite\"\ninbox = \"in\"", "/in/kho.sqlite) is in the inbox"),
        // The store beside the file is found first; the file itself would be next.
        ("inbox = \".\"", "/motcua.sqlite) is in the inbox"),
        ("inbox = \".\"\nstore = \"kho/s.sqlite\"", "'--config' ("),
        ("tables = [\"06a\"]", "(it takes: kpi, plan, index766)"),
        ("tables = [\"kpi\", \"foo\"]", "(it takes: kpi, plan, index766)"),
    ])
    func settingsTheRunCannotHonourAreRefused(text: String, words: String) throws {
        let path = try write(text + "\n")
        let error = try #require(throws: ConfigurationError.self) { try RunConfiguration(file: path) }
        #expect(error.message(.en).contains(words), "\(error.message(.en))")
        #expect(!error.message(.vi).contains("\n") && error.message(.vi).hasPrefix(path))
    }

    @Test func aliasesOfOneUnitAndFormsThatShowTheNamesAreKept() throws {
        let path = try write("formats = [\"xlsx\"]\nreporting-unit = \"UBND huyện X\"\n[aliases]\n\"Unit G\" = \"X\"\n\"unit g\" = \"x\"\n")
        let c = try RunConfiguration(file: path)
        #expect(c.reportingUnit == "UBND huyện X")
        #expect(c.aliases.entries.count == 1)
    }

    /// A syntax error names its line; in Vietnamese the parser's own English words are quoted
    /// as its report, not run into the sentence.
    @Test func aSyntaxErrorNamesItsLineAndQuotesTheParser() throws {
        let path = try write("store = \"kho.sqlite\"\nformats = [\"csv\"\n")
        let error = try #require(throws: ConfigurationError.self) { try RunConfiguration(file: path) }
        let vietnamese = error.message(.vi)
        #expect(vietnamese.hasPrefix(path + ":2: tệp cấu hình không đúng cú pháp TOML (bộ đọc TOML báo: “"), "\(vietnamese)")
        #expect(vietnamese.hasSuffix("”)"), "\(vietnamese)")
        #expect(error.message(.en).hasPrefix(path + ":2: not a valid TOML file: "), "\(error.message(.en))")
    }

    /// A NUL byte (where the parser would stop, the keys after it unread) or a byte that is not
    /// UTF-8 (which decoding would replace): refused, naming the line.
    @Test(arguments: [("store = \"kho.sqlite\"\nreports = \"r\"\u{0}\nfoo = 1\ntarget = 500\n", 2),
                      ("store = \"kho.sqlite\"\n\nreporting-unit = \"\u{FF}\u{FE}\"\n", 3)])
    func aFileThatIsNotTextIsRefused(text: String, line: Int) throws {
        // U+00FF and U+00FE stand for the bytes 0xFF and 0xFE.
        let bytes = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let path = try write("")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: ConfigurationError.self) { try RunConfiguration(file: path) }
        #expect(error.message(.en).hasPrefix("\(path):\(line): not UTF-8 text"), "\(error.message(.en))")
        #expect(RunConfiguration.firstNonText(Data("lang = \"vi\"\ntên = \"Phòng\"\n".utf8)) == nil)
    }

    /// The shipped example loads as it is.
    @Test func theShippedExampleLoads() throws {
        let example = PackagePaths.root.appendingPathComponent("scripts/schedule/motcua.toml.example").path
        let text = try String(contentsOfFile: example, encoding: .utf8)
        let c = try RunConfiguration(file: write(text))
        #expect(c.target == Target("98"))
        #expect(c.formats.count >= 3)
    }
}

/// Which periods the data covers: a period is written once its end is at or before the newest
/// as-of; the one holding the newest as-of is open; none after the data.
@Suite struct CoveredPeriodsTests {
    private func day(_ y: Int, _ m: Int, _ d: Int) -> LocalMoment { LocalMoment(year: y, month: m, day: d)! }

    /// Decree 09: 2023-Q1 runs to 14/03; data as of 14/03 23:00 does not cover it; as of 15/03 it does.
    @Test func decree09CutOffs() {
        let before = CoveredPeriods(kinds: [.quarter], years: 2023...2023, basis: .decree09,
                                    asOf: LocalMoment(seconds: day(2023, 3, 14).seconds + 23 * 3600))
        #expect(before.final.isEmpty)
        #expect(before.open.map(\.description) == ["2023-Q1"])
        let on = CoveredPeriods(kinds: [.quarter], years: 2023...2023, basis: .decree09, asOf: day(2023, 3, 15))
        // The period's last second is data as of its last day (a date-only --as-of): covered.
        let lastSecond = CoveredPeriods(kinds: [.quarter], years: 2023...2023, basis: .decree09,
                                        asOf: LocalMoment(seconds: day(2023, 3, 15).seconds - 1))
        #expect(lastSecond.final.map(\.description) == ["2023-Q1"])
        let secondBefore = CoveredPeriods(kinds: [.quarter], years: 2023...2023, basis: .decree09,
                                          asOf: LocalMoment(seconds: day(2023, 3, 15).seconds - 2))
        #expect(secondBefore.final.isEmpty)
        #expect(on.final.map(\.description) == ["2023-Q1"])
        #expect(on.open.map(\.description) == ["2023-Q2"], "Q3 and Q4 start after the data: never written")
        let all = CoveredPeriods(kinds: RunConfiguration.PeriodKind.allCases, years: 2023...2023, basis: .decree09,
                                 asOf: day(2023, 12, 15))
        #expect(all.final.map(\.description) == ["2023-Q1", "2023-H1", "2023-Q2", "2023-9M", "2023-Q3", "2023", "2023-H2", "2023-Q4"])
    }

    /// The issue's case: exports up to 31/03/2023, whatever the clock says: Q1 is final, Q2 open
    /// (two weeks of data), nothing of 2023-Q3 or later.
    @Test func dataToTheEndOfMarch() {
        let periods = CoveredPeriods(kinds: RunConfiguration.PeriodKind.allCases, years: 2022...2026, basis: .decree09,
                                     asOf: day(2023, 3, 31))
        #expect(periods.final.last?.description == "2023-Q1")
        #expect(periods.open.map(\.description) == ["2023-H1", "2023-Q2", "2023-9M", "2023"])
    }

    @Test func calendarCutOffs() {
        let covered = CoveredPeriods(kinds: [.quarter, .half], years: 2023...2023, basis: .calendar, asOf: day(2023, 7, 1))
        #expect(covered.final.map(\.description) == ["2023-Q1", "2023-H1", "2023-Q2"])
        #expect(covered.open.map(\.description) == ["2023-Q3", "2023-H2"])
    }
}

@Suite struct RunLockTests {
    @Test func aSecondHolderIsRefusedWithThePid() throws {
        let path = try TestProcessFolder.url.appendingPathComponent("lock-\(UUID().uuidString)").path
        let first = try RunLock(path: path)
        #expect(throws: RunLock.Failure.held(pid: getpid())) { try RunLock(path: path) }
        withExtendedLifetime(first) {}
    }
}
