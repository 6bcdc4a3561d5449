import Commands
import Ingest
import KPIMetrics
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
            let total = try explanation.dossiers(in: column, unit: "TOTAL", period: q1, basis: .decree09, language: .vi)
            #expect(total.rows.count == table.total[column], "\(column)")
            let unit = try explanation.dossiers(in: column, unit: "ubnd XÃ  hoằng trinh", period: q1, basis: .decree09, language: nil)
            #expect(unit.rows.count == trinh.counts[column], "\(column)")
        }
    }

    @Test func anUnknownUnitOrDossierIs66() throws {
        let explanation = try explanation()
        let unit = try #require(throws: CommandError.self) {
            try explanation.dossiers(in: .resolved, unit: "UBND xã Không Có", period: q1, basis: .decree09, language: .vi)
        }
        #expect(unit.exitStatus == 66)
        let code = try #require(throws: CommandError.self) { try explanation.occurrences(of: "H00-KHONG-CO", language: .en) }
        #expect(code.exitStatus == 66)
        #expect(code.message(.en) == "no occurrence of dossier H00-KHONG-CO in the inputs")
        #expect(code.message(.vi) == "không thấy hồ sơ H00-KHONG-CO trong dữ liệu")
    }

    @Test func occurrencesOfOneDossier() throws {
        let machine = try explanation().occurrences(of: "H56.21-2023-000101", language: nil)
        #expect(machine.rows.count == 1)
        #expect(machine.rows[0][1] == "2")
        #expect(machine.header[4] == "channel" && machine.rows[0][4] == "1")
        #expect(machine.rows[0].last == "wins")
        let people = try explanation().occurrences(of: "H56.21-2023-000101", language: .vi)
        #expect(people.header[4] == "Kênh" && people.rows[0][4] == "trực tiếp")
        #expect(people.rows[0][8] == "Đã trả kết quả" || people.rows[0][8] == "Đã xử lý xong")
        #expect(people.rows[0].last == "được dùng")
    }

    /// A unit not found suggests the closest names: those containing the text (by normalised
    /// key), else those a few letters away.
    @Test func anUnknownUnitSuggestsTheClosest() throws {
        let explanation = try explanation()
        let contained = try #require(throws: CommandError.self) {
            try explanation.dossiers(in: .resolved, unit: "hoằng trinh", period: q1, basis: .decree09, language: .vi)
        }
        #expect(contained.message(.vi) == "không có đơn vị nào tên 'hoằng trinh' trong dữ liệu; có phải: 'UBND xã Hoằng Trinh'?")
        let typo = try #require(throws: CommandError.self) {
            try explanation.dossiers(in: .resolved, unit: "UBND xã Hoằng Trình", period: q1, basis: .decree09, language: .en)
        }
        #expect(typo.message(.en) == "no unit named 'UBND xã Hoằng Trình' in the inputs; did you mean: 'UBND xã Hoằng Trinh'?")
        let far = try #require(throws: CommandError.self) {
            try explanation.dossiers(in: .resolved, unit: "Sở Y tế", period: q1, basis: .decree09, language: .en)
        }
        #expect(far.message(.en) == "no unit named 'Sở Y tế' in the inputs")
    }

    /// For people, channels and statuses by name and the reason in their language; for machines
    /// (the csv listing), codes and the English reason.
    @Test func reasonsInBothForms() throws {
        let explanation = try explanation()
        let people = try explanation.dossiers(in: .resolvedLate, unit: "TOTAL", period: q1, basis: .decree09, language: .vi)
        #expect(people.header == ["Mã hồ sơ", "Thủ tục", "Kênh", "Tiếp nhận", "Hẹn trả", "Kết thúc", "Trạng thái", "Tệp", "Dòng", "Lý do"])
        #expect(people.rows.allSatisfy { $0[9].hasPrefix("kết thúc ") && $0[9].contains(", sau hạn ") })
        let machine = try explanation.dossiers(in: .resolvedLate, unit: "TOTAL", period: q1, basis: .decree09, language: nil)
        #expect(machine.rows.allSatisfy { $0[9].hasPrefix("finished ") && $0[9].contains(", after the due moment ") })
        #expect(machine.rows.map(\.[0]) == people.rows.map(\.[0]))
    }
}
