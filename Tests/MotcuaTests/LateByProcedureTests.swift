import TestSupport
import Foundation
import Testing

/// The people's KPI reports say why a unit is below target: its late dossiers by procedure,
/// the most first. Checked against the hand-checked late list and KPI table of `late-lists`.
@Suite struct LateByProcedureTests {
    static let folder = PackagePaths.fixture("late-lists")
    static let inputs = ["2024-01-dongbo.csv", "2024-02-xuatfile.csv", "2024-03-bangtinh.csv"]

    /// From the expected files: each unit below target, its procedures' late counts, most first
    /// (ties by code, the empty code last), written as the report writes them.
    static func expectedLines() throws -> [String] {
        let expected = FixtureCatalog.root.appendingPathComponent("late-lists/expected")
        let kpi = try KPICSV(String(decoding: Data(contentsOf: expected.appendingPathComponent("2024-Q1.decree09.csv")), as: UTF8.self))
        let late = try RFC4180.parse(String(decoding: Data(contentsOf: expected.appendingPathComponent("late/2024-Q1.decree09.csv")),
                                            as: UTF8.self)).dropFirst()
        let below = kpi.units.filter { $0.cells["below_target"] == "true" }.map(\.unit)
        return below.map { unit in
            var counts: [String: Int] = [:]
            for row in late where row[0] == unit { counts[row[1], default: 0] += 1 }
            let items = counts.sorted { a, b in
                if a.value != b.value { return a.value > b.value }
                if a.key.isEmpty != b.key.isEmpty { return !a.key.isEmpty }
                return FixtureCatalog.byCodePoints(a.key, b.key)
            }.map { ($0.key.isEmpty ? "(không có mã thủ tục)" : $0.key) + " (\($0.value))" }
            return unit + ": " + items.joined(separator: "; ")
        }
    }

    @Test func everyPeoplesFormatListsTheLateDossiersOfEachUnitBelowTarget() throws {
        let lines = try Self.expectedLines()
        #expect(lines.count == 3, "\(lines)")
        #expect(lines.contains("Phòng Tài nguyên và Môi trường: 1.001990 (3); 1.002253 (3)"), "\(lines)")
        for format in ["table", "md", "html"] {
            let result = try Motcua.run(["report", "--period", "2024-Q1", "--format", format] + Self.inputs, in: Self.folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("Hồ sơ trễ hạn của đơn vị dưới chỉ tiêu, theo thủ tục"), "\(format)")
            for line in lines { #expect(result.stdout.contains(line), "\(format) lacks '\(line)'") }
        }
        let dir = try TempDir()
        let out = dir.file("bao-cao.xlsx")
        let xlsx = try Motcua.run(["report", "--period", "2024-Q1", "--format", "xlsx", "--output", out.path] + Self.inputs,
                                  in: Self.folder)
        #expect(xlsx.status == 0, "\(xlsx)")
        let strings = try XLSXBook(file: out).sharedStrings
        for line in lines { #expect(strings.contains(line), "the workbook lacks '\(line)'") }
    }

    @Test func noUnitBelowTargetNoSection() throws {
        let result = try Motcua.run(["report", "--period", "2024-Q1", "--target", "0"] + Self.inputs, in: Self.folder)
        #expect(result.status == 0, "\(result)")
        #expect(!result.stdout.contains("Hồ sơ trễ hạn của đơn vị dưới chỉ tiêu"))
    }
}
