import TestSupport
import Foundation
import Ingest
import KPIMetrics
import Reports
import Testing
import Wording
@testable import Unattended

/// `by` in `motcua.toml`: a roll-up through the units file's hierarchy, accepted when the file
/// gives parents or levels, refused in one line naming the file and the key otherwise.
@Suite struct RollUpConfigurationTests {
    /// Kept for the suite's life: the files must outlive `write`.
    private let dir: TempDir

    init() throws {
        dir = try TempDir(prefix: "cfg-by")
        _ = try dir.write("tree.csv", "name,unit,parent,level\nT,T,,tỉnh\nH,H,T,huyện\nX,X,H,xã\nOld X,X,,\n")
        _ = try dir.write("flat.csv", "Old X,X\n")
    }

    private func configuration(_ text: String) throws -> RunConfiguration {
        try RunConfiguration(file: dir.write("motcua.toml", text).path)
    }

    private func refusal(_ text: String) throws -> ConfigurationError {
        let path = try dir.write("motcua.toml", text).path
        return try #require(throws: ConfigurationError.self) { try RunConfiguration(file: path) }
    }

    @Test func parentAndLevelsAreAccepted() throws {
        let parent = try configuration("units = \"tree.csv\"\nby = \"parent\"\n")
        #expect(parent.rollUp == .parent)
        #expect(parent.unitsFile == dir.file("tree.csv").path)
        #expect(parent.hierarchy.parent(of: "X") == "H" && parent.hierarchy.level(of: "H") == .district)
        // The reports are made with the roll-up and the hierarchy.
        let settings = parent.settings(try Period(parsing: "2023-Q1"), provisional: false)
        #expect(settings.rollUp == .parent && settings.hierarchy == parent.hierarchy)

        for spelling in ["level=huyện", "level=Huyen", "LEVEL=cấp huyện"] {
            #expect(try configuration("units = \"tree.csv\"\nby = \"\(spelling)\"\n").rollUp == .level(.district))
        }
        #expect(try configuration("units = \"tree.csv\"\nby = \"level=xã\"\n").rollUp == .level(.commune))
    }

    /// Without the key, or with `by = "unit"`, reports are by unit as they always were.
    @Test func absentOrUnitIsByUnit() throws {
        #expect(try configuration("units = \"tree.csv\"\n").rollUp == nil)
        #expect(try configuration("units = \"tree.csv\"\nby = \"unit\"\n").rollUp == nil)
        // A flat units file with `by = "unit"` is fine: nothing is rolled up.
        #expect(try configuration("units = \"flat.csv\"\nby = \"unit\"\n").rollUp == nil)
        let settings = try configuration("").settings(try Period(parsing: "2023-Q1"), provisional: false)
        #expect(settings.rollUp == nil && settings.hierarchy.isEmpty)
    }

    /// A value that is not a roll-up (`field`, a level outside the vocabulary, no level, a
    /// number) is refused naming the key and the values it takes.
    @Test(arguments: ["by = \"field\"", "by = \"level=làng\"", "by = \"level=\"", "by = \"parents\"", "by = 3", "by = [\"parent\"]"])
    func notARollUpIsRefused(line: String) throws {
        let error = try refusal("units = \"tree.csv\"\n" + line + "\n")
        let path = dir.file("motcua.toml").path
        switch error.reason {
        case .badValue(let key, _, let allowed):
            #expect(key == "by")
            #expect(allowed.contains("parent") && allowed.contains("level=huyện") && !allowed.contains("field"))
        case .wrongType(let key, _): #expect(key == "by")
        default: Issue.record("\(error)")
        }
        for language in Language.allCases {
            let message = error.message(language)
            #expect(message.hasPrefix(path + ": ") && !message.contains("\n"), "\(message)")
            #expect(message.contains("'by'"), "\(message)")
        }
    }

    /// A roll-up with no units file, or one that gives no parent and no level, is refused: the
    /// configuration file, the key, and the units file in either language.
    @Test func aRollUpNeedsAHierarchy() throws {
        let path = dir.file("motcua.toml").path
        let none = try refusal("by = \"parent\"\n")
        guard case .noHierarchy("parent", nil) = none.reason else { Issue.record("\(none)"); return }
        #expect(none.message(.vi) == path + ": khóa 'by' = 'parent' cần tệp đơn vị có cột parent hoặc level (khóa 'units', hoặc --units)")
        #expect(none.message(.en) == path + ": 'by' = 'parent' needs a units file with a parent or level column (the key 'units', or --units)")

        let flat = try refusal("units = \"flat.csv\"\nby = \"level=huyện\"\n")
        guard case .noHierarchy("level=huyện", let units?) = flat.reason else { Issue.record("\(flat)"); return }
        #expect(units == dir.file("flat.csv").path)
        #expect(flat.message(.en) == path + ": 'by' = 'level=huyện': the units file \(units) gives no parent and no level: nothing to roll up by")
        #expect(flat.message(.vi).hasPrefix(path + ": khóa 'by' = 'level=huyện': tệp đơn vị \(units) không có cột parent hay level"))
    }

    /// Form 06a is by unit: with a roll-up it is refused, as `report --by parent --format form06a` is.
    @Test func aRollUpDoesNotGoWithForm06a() throws {
        let error = try refusal("units = \"tree.csv\"\nby = \"parent\"\nformats = [\"csv\", \"form06a\"]\n")
        guard case .rollUpFormat("parent") = error.reason else { Issue.record("\(error)"); return }
        #expect(error.message(.en).hasSuffix("'by' = 'parent' does not go with form06a in 'formats': form 06a is by unit"))
        // The same formats without a roll-up are today's configuration.
        #expect(try configuration("units = \"tree.csv\"\nformats = [\"csv\", \"form06a\"]\n").formats == [.csv, .form06a])
    }

    /// `by` is one of the keys the unknown-key error lists.
    @Test func byIsAKey() throws {
        #expect(RunConfiguration.keys.contains("by"))
        #expect(try refusal("bye = \"parent\"\n").message(.en).contains(", by"))
    }
}
