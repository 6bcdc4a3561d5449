import TestSupport
import Foundation
import Ingest
import KPIMetrics
import Testing
import Wording
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
    static let folder = PackagePaths.fixture("hand-checked")

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

/// Small tables built by hand for the people's formats.
enum PeopleReportFixture {
    static let names: [UnitID: String] = [
        UnitID(rawValue: 0): "Phòng Tư pháp, Hộ tịch",
        UnitID(rawValue: 1): "UBND xã Hoằng Đức",
        UnitID(rawValue: 2): "A & <B>",
        UnitID(rawValue: 3): "Tổ \"một cửa\" | 'xã'",
        UnitID(rawValue: 4): "Văn phòng Đăng ký đất đai",
    ]

    /// 2023-Q1 (decree 09: 15/12/2022 – 14/03/2023):
    /// - "Phòng Tư pháp, Hộ tịch": 1 early, 1 on time, 1 late: 66.67 %, below target;
    /// - "UBND xã Hoằng Đức": one open online dossier: no on-time rate;
    /// - "A & <B>": 2 early, online and digitised: 100 %;
    /// - "Tổ "một cửa" | 'xã'": 1,200 dossiers (thousands separators), 10 late, one withdrawn;
    /// - "Văn phòng Đăng ký đất đai": 49 of 50 on time, exactly 98.00 %: not below; two
    ///   carried over, one of them overdue.
    static let dossiers: [Dossier] = {
        var list: [Dossier] = []
        let (jan2, jan9) = (moment(2023, 1, 2, 8), moment(2023, 1, 9, 8))
        list.append(dossier(.returned, unit: 0, received: jan2, due: jan9, finished: moment(2023, 1, 5, 8)))
        list.append(dossier(.returned, unit: 0, received: jan2, due: jan9, finished: jan9))
        list.append(dossier(.returned, unit: 0, received: jan2, due: jan9, finished: moment(2023, 1, 10, 8)))
        list.append(dossier(.processing, unit: 1, received: moment(2023, 2, 2, 8), channel: .online))
        for _ in 0..<2 {
            list.append(dossier(.returned, unit: 2, received: jan2, due: jan9, finished: moment(2023, 1, 4, 8),
                                channel: .online, digitisedDossier: true, digitisedResult: true))
        }
        for i in 0..<1200 {
            let channel: Channel = [.direct, .online, .postal][i % 3]
            list.append(dossier(i == 0 ? .withdrawn : .returned, unit: 3, received: moment(2023, 1, 5, 8),
                                due: moment(2023, 1, 20, 8), finished: moment(2023, 1, i < 1190 ? 20 : 25, 8),
                                channel: channel, digitisedDossier: i % 2 == 0, digitisedResult: i % 4 == 0))
        }
        for i in 0..<50 {
            list.append(dossier(.returned, unit: 4, received: moment(2023, 2, 1, 8), due: moment(2023, 2, 20, 8),
                                finished: moment(2023, 2, i == 0 ? 21 : 15, 8), channel: .online, digitisedDossier: i % 5 == 0))
        }
        list.append(dossier(.processing, unit: 4, received: moment(2022, 12, 1, 8), due: moment(2023, 2, 1, 8)))
        list.append(dossier(.processing, unit: 4, received: moment(2022, 12, 1, 8), due: moment(2023, 6, 1, 8)))
        return list
    }()

    static let table = KPITable(period: Period(year: 2023, span: .quarter(1)), dossiers: dossiers, unitNames: names)

    /// 2023 by quarter: "Phòng Tư pháp, Hộ tịch" below in Q1, "A & <B>" 0 % in Q2, "Xã Hải | Hà"
    /// only in Q3 (100 %); nobody resolves anything in Q4.
    static let breakdown: KPIBreakdown = {
        var list = Array(dossiers.prefix(3))
        list.append(dossier(.returned, unit: 2, received: moment(2023, 4, 3, 8), due: moment(2023, 4, 10, 8),
                            finished: moment(2023, 4, 20, 8)))
        list.append(dossier(.returned, unit: 5, received: moment(2023, 7, 3, 8), due: moment(2023, 7, 10, 8),
                            finished: moment(2023, 7, 4, 8)))
        var unitNames = names
        unitNames[UnitID(rawValue: 5)] = "Xã Hải | Hà"
        return KPIBreakdown(period: Period(year: 2023, span: .year), step: .quarter, dossiers: list, unitNames: unitNames)
    }()

    static let manifest: ReportManifest = {
        var input = InputSummary(name: "tthc-xuatfile-2023-05 <Hoằng Hóa>.csv", byteCount: 4096, kind: .portalSync,
                                 encoding: .utf8, delimiter: 0x2C, ignoredColumns: [])
        input.sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
        input.rowsRead = 1321
        input.accepted = 1318
        input.rejectsByReason = [.unknownChannel: 3]
        return ReportManifest(inputs: [input])
    }()

    /// The csv of `table`, one dictionary per row keyed by column name.
    static func csvRecords(_ table: KPITable) -> [[String: String]] { csvDictionaries(table.csv()) }

    /// A csv figure as the people's formats print it: `1.200`, `66,67 %`, `—` (vi).
    static func people(_ value: String, column: String, _ language: Language) -> String {
        if column.hasSuffix("_rate") { return language.percent(value.isEmpty ? nil : value) }
        return language.count(Int(value) ?? -1)
    }
}

extension PeopleTable {
    /// Each row's cells as the text formats print them (no markers).
    func texts(_ language: Language) -> [[String]] {
        rows.map { $0.cells.map { $0.value.text(language, empty: "") } }
    }
}
