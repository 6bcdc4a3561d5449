import Commands
import Foundation
import Ingest
import KPIMetrics
import Reports
import Testing
import TestSupport

/// `explain --table plan|index766 --count TARGET.numerator|denominator` without the command
/// line: as many dossiers as the hand-checked tables say, for every unit, target and indicator.
@Suite struct ServiceExplanationTests {
    static let cases = ["service-vocabulary", "known-fields", "index-points", "plan-targets"]

    /// Every expected plan and index table of `name` (variants with goals change no count).
    private static func tables(_ name: String) throws -> [(table: ReportTable, file: URL, catalogue: Bool)] {
        try ["plan", "index766"].flatMap { folder -> [(ReportTable, URL, Bool)] in
            let dir = PackagePaths.fixture(name).appendingPathComponent("expected/\(folder)")
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            return try files.filter { !$0.contains("goals-") }.map { file in
                (try #require(ReportTable(rawValue: folder)), dir.appendingPathComponent(file), !file.contains("no-catalogue"))
            }
        }
    }

    @Test(arguments: cases)
    func rowsEqualEveryNumeratorAndDenominator(_ name: String) throws {
        let exports = try fixtureFiles(name)
        let catalogueDir = PackagePaths.fixture(name).appendingPathComponent("catalogue")
        let cataloguePath = try FileManager.default.contentsOfDirectory(atPath: catalogueDir.path)
            .map { catalogueDir.appendingPathComponent($0).path }.first
        let source = try Inputs(files: exports).source()
        let read = try ReadDossiers(source, catalogue: cataloguePath)
        let explanation = Explanation(set: read.set, source: source)
        var checked = 0
        for (table, file, withCatalogue) in try Self.tables(name) {
            let parts = file.lastPathComponent.split(separator: ".")
            let period = try Period(parsing: String(parts[0]))
            let basis = try #require(PeriodBasis(rawValue: String(parts[1])))
            let rows = csvRecords(try String(contentsOf: file, encoding: .utf8))
            for row in rows.dropFirst() where !row[3].isEmpty {
                for (side, expected) in [("numerator", row[3]), ("denominator", row[4])] {
                    let figure = try #require(ServiceFigureName.count("\(row[2]).\(side)", table: table))
                    let listing = try explanation.dossiers(in: figure, catalogue: withCatalogue ? read.catalogue : nil,
                                                           unit: row[1], period: period, basis: basis, language: nil)
                    #expect(String(listing.rows.count) == expected, "\(file.lastPathComponent) \(row[1]) \(row[2]).\(side)")
                    #expect(listing.rows.allSatisfy { !$0[7].isEmpty && Int($0[8]) != nil }, "file and line of each state")
                    checked += 1
                }
            }
        }
        #expect(checked > 20)
    }

    @Test func namesOfFigures() {
        #expect(ServiceFigureName.count("satisfied.denominator", table: .plan) == .satisfiedDenominator)
        #expect(ServiceFigureName.count("progress.numerator", table: .index766) == .progressNumerator)
        #expect(ServiceFigureName.count("satisfaction.numerator", table: .index766) == nil)
        #expect(ServiceFigureName.count("on_time.rate", table: .plan) == nil)
        #expect(ServiceFigureName.count("progress.numerator", table: .plan) == nil)
    }
}
