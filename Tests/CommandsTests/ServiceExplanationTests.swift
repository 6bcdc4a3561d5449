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

    /// The explanation of fixture `name`'s exports, and its catalogue.
    private static func explanation(_ name: String) throws -> (Explanation, Catalogue?) {
        let exports = try fixtureFiles(name)
        let catalogueDir = PackagePaths.fixture(name).appendingPathComponent("catalogue")
        let cataloguePath = try FileManager.default.contentsOfDirectory(atPath: catalogueDir.path)
            .map { catalogueDir.appendingPathComponent($0).path }.first
        let source = try Inputs(files: exports).source()
        let read = try ReadDossiers(source, catalogue: cataloguePath)
        return (Explanation(set: read.set, source: source), read.catalogue)
    }

    @Test(arguments: cases)
    func rowsEqualEveryNumeratorAndDenominator(_ name: String) throws {
        let (explanation, catalogue) = try Self.explanation(name)
        var checked = 0
        for (table, file, withCatalogue) in try Self.tables(name) {
            let parts = file.lastPathComponent.split(separator: ".")
            let period = try Period(parsing: String(parts[0]))
            let basis = try #require(PeriodBasis(rawValue: String(parts[1])))
            let rows = csvRecords(try String(contentsOf: file, encoding: .utf8))
            for row in rows.dropFirst() where !row[3].isEmpty {
                for (side, expected) in [("numerator", row[3]), ("denominator", row[4])] {
                    let figure = try #require(ServiceFigureName.count("\(row[2]).\(side)", table: table))
                    let listing = try explanation.dossiers(in: figure, catalogue: withCatalogue ? catalogue : nil,
                                                           unit: row[1], period: period, basis: basis, language: nil)
                    #expect(String(listing.rows.count) == expected, "\(file.lastPathComponent) \(row[1]) \(row[2]).\(side)")
                    #expect(listing.rows.allSatisfy { !$0[7].isEmpty && Int($0[8]) != nil }, "file and line of each state")
                    checked += 1
                }
            }
        }
        #expect(checked > 20)
    }

    /// Satisfaction has no numerator or denominator but four counts (service-index.md): the
    /// dossiers `explain` lists for each give back every unit's hand-checked rate, 100 % − late %
    /// − complaint % (at least 0; none when nothing was resolved), to the table's two decimals.
    @Test(arguments: cases)
    func satisfactionCountsGiveTheRate(_ name: String) throws {
        let (explanation, catalogue) = try Self.explanation(name)
        var checked = 0
        for (table, file, withCatalogue) in try Self.tables(name) where table == .index766 {
            let parts = file.lastPathComponent.split(separator: ".")
            let period = try Period(parsing: String(parts[0]))
            let basis = try #require(PeriodBasis(rawValue: String(parts[1])))
            for row in csvRecords(try String(contentsOf: file, encoding: .utf8)).dropFirst() where row[2] == "satisfaction" {
                func count(_ name: String) throws -> Int {
                    let figure = try #require(ServiceFigureName.count("satisfaction.\(name)", table: .index766))
                    let rows = try explanation.dossiers(in: figure, catalogue: withCatalogue ? catalogue : nil, unit: row[1],
                                                        period: period, basis: basis, language: .en).rows
                    if figure == .complaintNumerator {
                        // Each says why it counts: a rating of 4 or 5, a complaint, or both; never an unknown rating.
                        #expect(rows.allSatisfy { ($0.last ?? "").contains("rated 4") || ($0.last ?? "").contains("rated 5")
                                                  || ($0.last ?? "").hasSuffix("a complaint was filed") }, "\(rows)")
                        #expect(!rows.contains { ($0.last ?? "").contains("rated —") }, "\(rows)")
                    }
                    return rows.count
                }
                let (late, resolved) = (try count("resolved_late"), try count("resolved"))
                let (complaints, informed) = (try count("complaint_numerator"), try count("complaint_denominator"))
                guard resolved > 0 else {
                    #expect(row[5].isEmpty, "\(file.lastPathComponent) \(row[1]): nothing resolved, no rate")
                    continue
                }
                let complaintShare = informed == 0 ? 0 : Double(complaints) / Double(informed)
                let rate = max(0, 100 * (1 - Double(late) / Double(resolved) - complaintShare))
                let expected = try #require(Double(row[5]), "\(file.lastPathComponent) \(row[1])")
                #expect(abs(rate - expected) < 0.0051, "\(file.lastPathComponent) \(row[1]): \(late)/\(resolved), \(complaints)/\(informed)")
                checked += 1
            }
        }
        #expect(checked > 0 || name == "plan-targets", "\(name): no satisfaction rate checked")
    }

    @Test func namesOfFigures() {
        #expect(ServiceFigureName.count("satisfied.denominator", table: .plan) == .satisfiedDenominator)
        #expect(ServiceFigureName.count("progress.numerator", table: .index766) == .progressNumerator)
        #expect(ServiceFigureName.count("satisfaction.numerator", table: .index766) == nil)
        #expect(ServiceFigureName.count("satisfaction.complaint_numerator", table: .index766) == .complaintNumerator)
        #expect(ServiceFigureName.count("satisfaction.resolved_late", table: .plan) == nil)
        #expect(ServiceFigureName.countNames(table: .index766).count == 4 && ServiceFigureName.countNames(table: .plan).isEmpty)
        #expect(ServiceFigureName.count("on_time.rate", table: .plan) == nil)
        #expect(ServiceFigureName.count("progress.numerator", table: .plan) == nil)
    }
}
