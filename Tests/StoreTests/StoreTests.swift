import TestSupport
import Foundation
import Ingest
import KPIMetrics
import Reports
import Testing
@testable import Store
import GRDB

/// The package root, found from this file.
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func temporaryStorePath() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent("motcua.sqlite").path
}

/// Every fixture case with its input files and the periods its expected tables name.
private func fixtureCases() throws -> [(name: String, files: [String], periods: [(Period, PeriodBasis)])] {
    let fixtures = root.appendingPathComponent("Fixtures")
    return try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted().compactMap { name in
        let dir = fixtures.appendingPathComponent(name)
        let expected = dir.appendingPathComponent("expected")
        guard FileManager.default.fileExists(atPath: expected.path) else { return nil }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".csv") }.sorted()
            .map { dir.appendingPathComponent($0).path }
        let periods = try FileManager.default.contentsOfDirectory(atPath: expected.path).sorted().compactMap { file -> (Period, PeriodBasis)? in
            let parts = file.split(separator: ".")
            guard parts.count == 3, let basis = PeriodBasis(rawValue: String(parts[1])),
                  let period = try? Period(parsing: String(parts[0])) else { return nil }
            return (period, basis)
        }
        return (name, files, periods)
    }
}

private func rawSet(_ files: [String]) throws -> DossierSet {
    let loader = DossierLoader()
    loader.computesDigests = true
    for file in files { try loader.load(path: file) }
    return loader.result
}

private func tables(_ set: DossierSet, _ periods: [(Period, PeriodBasis)]) throws -> [String] {
    try periods.flatMap { period, basis in
        let table = KPITable(period: period, basis: basis, dossiers: set.dossiers, unitNames: set.unitNames)
        return [table.csv(), try table.json(manifest: ReportManifest(inputs: set.inputs))]
    }
}

@Suite struct StoreReportTests {
    /// For every fixture case and every period it names, the store's csv and json equal the raw
    /// files', whatever order the files were imported in.
    @Test func storeReportsEqualRawReportsInAnyImportOrder() throws {
        let cases = try fixtureCases()
        #expect(cases.count >= 5)
        for fixture in cases {
            let expected = try tables(try rawSet(fixture.files), fixture.periods)
            for order in [fixture.files, fixture.files.reversed(), fixture.files.shuffled()] {
                let store = try MotcuaStore(path: try temporaryStorePath(), create: true)
                for file in order { _ = try store.importFile(path: file) }
                let got = try tables(try store.dossierSet(), fixture.periods)
                #expect(got == expected, "\(fixture.name) in order \(order.map { URL(fileURLWithPath: $0).lastPathComponent })")
            }
        }
    }

    @Test func reimportingAFileChangesNothing() throws {
        let files = try #require(try fixtureCases().first { $0.name == "monthly-overlap" }).files
        let store = try MotcuaStore(path: try temporaryStorePath(), create: true)
        guard case .imported(let first) = try store.importFile(path: files[0]) else {
            Issue.record("first import should import")
            return
        }
        guard case .alreadyImported(let again) = try store.importFile(path: files[0]) else {
            Issue.record("second import should be refused")
            return
        }
        #expect(again.id == first.id)
        #expect(try store.imports().count == 1)
    }

    /// Removing an import makes every dossier fall back to its next occurrence: the same as a
    /// raw report without that file.
    @Test func removingAnImportFallsBack() throws {
        let fixture = try #require(try fixtureCases().first { $0.name == "monthly-overlap" })
        let store = try MotcuaStore(path: try temporaryStorePath(), create: true)
        var ids: [String: Int64] = [:]
        for file in fixture.files {
            if case .imported(let record) = try store.importFile(path: file) { ids[file] = record.id }
        }
        for removed in fixture.files {
            let copy = try MotcuaStore(path: try temporaryStorePath(), create: true)
            for file in fixture.files { _ = try copy.importFile(path: file) }
            let id = try #require(try copy.imports().first { $0.fileName == removed }?.id)
            _ = try copy.removeImport(id: id)
            let expected = try tables(try rawSet(fixture.files.filter { $0 != removed }), fixture.periods)
            #expect(try tables(try copy.dossierSet(), fixture.periods) == expected, "without \(removed)")
        }
        #expect(throws: StoreError.self) { try store.removeImport(id: 999) }
    }

    @Test func rejectsAreKeptWithTheirImport() throws {
        let fixture = try #require(try fixtureCases().first { $0.name == "rejects" })
        let store = try MotcuaStore(path: try temporaryStorePath(), create: true)
        var seen: [Reject] = []
        for file in fixture.files { _ = try store.importFile(path: file, onReject: { seen.append($0) }) }
        let stored = try store.rejects()
        #expect(stored.count == seen.count)
        #expect(Set(stored.map { "\($0.file):\($0.line):\($0.field?.rawValue ?? "")" })
                == Set(seen.map { "\($0.file):\($0.line):\($0.field?.rawValue ?? "")" }))
        #expect(stored.map(\.raw).sorted() == seen.map(\.raw).sorted())
        let set = try store.dossierSet()
        #expect(set.inputs.map(\.rejected).reduce(0, +) == seen.count)
    }

    @Test func aFileThatCannotBeReadLeavesTheStoreAsItWas() throws {
        let store = try MotcuaStore(path: try temporaryStorePath(), create: true)
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).csv")
        try Data("MaHoSo,NgayTiepNhan\nH1,1/1/2023\n".utf8).write(to: bad)
        #expect(throws: IngestError.self) { try store.importFile(path: bad.path) }
        #expect(try store.imports().isEmpty)
    }
}

@Suite struct StoreErrorTests {
    @Test func aMissingStoreIsNotCreatedByReading() throws {
        let path = try temporaryStorePath()
        #expect(throws: StoreError(path: path, kind: .missing)) { try MotcuaStore(path: path, create: false) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aTextFileIsNotAStore() throws {
        let path = try temporaryStorePath()
        try Data("MaHoSo,DonViXuLy\n".utf8).write(to: URL(fileURLWithPath: path))
        for create in [false, true] {
            #expect(throws: StoreError(path: path, kind: .notAStore)) { try MotcuaStore(path: path, create: create) }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "MaHoSo,DonViXuLy\n", "never damaged")
    }

    @Test func anotherSQLiteDatabaseIsNotAStore() throws {
        let path = try temporaryStorePath()
        let other = try MotcuaStore(path: path, create: true)
        try other.writer.write { db in
            try db.execute(sql: "DROP TABLE grdb_migrations")
        }
        #expect(throws: StoreError(path: path, kind: .notAStore)) { try MotcuaStore(path: path, create: false) }
    }

    @Test func aNewerSchemaIsRefused() throws {
        let path = try temporaryStorePath()
        let store = try MotcuaStore(path: path, create: true)
        try store.writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
        }
        for create in [false, true] {
            #expect(throws: StoreError(path: path, kind: .newerSchema)) { try MotcuaStore(path: path, create: create) }
        }
    }

    @Test func exitStatuses() {
        #expect(StoreError(path: "x", kind: .notAStore).exitStatus == 66)
        #expect(StoreError(path: "x", kind: .busy).exitStatus == 74)
        #expect(StoreError(path: "x", kind: .readOnly).exitStatus == 74)
    }
}

@Suite struct StoredOccurrenceTests {
    /// Every accepted row is kept with its fields as read, the ones no rule uses included.
    @Test func occurrencesKeepTheirFields() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("t-\(UUID().uuidString).csv")
        try Data("""
            MaHoSo,MaTTHC,TenTTHC,MaLinhVuc,TenLinhVuc,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,SoHoaHoSo,SoHoaKetQua
            H1,1.003596,Hòa giải tranh chấp đất đai,G01,Đất đai,UBND xã A,2,05/01/2023 08:00,20/01/2023,10/01/2023 09:00,11/01/2023 10:00,10,1,0
            H1,1.003596,Hòa giải tranh chấp đất đai,,,UBND xã A,2,05/01/2023 08:00,20/01/2023,,,4,1,0

            """.utf8).write(to: file)
        let store = try MotcuaStore(path: try temporaryStorePath(), create: true)
        _ = try store.importFile(path: file.path)
        let rows = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM occurrence_detail ORDER BY line")
        }
        #expect(rows.count == 2, "both occurrences of H1 are kept")
        let first = try #require(rows.first)
        #expect(first["line"] == 2)
        #expect(first["code"] == "H1")
        #expect(first["procedure_code"] == "1.003596")
        #expect(first["procedure_name"] == "Hòa giải tranh chấp đất đai")
        #expect(first["field_code"] == "G01")
        #expect(first["field_name"] == "Đất đai")
        #expect(first["status"] == 10)
        #expect(first["channel"] == 2)
        #expect(first["received"] == LocalMoment(year: 2023, month: 1, day: 5, hour: 8)?.seconds)
        #expect(first["due"] == LocalMoment(year: 2023, month: 1, day: 20, hour: 23, minute: 59, second: 59)?.seconds)
        #expect(first["processed"] == LocalMoment(year: 2023, month: 1, day: 10, hour: 9)?.seconds)
        #expect(first["handed_over"] == LocalMoment(year: 2023, month: 1, day: 11, hour: 10)?.seconds)
        #expect(first["finished"] == LocalMoment(year: 2023, month: 1, day: 10, hour: 9)?.seconds)
        let second = try #require(rows.last)
        #expect((second["field_name"] as String?) == nil)
        #expect((second["processed"] as Int64?) == nil)
        // The later line wins: H1 is open in the store's dossier set.
        #expect(try store.dossierSet().dossiers.first?.status == .processing)
    }
}
