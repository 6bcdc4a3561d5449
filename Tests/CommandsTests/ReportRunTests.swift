import Commands
import Foundation
import KPIMetrics
import Reports
import Testing
import TestSupport

/// `motcua report` without the command line: the files, then the figures, then the bytes.
@Suite struct ReportRunTests {
    private let q1 = Period(year: 2023, span: .quarter(1))

    @Test func theCSVIsTheHandCheckedTable() throws {
        let run = ReportRun(settings: ReportSettings(period: q1), format: .csv)
        let outcome = try run.perform(Inputs(files: try fixtureFiles("hand-checked")))
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == (try expected("hand-checked", "2023-Q1.decree09.csv")))
        #expect(outcome.summary.inputs.count == 3)
        #expect(outcome.summary.dossiers == 34)
    }

    /// `--strict`: the first rejected row stops the report (65), naming its file and line; the
    /// rejects file is written all the same.
    @Test func strictStopsAtARejectedRow() throws {
        let dir = try TempDir(prefix: "motcua-commands")
        let rejects = dir.file("rejects.csv").path
        let run = ReportRun(settings: ReportSettings(period: q1), format: .csv, strict: true)
        let error = try #require(throws: CommandError.self) {
            try run.perform(Inputs(files: try fixtureFiles("rejects")), rejects: rejects)
        }
        #expect(error.exitStatus == 65)
        let message = error.message(.en)
        #expect(message.contains("row rejected (--strict)"))
        #expect(message.hasPrefix(try #require(error.file)) && error.line != nil)
        #expect(rejectKeys(try dir.read("rejects.csv")) == csvRecords(try expected("rejects", "rejects.csv")))
    }

    @Test func aMissingFileIs66NamingIt() throws {
        let run = ReportRun(settings: ReportSettings(period: q1), format: .csv)
        let error = try #require(throws: CommandError.self) { try run.perform(Inputs(files: ["khong-co.csv"])) }
        #expect(error.exitStatus == 66)
        #expect(error.message(.en).hasPrefix("khong-co.csv: "))
    }

    @Test func anUnreadableAliasesFileIs66() throws {
        let dir = try TempDir(prefix: "motcua-commands")
        try dir.write("units.csv", "name,unit\nA,B,C\n")
        for (path, line) in [(dir.file("units.csv").path, 2), (dir.file("none.csv").path, nil)] as [(String, Int?)] {
            let error = try #require(throws: CommandError.self) {
                try ReportRun(settings: ReportSettings(period: q1), format: .csv)
                    .perform(Inputs(files: try fixtureFiles("hand-checked"), unitsFile: path))
            }
            #expect(error.exitStatus == 66)
            #expect(error.file == path && error.line == line)
        }
    }
}
