import TestSupport
import Foundation
import Testing
import Ingest
@testable import KPIMetrics

/// Rolling unit rows up: groups, subtotals, levels and units outside them, on counts made by
/// hand (one count per unit, so that every sum is visible).
@Suite("Roll-ups")
struct RollUpTests {
    func hierarchy() throws -> UnitHierarchy {
        let scratch = try TempDir()
        let text = "T,T,,tỉnh\nS,S,T,sở\nH,H,T,huyện\nX1,X1,H,xã\nX2,X2,H,xã\nOld,X2\n"
        return try UnitsFile(path: try scratch.write("units.csv", text).path).hierarchy
    }

    func counts(_ n: Int) -> KPICounts {
        var c = KPICounts()
        c[.receivedNew] = n
        return c
    }

    let units = [("X2", 2), ("X1", 1), ("H", 10), ("S", 100), ("N", 1000)]
    let order: (String, String) -> Bool = { $0 < $1 }

    @Test("by parent: each parent's units in order, then its subtotal; units without a parent last")
    func byParent() throws {
        let rows = RollUp.parent.rows(units.map { ($0.0, counts($0.1)) }, hierarchy: try hierarchy(), by: order)
        #expect(rows.map { "\($0.kind.rawValue):\($0.name ?? "-"):\($0.counts[.receivedNew])" } == [
            "unit:X1:1", "unit:X2:2", "subtotal:H:3", "unit:H:10", "unit:S:100", "subtotal:T:110", "unit:N:1000", "subtotal:-:1000",
        ])
        #expect(rows[2].parent == "T" && rows[2].level == .district)
        #expect(rows[0].parent == "H" && rows[0].level == .commune)
    }

    @Test("by level: units counted for their ancestor at the level (or themselves); others kept outside")
    func byLevel() throws {
        let rows = RollUp.level(.district).rows(units.map { ($0.0, counts($0.1)) }, hierarchy: try hierarchy(), by: order)
        #expect(rows.map { "\($0.kind.rawValue):\($0.name ?? "-"):\($0.counts[.receivedNew])" } == [
            "rollup:H:13", "outside:N:1000", "outside:S:100",
        ])
        let province = RollUp.level(.province).rows(units.map { ($0.0, counts($0.1)) }, hierarchy: try hierarchy(), by: order)
        #expect(province.map { "\($0.kind.rawValue):\($0.name ?? "-"):\($0.counts[.receivedNew])" } == ["rollup:T:113", "outside:N:1000"])
    }

    @Test("the argument reads parent and level=LEVEL in any spelling")
    func argument() {
        #expect(RollUp(argument: "parent") == .parent)
        #expect(RollUp(argument: "level=huyen") == .level(.district))
        #expect(RollUp(argument: "LEVEL=Xã")?.argument == "level=xã")
        #expect(RollUp(argument: "level=") == nil)
        #expect(RollUp(argument: "unit") == nil)
    }
}
