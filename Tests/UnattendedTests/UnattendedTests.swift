import TestSupport
import Foundation
import Ingest
import KPIMetrics
import Testing
@testable import Unattended

@Suite struct RunConfigurationTests {
    private func write(_ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)")
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

    @Test(arguments: ["basis = \"weekly\"", "formats = [\"pdf\"]", "target = 120", "lang = \"fr\"", "periods = [\"month\"]", "store = ["])
    func badValuesAreOneLineErrors(line: String) throws {
        let path = try write(line + "\n")
        #expect(throws: RunConfiguration.Failure.self) { try RunConfiguration(file: path) }
        do { _ = try RunConfiguration(file: path) } catch { #expect(!error.description.contains("\n")); #expect(error.description.hasPrefix(path)) }
    }
}

@Suite struct ClosedPeriodsTests {
    private func day(_ y: Int, _ m: Int, _ d: Int) -> LocalMoment { LocalMoment(year: y, month: m, day: d)! }

    /// Decree 09: 2023-Q1 runs to 14/03 and is closed from 15/03 on; the year closes 15/12.
    @Test func decree09CutOffs() {
        let before = ClosedPeriods.periods(kinds: [.quarter], years: 2023...2023, basis: .decree09, today: day(2023, 3, 14))
        #expect(before.isEmpty)
        let on = ClosedPeriods.periods(kinds: [.quarter], years: 2023...2023, basis: .decree09, today: day(2023, 3, 15))
        #expect(on.map(\.description) == ["2023-Q1"])
        let all = ClosedPeriods.periods(kinds: RunConfiguration.PeriodKind.allCases, years: 2023...2023, basis: .decree09,
                                        today: day(2023, 12, 15))
        #expect(all.map(\.description) == ["2023-Q1", "2023-H1", "2023-Q2", "2023-9M", "2023-Q3", "2023", "2023-H2", "2023-Q4"])
    }

    @Test func calendarCutOffs() {
        let closed = ClosedPeriods.periods(kinds: [.quarter, .half], years: 2023...2023, basis: .calendar, today: day(2023, 7, 1))
        #expect(closed.map(\.description) == ["2023-Q1", "2023-H1", "2023-Q2"])
    }
}

@Suite struct RunLockTests {
    @Test func aSecondHolderIsRefusedWithThePid() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)").path
        let first = try RunLock(path: path)
        #expect(throws: RunLock.Failure.held(pid: getpid())) { try RunLock(path: path) }
        withExtendedLifetime(first) {}
    }
}
