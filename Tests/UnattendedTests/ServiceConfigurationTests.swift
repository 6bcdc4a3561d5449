import TestSupport
import Foundation
import KPIMetrics
import Reports
import Testing
@testable import Unattended

/// `tables`, `catalogue` and `[goals]` in `motcua.toml`.
@Suite struct ServiceConfigurationTests {
    /// Kept for the suite's life: the file must outlive `write`.
    private let dir: TempDir

    init() throws { dir = try TempDir(prefix: "cfg") }

    private func write(_ text: String) throws -> String {
        try dir.write("motcua.toml", text).path
    }

    @Test func tablesCatalogueAndGoals() throws {
        let path = try write("""
            tables = ["kpi", "plan", "INDEX766"]
            catalogue = "danh-muc.csv"
            target = 97
            [goals]
            satisfied = 95.5
            electronic_routing = 90
            """)
        let c = try RunConfiguration(file: path)
        #expect(c.tables == [.kpi, .plan, .index766])
        #expect(c.catalogue == URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("danh-muc.csv").path)
        let settings = c.settings(Period(year: 2024, span: .quarter(2)), provisional: false)
        #expect(settings.goals[.satisfied] == Target("95.5"))
        #expect(settings.goals[.electronicRouting] == Target("90"))
        #expect(settings.goals[.onTime] == Target("97"))
        #expect(settings.goals[.eligibleOnline] == Target("100"))
    }

    @Test(arguments: [
        "tables = [\"06a\"]", "tables = [\"plans\"]", "[goals]\nsatisfied = 101", "[goals]\nsatisfaction = 90",
        "target = 98\n[goals]\non_time = 97", "[goals]\nsatisfied = \"95\"",
        // Form 06a is the KPI table's: the plan alone in it would be written in no format.
        "tables = [\"plan\"]\nformats = [\"06a\"]",
    ])
    func refused(_ text: String) throws {
        let path = try write(text)
        let error = #expect(throws: ConfigurationError.self) { try RunConfiguration(file: path) }
        // Refused for what it says, not because the file went missing.
        if case .unreadable = error?.reason { Issue.record("\(text): unreadable") }
    }

    /// A key that no listed table uses would be ignored: a plan goal without the plan, a
    /// catalogue without the plan or the index. on_time's goal is the KPI table's target.
    @Test(arguments: [("[goals]\nsatisfied = 95", "goals.satisfied"), ("tables = [\"kpi\", \"index766\"]\n[goals]\nsatisfied = 95", "goals.satisfied"),
                      ("catalogue = \"danh-muc.csv\"", "catalogue"), ("tables = [\"kpi\"]\ncatalogue = \"danh-muc.csv\"", "catalogue")])
    func aKeyNoTableUsesIsRefused(_ text: String, key: String) throws {
        let error = try #require(throws: ConfigurationError.self) { try RunConfiguration(file: write(text)) }
        guard case .unusedKey(key, _) = error.reason else { Issue.record("\(text): \(error.reason)"); return }
        #expect(error.message(.en).contains("'\(key)' is used by the"), "\(error.message(.en))")
        #expect(try RunConfiguration(file: write("[goals]\non_time = 97\n")).target == Target("97"))
        #expect(try RunConfiguration(file: write("tables = [\"index766\"]\ncatalogue = \"danh-muc.csv\"\n")).catalogue != nil)
    }
}
