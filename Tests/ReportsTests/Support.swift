import TestSupport
import Foundation
import Ingest
import Metrics
import Testing
@testable import Reports

/// 2023-Q1 (15/12/2022 – 14/03/2023): "Phòng Tư pháp, Hộ tịch" (a comma: quoted in CSV)
/// resolves 2 of 3 on time (below target); "UBND xã Hoằng Đức" has one open online dossier (no
/// on-time rate, no flag, but progress). The total is 2 of 3 on time too: below target.
let sampleTable = KPITable(
    period: Period(year: 2023, span: .quarter(1)),
    dossiers: [
        dossier(.returned, unit: 0, received: moment(2023, 1, 2), due: moment(2023, 1, 9), finished: moment(2023, 1, 5)),
        dossier(.returned, unit: 0, received: moment(2023, 1, 2), due: moment(2023, 1, 9), finished: moment(2023, 1, 9)),
        dossier(.returned, unit: 0, received: moment(2023, 1, 2), due: moment(2023, 1, 9), finished: moment(2023, 1, 10)),
        dossier(.processing, unit: 1, received: moment(2023, 2, 2), channel: .online),
    ],
    unitNames: [UnitID(rawValue: 0): "Phòng Tư pháp, Hộ tịch", UnitID(rawValue: 1): "UBND xã Hoằng Đức"])

/// `Fixtures/hand-checked`, read as `report` reads it (hashes included).
enum HandChecked {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hand-checked")

    /// Its three exports, and the 2023-Q1 (decree 09) table of them.
    static func q1() throws -> (set: DossierSet, table: KPITable) {
        let loader = DossierLoader()
        loader.computesDigests = true
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        try #require(names.count == 3)
        for name in names { _ = try loader.load(path: folder.appendingPathComponent(name).path, name: name) }
        let set = loader.result
        return (set, KPITable(period: Period(year: 2023, span: .quarter(1)), dossiers: set.dossiers, unitNames: set.unitNames))
    }
}
