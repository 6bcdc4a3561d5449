import TestSupport
import Foundation
import Testing
@testable import Ingest

/// The `--units` file's parent and level columns: read with or without a header, every level
/// spelling, and each fault on its line and column.
@Suite("The units file: aliases and hierarchy")
struct UnitsFileTests {
    func read(_ text: String) throws -> UnitsFile {
        let scratch = try TempDir()
        return try UnitsFile(path: try scratch.write("units.csv", text).path)
    }

    func fault(_ text: String) throws -> UnitsFileError? {
        do { _ = try read(text) } catch let error as UnitsFileError { return error }
        return nil
    }

    @Test("a two-column file is aliases only, as before")
    func twoColumns() throws {
        let file = try read("Hoằng Đạt,Hoằng Châu\n")
        #expect(file.aliases.entries.map(\.unit) == ["Hoằng Châu"])
        #expect(file.hierarchy.isEmpty)
    }

    @Test("parent and level by header (Vietnamese names) or by position; the alias applies first")
    func hierarchy() throws {
        for text in ["tên;đơn vị;cấp trên;cấp\nTỉnh;Tỉnh;;tỉnh\nHuyện A;Huyện A;Tỉnh;Quận\nXã Cũ;Xã Mới;;\nXã Mới;Xã Mới;huyện a;phường\n",
                     "Tỉnh,Tỉnh,,province\nHuyện A,Huyện A,Tỉnh,huyen\nXã Cũ,Xã Mới\nXã Mới,Xã Mới,Huyện A,xa\n"] {
            let file = try read(text)
            #expect(file.aliases.entries.count == 1)
            #expect(file.hierarchy.parent(of: "XÃ MỚI") == "Huyện A")
            #expect(file.hierarchy.level(of: "Xã Mới") == .commune)
            #expect(file.hierarchy.ancestor(of: "Xã Mới", at: .district) == "Huyện A")
            #expect(file.hierarchy.ancestor(of: "Huyện A", at: .district) == "Huyện A")
            #expect(file.hierarchy.ancestor(of: "Xã Mới", at: .province) == "Tỉnh")
            #expect(file.hierarchy.ancestor(of: "Xã Mới", at: .department) == nil)
            #expect(file.hierarchy.ancestor(of: "Không có", at: .district) == nil)
        }
    }

    @Test("every level spelling reads as its level; others do not")
    func levels() {
        #expect(UnitLevel(reading: "Thị trấn") == .commune)
        #expect(UnitLevel(reading: "  CẤP   HUYỆN ") == .district)
        #expect(UnitLevel(reading: "thành phố thuộc tỉnh") == .district)
        #expect(UnitLevel(reading: "Sở") == .department)
        #expect(UnitLevel(reading: "chi nhánh") == .office)
        #expect(UnitLevel(reading: "thành phố") == nil)
        #expect(UnitLevel(reading: "làng") == nil)
        for level in UnitLevel.allCases { #expect(UnitLevel(reading: level.rawValue) == level) }
    }

    @Test("faults name their line and column")
    func faults() throws {
        #expect(try fault("A,A,,làng\n")?.kind == .unknownLevel("làng"))
        #expect(try fault("A,A,,làng\n")?.field == .level)
        #expect(try fault("B,B\nA,A,Z,xã\n").map { ($0.line, $0.kind) } ?? (0, .fieldCount(0)) == (2, .unknownParent("Z")))
        #expect(try fault("A,A,Old\nOld,New\nNew,New\n")?.kind == .parentAliased("Old", unit: "New"))
        #expect(try fault("A,A,B\nB,B,C\nC,C,A\n")?.kind == .cycle(["A", "B", "C", "A"]))
        #expect(try fault("A,A,A\n")?.kind == .cycle(["A", "A"]))
        #expect(try fault("A,A,B\nB,B\nC,C\nA,A,C\n").map { ($0.line, $0.kind) } ?? (0, .fieldCount(0))
                == (4, .conflict(unit: "A", firstLine: 1)))
        #expect(try fault("A,A,,xã\nA,A,,huyện\n")?.field == .level)
        #expect(try fault("A,A,B,xã,x\n")?.kind == .fieldCount(5))
        #expect(try fault("A\n")?.kind == .fieldCount(1))
        // A name counts for one unit: a second row sending it elsewhere names the first; the
        // same mapping twice (case and spacing aside) is no conflict; a name needs a unit.
        let twice = try fault("Alpha,Gamma\nB,B\nalpha ,Beta\n")
        #expect(twice.map { ($0.line, $0.field, $0.kind) } ?? (0, nil, .fieldCount(0)) == (3, .unit, .conflict(unit: "alpha", firstLine: 1)))
        #expect(try fault("Alpha,Gamma\nALPHA,gamma\n") == nil)
        #expect(try fault("Alpha,\nB,B\n").map { ($0.line, $0.kind) } ?? (0, .fieldCount(0)) == (1, .noUnit(name: "Alpha")))
    }
}
