import Commands
import Ingest
import Metrics
import Testing
import TestSupport

/// `motcua explain` without the command line.
@Suite struct ExplanationTests {
    private let q1 = Period(year: 2023, span: .quarter(1))

    private func explanation() throws -> Explanation {
        let source = try Inputs(files: try fixtureFiles("hand-checked")).source()
        return Explanation(set: try ReadDossiers(source).set, source: source)
    }

    /// As many dossiers as the table counts, in every count column, for the total and for a
    /// unit written in another letter case.
    @Test func asManyRowsAsTheTableCounts() throws {
        let explanation = try explanation()
        let table = KPITable(period: q1, dossiers: explanation.set.dossiers, unitNames: explanation.set.unitNames)
        let trinh = try #require(table.rows.first { $0.name == "UBND xã Hoằng Trinh" })
        for column in CountColumn.allCases where column.isPublished {
            let total = try explanation.dossiers(in: column, unit: "TOTAL", period: q1, basis: .decree09)
            #expect(total.rows.count == table.total[column], "\(column)")
            let unit = try explanation.dossiers(in: column, unit: "ubnd XÃ  hoằng trinh", period: q1, basis: .decree09)
            #expect(unit.rows.count == trinh.counts[column], "\(column)")
        }
    }

    @Test func anUnknownUnitOrDossierIs66() throws {
        let explanation = try explanation()
        let unit = try #require(throws: CommandError.self) {
            try explanation.dossiers(in: .resolved, unit: "UBND xã Không Có", period: q1, basis: .decree09)
        }
        #expect(unit.exitStatus == 66)
        let code = try #require(throws: CommandError.self) { try explanation.occurrences(of: "H00-KHONG-CO") }
        #expect(code.exitStatus == 66)
        #expect(code.message(.en) == "no occurrence of dossier H00-KHONG-CO in the inputs")
    }

    @Test func occurrencesOfOneDossier() throws {
        let listing = try explanation().occurrences(of: "H56.21-2023-000101")
        #expect(listing.rows.count == 1)
        #expect(listing.rows[0][1] == "2")
        #expect(listing.rows[0].last == "wins")
    }
}
