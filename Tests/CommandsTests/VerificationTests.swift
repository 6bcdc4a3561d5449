import Commands
import Foundation
import KPIMetrics
import Reports
import Testing
import TestSupport

/// `motcua verify` without the command line: hashes against the manifest, then the figures.
@Suite struct VerificationTests {
    /// A json report of the hand-checked files copied into a folder of their own.
    private func setUp() throws -> (dir: TempDir, files: [String], report: String) {
        let dir = try TempDir(prefix: "motcua-verify")
        var files: [String] = []
        for file in try fixtureFiles("hand-checked") {
            let copy = dir.file(URL(fileURLWithPath: file).lastPathComponent)
            try FileManager.default.copyItem(atPath: file, toPath: copy.path)
            files.append(copy.path)
        }
        let json = try ReportRun(settings: ReportSettings(period: Period(year: 2023, span: .quarter(1))), format: .json)
            .perform(Inputs(files: files)).bytes
        let report = dir.file("bao-cao.json").path
        try json.write(to: URL(fileURLWithPath: report))
        return (dir, files, report)
    }

    @Test func theReportStands() throws {
        let (dir, files, report) = try setUp()
        defer { withExtendedLifetime(dir) {} }
        #expect(try Verification(report: report).differences(files: files, store: "none").isEmpty)
        #expect(try Verification(report: report).differences(files: files.reversed(), store: "none").isEmpty)
    }

    /// A changed input is named as given, with the manifest input it was expected to be.
    @Test func aChangedInputIsNamed() throws {
        let (dir, files, report) = try setUp()
        defer { withExtendedLifetime(dir) {} }
        let victim = files[1]
        try Data((try String(contentsOfFile: victim, encoding: .utf8) + "\n").utf8).write(to: URL(fileURLWithPath: victim))
        let error = try #require(throws: CommandError.self) { try Verification(report: report).differences(files: files, store: "none") }
        #expect(error.exitStatus == 65)
        #expect(error.file == victim)
        guard case .hashMismatch(_, _, let input) = error.reason else { Issue.record("\(error)"); return }
        #expect(URL(fileURLWithPath: input).lastPathComponent == URL(fileURLWithPath: victim).lastPathComponent)
    }

    @Test func aMissingOrForeignInputIs65() throws {
        let (dir, files, report) = try setUp()
        defer { withExtendedLifetime(dir) {} }
        let missing = try #require(throws: CommandError.self) {
            try Verification(report: report).differences(files: Array(files.dropLast()), store: "none")
        }
        #expect(missing.exitStatus == 65)
        let foreign = try #require(throws: CommandError.self) {
            try Verification(report: report).differences(files: files + (try fixtureFiles("rejects")), store: "none")
        }
        #expect(foreign.exitStatus == 65)
        guard case .notAnInput = foreign.reason else { Issue.record("\(foreign)"); return }
    }

    /// A figure changed in the report is a difference, named by unit and column.
    @Test func aChangedFigureIsADifference() throws {
        let (dir, files, report) = try setUp()
        defer { withExtendedLifetime(dir) {} }
        let text = try String(contentsOfFile: report, encoding: .utf8)
        let tampered = text.replacingOccurrences(of: "\"resolved_late\" : 5", with: "\"resolved_late\" : 4")
        #expect(tampered != text)
        try Data(tampered.utf8).write(to: URL(fileURLWithPath: report))
        let differences = try Verification(report: report).differences(files: files, store: "none")
        #expect(differences == ["TOTAL · resolved_late: report 4, recomputed 5"])
    }

    @Test func notAReport() throws {
        let dir = try TempDir(prefix: "motcua-verify")
        try dir.write("x.json", "[1, 2]")
        let error = try #require(throws: CommandError.self) { try Verification(report: dir.file("x.json").path) }
        #expect(error.exitStatus == 66)
        #expect(error.message(.en).hasSuffix("not a json report"))
        #expect(error.message(.vi).hasSuffix("không phải báo cáo json"))
    }
}
