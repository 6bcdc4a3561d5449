import TestSupport
import Foundation
import Testing

/// `motcua units --units FILE` with parents and levels: each unit's parent and level beside its
/// spellings, every unit of the file listed (a parent without dossiers too), and a csv that is
/// a units file giving the same roll-up; a file without them changes nothing.
@Suite("motcua units with a hierarchy")
struct UnitsHierarchyListingTests {
    static let folder = PackagePaths.fixture("hierarchy")
    static let export = "dongbo-tinh-2023-03.csv"

    private func units(_ arguments: [String]) throws -> RunResult {
        try Motcua.run(["units"] + arguments + [Self.export], in: Self.folder)
    }

    /// The table: parent and level on each unit's first line, in the reader's language; the
    /// levels as the vocabulary writes them (`Huyen` → huyện, `phường` → xã).
    @Test func theTableShowsParentAndLevel() throws {
        let vi = try units(["--units", "units/don-vi.csv"])
        #expect(vi.status == 0, "\(vi)")
        let header = try #require(vi.stdoutLines.first)
        #expect(header.contains("Đơn vị cấp trên") && header.hasSuffix("Cấp"), "\(header)")
        func cells(_ line: String) -> [String] {
            line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let rows = vi.stdoutLines.dropFirst().map(cells)
        #expect(rows.contains(["UBND xã Hoằng Châu", "UBND xã Hoằng Châu", "3", "UBND huyện Hoằng Hóa", "xã"]), "\(rows)")
        #expect(rows.contains(["UBND xã Hoằng Đạt", "2"]), "the alias's spelling, on a line of its own")
        #expect(rows.contains(["UBND xã Hoằng Phong", "UBND xã Hoằng Phong", "2", "UBND huyện Hoằng Hóa", "xã"]))
        #expect(rows.contains(["UBND huyện Thiệu Hóa", "0", "UBND tỉnh Thanh Hóa", "huyện"]), "a unit of the file without dossiers")
        #expect(rows.contains(["UBND tỉnh Thanh Hóa", "0", "tỉnh"]))
        #expect(rows.contains(["Chi nhánh Văn phòng Đăng ký đất đai", "Chi nhánh Văn phòng Đăng ký đất đai", "3"]), "not in the file")

        let en = try units(["--units", "units/don-vi.csv", "--lang", "en"])
        #expect(en.stdoutLines.first?.contains("Parent unit") == true && en.stdoutLines.first?.hasSuffix("Level") == true, "\(en)")
    }

    /// The csv, hand-derived from the units file: every spelling with its unit, parent and level.
    @Test func theCSVIsAUnitsFile() throws {
        let csv = try units(["--units", "units/don-vi.csv", "--format", "csv"])
        #expect(csv.stdout == """
            name,unit,parent,level
            Chi nhánh Văn phòng Đăng ký đất đai,Chi nhánh Văn phòng Đăng ký đất đai,,
            Sở Tư pháp,Sở Tư pháp,UBND tỉnh Thanh Hóa,sở
            UBND huyện Hoằng Hóa,UBND huyện Hoằng Hóa,UBND tỉnh Thanh Hóa,huyện
            UBND huyện Thiệu Hóa,UBND huyện Thiệu Hóa,UBND tỉnh Thanh Hóa,huyện
            UBND tỉnh Thanh Hóa,UBND tỉnh Thanh Hóa,,tỉnh
            UBND xã Hoằng Châu,UBND xã Hoằng Châu,UBND huyện Hoằng Hóa,xã
            UBND xã Hoằng Đạt,UBND xã Hoằng Châu,UBND huyện Hoằng Hóa,xã
            UBND xã Hoằng Phong,UBND xã Hoằng Phong,UBND huyện Hoằng Hóa,xã
            UBND xã Thiệu Tâm,UBND xã Thiệu Tâm,UBND huyện Thiệu Hóa,xã

            """, "\(csv)")

        // Written with --write and used as the units file, it rolls up as the original does.
        let dir = try TempDir(prefix: "motcua-units-tree")
        let written = try units(["--units", "units/don-vi.csv", "--write", dir.file("tree.csv").path])
        #expect(written.status == 0, "\(written)")
        for by in ["parent", "level=huyện"] {
            func report(_ units: String) throws -> RunResult {
                try Motcua.run(["report", "--period", "2023-Q1", "--units", units, "--by", by, "--format", "csv", "-q", Self.export],
                               in: Self.folder)
            }
            let original = try report("units/don-vi.csv"), rewritten = try report(dir.file("tree.csv").path)
            #expect(original.status == 0 && rewritten.stdout == original.stdout, "\(rewritten)")
        }
    }

    /// A units file with no parent and no level: the listing and the csv are what they were.
    @Test func aFlatUnitsFileChangesNothing() throws {
        let dir = try TempDir(prefix: "motcua-units-flat")
        _ = try dir.write("flat.csv", "UBND xã Hoằng Đạt,UBND xã Hoằng Châu\n")
        let plain = try units([])
        #expect(plain.stdoutLines.first?.contains("Cấp") == false, "\(plain)")
        let flat = try units(["--units", dir.file("flat.csv").path])
        #expect(flat.stdoutLines.first == plain.stdoutLines.first)
        // The alias lists Hoằng Đạt as a spelling of Hoằng Châu: a line whose unit column is empty.
        #expect(flat.stdoutLines.count == plain.stdoutLines.count)
        #expect(flat.stdoutLines.contains { $0.hasPrefix(" ") && $0.contains("UBND xã Hoằng Đạt") }, "\(flat)")
        #expect(flat.stdoutLines.allSatisfy { !$0.hasSuffix(" ") }, "no empty parent and level columns: \(flat)")
        let csv = try units(["--units", dir.file("flat.csv").path, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("name,unit\n"), "\(csv)")
        #expect(csv.stdout.contains("UBND xã Hoằng Đạt,UBND xã Hoằng Châu"))
    }
}
